package dev.keystone.ingest;

import dev.keystone.testkit.ServiceOperationsTest;

class IngestOperationsIT extends ServiceOperationsTest {

}
