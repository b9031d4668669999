package dev.keystone.alert;

import dev.keystone.testkit.ServiceOperationsTest;

class AlertOperationsIT extends ServiceOperationsTest {

}
