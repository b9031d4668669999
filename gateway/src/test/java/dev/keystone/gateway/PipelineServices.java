package dev.keystone.gateway;

import java.util.List;
import java.util.Map;

import dev.keystone.testkit.ServiceProcess;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Ingest, processing and routing as processes of their own on the test servers, behind
 * the gateway under test. Processing gets its own application id and starts at the end of
 * its topics, so events of earlier tests do not reach it.
 */
final class PipelineServices implements AutoCloseable {

	private final List<ServiceProcess> processes;

	private PipelineServices(List<ServiceProcess> processes) {
		this.processes = processes;
	}

	/** Starts the three services and points the gateway's routes at them. */
	static PipelineServices start(String streamsId, DynamicPropertyRegistry registry) {
		ServiceProcess ingest = ServiceProcess.start("ingest-service", Map.of());
		ServiceProcess processing = ServiceProcess.start("processing-service", Map.of(),
				"--keystone.processing.streams.application-id=" + streamsId,
				"--spring.cloud.stream.kafka.streams.binder.configuration.state.dir=target/" + streamsId,
				"--spring.cloud.stream.kafka.streams.binder.configuration.auto.offset.reset=latest");
		ServiceProcess routing = ServiceProcess.start("routing-service", Map.of());
		registry.add("INGEST_URL", ingest::url);
		registry.add("ROUTING_URL", routing::url);
		return new PipelineServices(List.of(ingest, processing, routing));
	}

	@Override
	public void close() {
		this.processes.forEach(ServiceProcess::close);
	}

}
