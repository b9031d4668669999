package dev.keystone.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The whole pipeline behind the gateway under an open-loop load: heartbeats posted at a
 * constant rate to {@code POST /v1/events}, each timed from the moment its request was
 * due until the request was answered {@code 202}, until it was on {@code events.enriched}
 * (read committed), until a search found it in Elasticsearch, and until its title's 10 s
 * viewer count for its window was served by {@code GET /v1/titles/{id}/viewers}. First
 * the sustainable rate: steps of rising rate until one leaves events behind; then 50 %
 * and 80 % of the last rate the pipeline kept up with.
 */
final class EndToEndScenario {

	private static final int BATCH = 10;

	private static final int TITLES = 6;

	private static final double FIRST_STEP = 1000;

	private static final double STEP_FACTOR = 1.5;

	private static final double HIGHEST_STEP = 40_000;

	private static final Duration STEP = Duration.ofSeconds(15);

	/**
	 * How long after a step a pipeline that kept up has everything enriched and
	 * searchable.
	 */
	private static final Duration CATCH_UP = Duration.ofSeconds(10);

	/** Longer than a window plus processing-service's grace (10 s + 10 s). */
	private static final Duration TRICKLE = Duration.ofSeconds(30);

	/** After the trickle, every sample's window should have closed. */
	private static final Duration VIEWER_WAIT = Duration.ofSeconds(30);

	private final BenchSettings settings;

	EndToEndScenario(BenchSettings settings) {
		this.settings = settings;
	}

