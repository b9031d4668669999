package dev.keystone.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.Anomaly;
import dev.keystone.events.EventJson;
import dev.keystone.events.Severity;
import dev.keystone.testkit.KeystoneStack;
import dev.keystone.testkit.ServiceProcess;
import dev.keystone.testkit.TopicWriter;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * One run of alert-service in tests: its own anomalies topic, topic prefix, application
 * id and state directories, so runs never see each other's anomalies or alerts; instances
 * of one run share them, as replicas do.
 */
public final class AlertServiceRun implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final ObjectMapper mapper = EventJson.newMapper();

	private final String name = "it-" + UUID.randomUUID().toString().substring(0, 8);

	private final Map<String, String> environment;

	private final TopicWriter writer;

	private int sequence;

	public AlertServiceRun(Map<String, String> environment) {
		this.environment = environment;
		KeystoneStack stack = KeystoneStack.shared();
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(anomalies(), 12, (short) 1))).all().get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("could not create " + anomalies(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		this.writer = TopicWriter.to(stack);
	}

	public String anomalies() {
		return this.name + "-anomalies";
	}

	/** Starts one more instance (replica) of this run. */
	public ServiceProcess start() {
		Map<String, String> environment = new java.util.HashMap<>(this.environment);
		environment.put("KEYSTONE_ALERT_TOPICS_PREFIX", this.name);
		environment.put("KEYSTONE_ALERT_STREAMS_APPLICATION_ID", this.name);
		try {
			Path state = Files.createTempDirectory("alert-state");
			return ServiceProcess.start(
					"alert-service", environment, "--spring.cloud.stream.bindings.alerts-in-0.destination="
							+ anomalies() + "," + this.name + ".inbox",
					"--spring.cloud.stream.kafka.streams.binder.configuration.state.dir=" + state);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Anomaly anomaly(String metric, String scope, Severity severity, double observed, double expected) {
		Instant now = Instant.now();
		Instant end = now.minusSeconds(now.getEpochSecond() % 60);
		Anomaly anomaly = new Anomaly(this.name + "-an-" + (++this.sequence), metric, scope, end.minusSeconds(60), end,
				observed, expected, 4.2, severity, now);
		this.writer.send(anomalies(), anomaly.key(), EventJson.write(this.mapper, anomaly));
		return anomaly;
	}

	public static HttpResponse<String> call(ServiceProcess service, String method, String path, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Keystone-Caller", "it");
		request.method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public JsonNode json(HttpResponse<String> response) {
		try {
			return this.mapper.readTree(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.writer.close();
	}

}
