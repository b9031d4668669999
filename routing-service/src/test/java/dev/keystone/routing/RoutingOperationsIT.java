package dev.keystone.routing;

import dev.keystone.testkit.OperationsContract;

class RoutingOperationsIT extends RoutingIntegrationTest implements OperationsContract {

	@Override
	public int port() {
		return this.port;
	}

	@Override
	public String applicationName() {
		return "routing-service";
	}

}
