package dev.keystone.gateway;

import dev.keystone.testkit.ServiceOperationsTest;

class GatewayOperationsIT extends ServiceOperationsTest {

}
