package dev.keystone.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keystone.events.Severity;
import dev.keystone.testkit.KeystoneStackExtension;
import dev.keystone.testkit.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each transition reaches a receiver once: across a crash in the middle of an incident,
 * and with two replicas sharing the work.
 */
@ExtendWith(KeystoneStackExtension.class)
class AlertFailoverIT {

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	@Test
	void aCrashMidIncidentAndTwoReplicasDeliverEachTransitionOnce() {
		try (Receivers receivers = Receivers.start();
				AlertServiceRun run = new AlertServiceRun(receivers.environment("webhook"))) {
			List<ServiceProcess> replicas = new ArrayList<>();
			try {
				ServiceProcess first = run.start();
				assertThat(AlertServiceRun
					.call(first, "PUT", "/v1/alert-rules",
							"[{\"metric\": \"it_*\", \"groupWait\": \"1s\", \"resolveAfter\": \"25s\"}]")
					.statusCode()).isEqualTo(200);
				for (int i = 0; i < 5; i++) {
					run.anomaly("it_crash", "title:t" + i, Severity.HIGH, 0.6, 0.05);
				}
				await().atMost(PATIENCE).until(() -> count(receivers, "firing").size() == 5);
				// Let the delivery commit what the receiver took, then crash.
				await().pollDelay(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> true);
				first.kill();

				CompletableFuture<ServiceProcess> second = CompletableFuture.supplyAsync(run::start);
				ServiceProcess third = run.start();
				replicas.add(third);
				replicas.add(second.join());
				for (int metric = 0; metric < 6; metric++) {
					for (int scope = 0; scope < 3; scope++) {
						run.anomaly("it_pair" + metric, "country:C" + scope, Severity.MEDIUM, 0.3, 0.05);
					}
				}

				await().atMost(PATIENCE).until(() -> count(receivers, "firing").size() == 5 + 18);
				await().atMost(PATIENCE).until(() -> count(receivers, "resolved").size() == 5 + 18);
				await().pollDelay(Duration.ofSeconds(3)).atMost(PATIENCE).until(() -> true);

				assertThat(count(receivers, "firing")).as("firing deliveries per alert")
					.allSatisfy((alertId, deliveries) -> assertThat(deliveries).as(alertId).isEqualTo(1));
				assertThat(count(receivers, "resolved")).as("resolved deliveries per alert")
					.allSatisfy((alertId, deliveries) -> assertThat(deliveries).as(alertId).isEqualTo(1));
				JsonNode fromOne = run.json(AlertServiceRun.call(replicas.get(0), "GET", "/v1/alerts?size=100", null));
				JsonNode fromOther = run
					.json(AlertServiceRun.call(replicas.get(1), "GET", "/v1/alerts?size=100", null));
				assertThat(fromOne.get("total").asInt()).isEqualTo(23);
				assertThat(fromOther).isEqualTo(fromOne);
			}
			finally {
				replicas.forEach(ServiceProcess::close);
			}
		}
	}

	/** Deliveries of one transition per alert id, over every webhook body received. */
	private static Map<String, Integer> count(Receivers receivers, String transition) {
		Map<String, Integer> counts = new HashMap<>();
		for (Receivers.Received received : receivers.received("webhook")) {
			if (!received.body().get("transition").asText().equals(transition)) {
				continue;
			}
			for (JsonNode alert : received.body().get("alerts")) {
				counts.merge(alert.get("alertId").asText(), 1, Integer::sum);
			}
		}
		return counts;
	}

}