	void run() throws Exception {
		String run = Long.toString(System.currentTimeMillis(), 36);
		List<String> titles = new ArrayList<>();
		for (int i = 0; i < TITLES; i++) {
			titles.add("e2e-" + run + "-" + i);
		}
		Map<String, String> key = Map.of("X-API-Key", this.settings.apiKey());
		putTitles(titles, key);
		try (EnrichedWatch enriched = new EnrichedWatch(this.settings.kafka());
				SearchWatch search = new SearchWatch(this.settings.elasticsearch());
				ViewerWatch viewers = new ViewerWatch(this.settings.gateway(), key);
				OpenLoad load = new OpenLoad(this.settings.gateway(), key, new EndToEndEvents(titles, (sample) -> {
					search.watch(sample);
					viewers.watch(sample);
				}), this.settings.connections())) {
			Report.progress("warming up at %,.0f events/s for %d s", FIRST_STEP / 2,
					this.settings.warmup().toSeconds());
			OpenLoad.Phase warmup = load.run("w", FIRST_STEP / 2, BATCH, this.settings.warmup());
			await(() -> caughtUp(warmup, enriched, search, load), Duration.ofSeconds(60));

			double sustainable = 0;
			List<OpenLoad.Phase> steps = new ArrayList<>();
			for (double rate = FIRST_STEP; rate <= HIGHEST_STEP; rate *= STEP_FACTOR) {
				OpenLoad.Phase step = load.run("s" + steps.size(), rate, BATCH, STEP);
				steps.add(step);
				boolean kept = await(() -> caughtUp(step, enriched, search, load), CATCH_UP)
						&& step.notAccepted.get() == 0;
				Report.progress("step %,.0f events/s: %s (enriched %,d of %,d, samples not yet searchable %,d)", rate,
						kept ? "kept up" : "fell behind", enriched.latencies().count(step.tag), step.events.get(),
						search.pending(step.tag));
				if (!kept) {
					break;
				}
				sustainable = rate;
			}
			if (sustainable == 0) {
				throw new IllegalStateException("the pipeline did not keep up with " + FIRST_STEP + " events/s");
			}
			Report.progress("letting the backlog of the last step drain");
			OpenLoad.Phase last = steps.get(steps.size() - 1);
			await(() -> caughtUp(last, enriched, search, load), Duration.ofMinutes(3));

			List<OpenLoad.Phase> measured = new ArrayList<>();
			for (double share : new double[] { 0.5, 0.8 }) {
				double rate = share * sustainable;
				Report.progress("measuring at %,.0f events/s (%.0f %% of %,.0f) for %d s", rate, share * 100,
						sustainable, this.settings.duration().toSeconds());
				OpenLoad.Phase phase = load.run((share == 0.5) ? "half" : "most", rate, BATCH,
						this.settings.duration());
				measured.add(phase);
				// A window closes only once later events move every partition's watermark
				// past its end
				// and the grace, so a trickle (not measured) keeps coming while the last
				// windows close.
				load.run("trickle", rate / 10, BATCH, TRICKLE);
				await(() -> caughtUp(phase, enriched, search, load), Duration.ofSeconds(60));
				await(() -> viewers.pending(phase.tag) == 0, VIEWER_WAIT);
			}

			Report.figure("events per request", BATCH, "events");
			Report.figure("titles", TITLES, "titles");
			Report.figure("rate steps (" + STEP.toSeconds() + " s each, x" + STEP_FACTOR + ")", steps.size(), "steps");
			Report.figure("sustainable rate (highest step kept up with)", sustainable, "events/s");
			for (OpenLoad.Phase phase : measured) {
				String label = String.format("at %.0f %%", 100 * phase.eventsPerSecond / sustainable);
				Report.figure(label + ": offered", phase.eventsPerSecond, "events/s");
				Report.figure(label + ": requests sent", phase.requests.get(), "requests");
				Report.figure(label + ": requests not answered 202", phase.notAccepted.get(), "requests");
				Report.figure(label + ": latest dispatch behind schedule", phase.lateDispatchMicros / 1000.0, "ms");
				StageLatencies.report(label + ": request → 202", phase.accepted);
				StageLatencies.report(label + ": → on events.enriched", enriched.latencies().of(phase.tag));
				Report.figure(label + ": events on events.enriched", enriched.latencies().count(phase.tag), "events");
				StageLatencies.report(label + ": → searchable", search.latencies().of(phase.tag));
				Report.figure(label + ": samples found by a search", search.latencies().count(phase.tag), "samples");
				Report.figure(label + ": samples never found", search.pending(phase.tag), "samples");
				StageLatencies.report(label + ": → 10 s viewer count served", viewers.latencies().of(phase.tag));
				Report.figure(label + ": samples whose window count never showed", viewers.pending(phase.tag),
						"samples");
			}
			double p99 = search.latencies().of(measured.get(0).tag).getValueAtPercentile(99) / 1e6;
			Report.figure("p99 request → searchable at 50 % of the sustainable rate (goal ≤ 2 s)", p99, "s");
		}
	}

	private static boolean caughtUp(OpenLoad.Phase phase, EnrichedWatch enriched, SearchWatch search, OpenLoad load) {
		return load.queued() == 0 && phase.accepted.getTotalCount() + phase.notAccepted.get() == phase.requests.get()
				&& enriched.latencies().count(phase.tag) >= phase.acceptedEvents.get()
				&& search.pending(phase.tag) == 0;
	}

	private static boolean await(BooleanSupplier condition, Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(100);
		}
		return true;
	}

	private void putTitles(List<String> titles, Map<String, String> key) throws IOException {
		try (HttpConnection gateway = new HttpConnection(this.settings.gateway())) {
			for (int i = 0; i < titles.size(); i++) {
				String body = "{\"name\":\"End to end " + i
						+ "\",\"genres\":[\"drama\"],\"durationMs\":5400000,\"releaseYear\":2024}";
				HttpConnection.Response response = gateway.put("/v1/catalog/titles/" + titles.get(i), key,
						body.getBytes(StandardCharsets.UTF_8));
				if (response.status() / 100 != 2) {
					throw new IllegalStateException("PUT title answered " + response.status() + ": " + response.text());
				}
			}
		}
	}

}
