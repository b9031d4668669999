package dev.keystone.processing;

import dev.keystone.testkit.ServiceOperationsTest;

class ProcessingOperationsIT extends ServiceOperationsTest {

}
