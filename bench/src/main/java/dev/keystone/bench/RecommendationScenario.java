package dev.keystone.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.DeviceType;
import dev.keystone.events.EnrichedEvent;
import dev.keystone.events.Event;
import dev.keystone.events.EventJson;
import dev.keystone.events.EventType;
import dev.keystone.events.Title;
import dev.keystone.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The offline evaluation of recommendation-service. A seeded synthetic world's first 80 %
 * of each profile's watches go through the real service on the real broker; the rest is
 * held out. Precision, recall and NDCG at 10 and catalog coverage, of the service and of
 * a most-popular baseline from the same training data; the service's throughput through
 * the backlog, and how soon a new watch shows in the profile's answers.
 */
final class RecommendationScenario {

	private static final int K = 10;

	private static final int PROBES = 40;

	private static final ObjectMapper MAPPER = EventJson.newMapper();

	private final BenchSettings settings;

	private final SyntheticWorld world;

	private final URI service;

	private final String applicationId;

	RecommendationScenario(BenchSettings settings) {
		this.settings = settings;
		Map<String, String> env = System.getenv();
		long seed = Long.parseLong(env.getOrDefault("BENCH_SEED", "42"));
		int titles = Integer.parseInt(env.getOrDefault("BENCH_TITLES", "1000"));
		int profiles = Integer.parseInt(env.getOrDefault("BENCH_PROFILES", "5000"));
		Instant end = Instant.ofEpochMilli(
				Long.parseLong(env.getOrDefault("BENCH_WORLD_END", String.valueOf(System.currentTimeMillis()))));
		this.world = new SyntheticWorld(seed, titles, profiles, end);
		this.service = URI.create(env.getOrDefault("BENCH_RECOMMENDATION_URL", "http://127.0.0.1:28085"));
		this.applicationId = env.getOrDefault("BENCH_RECOMMENDATION_APP_ID", "keystone-recommendation");
	}

	/**
	 * Writes the catalog and the training events to the topics, before the service
	 * starts.
	 */
	void prepare() throws Exception {
		List<ProducerRecord<String, String>> events = new ArrayList<>();
		for (SyntheticWorld.WorldProfile profile : this.world.profiles) {
			for (SyntheticWorld.Session session : profile.training()) {
				events.addAll(sessionEvents(profile.profileId(), session, true));
			}
		}
		events.sort(Comparator.comparing(ProducerRecord::timestamp));
		try (KafkaTopics topics = new KafkaTopics(this.settings.kafka())) {
			// Four weeks of event-time timestamps: past the broker's default retention.
			topics.keepForever(Topics.EVENTS_ENRICHED);
		}
		try (KafkaProducer<String, String> producer = producer()) {
			for (SyntheticWorld.WorldTitle title : this.world.titles) {
				producer.send(new ProducerRecord<>(Topics.CATALOG_TITLES, title.titleId(), EventJson.write(MAPPER,
						new Title(title.titleId(), title.name(), title.genres(), title.durationMs(), 2020))));
			}
			for (ProducerRecord<String, String> event : events) {
				producer.send(event);
			}
			producer.flush();
		}
		Report.progress("wrote %d titles and %d training events of %d profiles", this.world.titles.size(),
				events.size(), this.world.profiles.size());
	}

	void measure() throws Exception {
		throughput();
		if (System.getenv("BENCH_DEBUG") != null) {
			HttpClient client = HttpClient.newHttpClient();
			for (int i = 0; i < 3; i++) {
				SyntheticWorld.WorldProfile profile = this.world.profiles.get(i);
				Report.progress("DEBUG %s held=%s train=%s", profile.profileId(), profile.heldOut(),
						profile.training().stream().map((x) -> x.titleId() + (x.watched() ? "" : "?")).toList());
				Report.progress("DEBUG rec %s",
						get(client, "/v1/recommendations/" + profile.profileId() + "?limit=10"));
				Report.progress("DEBUG cw %s",
						get(client, "/v1/profiles/" + profile.profileId() + "/continue-watching"));
				String last = profile.training().get(profile.training().size() - 1).titleId();
				Report.progress("DEBUG sim %s %s", last, get(client, "/v1/titles/" + last + "/similar?limit=10"));
			}
		}
		LatencyRecorder freshness = freshness();
		Evaluation service = evaluate(this::serviceRecommendations);
		Evaluation popular = evaluate(popularity());
		Report.figure("recommendation freshness p50 (watch to continue-watching)", freshness.percentileMillis(0.5),
				"ms");
		Report.figure("recommendation freshness p99 (watch to continue-watching)", freshness.percentileMillis(0.99),
				"ms");
		service.report("service");
		popular.report("popularity baseline");
		Report.ratio("service P@10 / popularity P@10", service.precision() / popular.precision());
	}

	private void throughput() throws Exception {
		try (KafkaTopics topics = new KafkaTopics(this.settings.kafka())) {
			long end = topics.endOffset(Topics.EVENTS_ENRICHED);
			long firstAt = 0;
			long firstCommitted = 0;
			long deadline = System.currentTimeMillis() + Duration.ofMinutes(30).toMillis();
			while (System.currentTimeMillis() < deadline) {
				long committed = topics.committed(this.applicationId, Topics.EVENTS_ENRICHED);
				if (committed > 0 && firstAt == 0) {
					firstAt = System.currentTimeMillis();
					firstCommitted = committed;
				}
				if (committed >= end && caughtUp(topics)) {
					long doneAt = System.currentTimeMillis();
					Report.figure("recommendation events in the backlog", end, "events");
					Report.figure("recommendation throughput through the backlog",
							(end - firstCommitted) * 1000.0 / Math.max(1, doneAt - firstAt), "events/s");
					return;
				}
				Report.progress("recommendation consumed %d of %d events", committed, end);
				Thread.sleep(1000);
			}
			throw new IllegalStateException("the service did not consume the backlog in 30 minutes");
		}
	}

	/** Whether both internal hops have been read to their ends too. */
	private boolean caughtUp(KafkaTopics topics) throws Exception {
		for (String hop : List.of("by-profile", "title-signals")) {
			String topic = this.applicationId + "-" + hop + "-repartition";
			if (topics.committed(this.applicationId, topic) < topics.endOffset(topic)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * New watches of probe profiles, each timed until its continue-watching row shows it.
	 */
	private LatencyRecorder freshness() throws Exception {
		LatencyRecorder latency = new LatencyRecorder();
		HttpClient client = HttpClient.newHttpClient();
		try (KafkaProducer<String, String> producer = producer()) {
			for (int i = 0; i < PROBES; i++) {
				String profileId = "probe-" + UUID.randomUUID();
				String titleId = this.world.titles.get(i % this.world.titles.size()).titleId();
				Instant now = Instant.now();
				long sent = System.nanoTime();
				// Watched and not finished: it belongs in the continue-watching row.
				for (ProducerRecord<String, String> event : sessionEvents(profileId,
						new SyntheticWorld.Session(titleId, now.minusSeconds(200), true), false)) {
					producer.send(event).get();
				}
				long deadline = sent + Duration.ofSeconds(60).toNanos();
				while (!get(client, "/v1/profiles/" + profileId + "/continue-watching").contains(titleId)) {
					if (System.nanoTime() > deadline) {
						throw new IllegalStateException("a watch of " + profileId + " did not show in 60 s");
					}
					Thread.sleep(20);
				}
				latency.record(System.nanoTime() - sent);
			}
		}
		return latency;
	}

	private List<String> serviceRecommendations(SyntheticWorld.WorldProfile profile) {
		try {
			JsonNode answer = MAPPER.readTree(
					get(HttpClient.newHttpClient(), "/v1/recommendations/" + profile.profileId() + "?limit=" + K));
			List<String> titles = new ArrayList<>();
			answer.get("items").forEach((item) -> titles.add(item.get("titleId").asText()));
			return titles;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The titles most profiles watched in the training data, minus what the profile
	 * played.
	 */
	private Recommend popularity() {
		Map<String, Integer> watchers = new HashMap<>();
		for (SyntheticWorld.WorldProfile profile : this.world.profiles) {
			profile.training()
				.stream()
				.filter(SyntheticWorld.Session::watched)
				.map(SyntheticWorld.Session::titleId)
				.distinct()
				.forEach((titleId) -> watchers.merge(titleId, 1, Integer::sum));
		}
		List<String> ranked = watchers.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.map(Map.Entry::getKey)
			.toList();
		return (profile) -> {
			Set<String> played = new HashSet<>();
			profile.training().forEach((session) -> played.add(session.titleId()));
			return ranked.stream().filter((titleId) -> !played.contains(titleId)).limit(K).toList();
		};
	}

	private Evaluation evaluate(Recommend recommend) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		Set<String> recommended = ConcurrentHashMap.newKeySet();
		List<Future<double[]>> scores = new ArrayList<>();
		for (SyntheticWorld.WorldProfile profile : this.world.profiles) {
			Set<String> heldOut = profile.heldOut();
			if (heldOut.isEmpty()) {
				continue;
			}
			scores.add(pool.submit(() -> {
				List<String> titles = recommend.titles(profile);
				recommended.addAll(titles);
				return score(titles, heldOut);
			}));
		}
		double[] sum = new double[3];
		for (Future<double[]> score : scores) {
			double[] one = score.get();
			for (int i = 0; i < sum.length; i++) {
				sum[i] += one[i];
			}
		}
		pool.shutdown();
		pool.awaitTermination(1, TimeUnit.MINUTES);
		int n = scores.size();
		return new Evaluation(sum[0] / n, sum[1] / n, sum[2] / n,
				(double) recommended.size() / this.world.titles.size(), n);
	}

	/** Precision, recall and NDCG at K of one list against the held-out titles. */
	static double[] score(List<String> titles, Set<String> heldOut) {
		int hits = 0;
		double dcg = 0;
		for (int i = 0; i < Math.min(K, titles.size()); i++) {
			if (heldOut.contains(titles.get(i))) {
				hits++;
				dcg += 1 / log2(i + 2);
			}
		}
		double ideal = 0;
		for (int i = 0; i < Math.min(K, heldOut.size()); i++) {
			ideal += 1 / log2(i + 2);
		}
		return new double[] { (double) hits / K, (double) hits / heldOut.size(), dcg / ideal };
	}

	private static double log2(double value) {
		return Math.log(value) / Math.log(2);
	}

	private String get(HttpClient client, String path) throws IOException {
		HttpRequest request = HttpRequest.newBuilder(this.service.resolve(path))
			.timeout(Duration.ofSeconds(30))
			.build();
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IOException(path + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
	}

	/**
	 * A session as processing writes it: a start, heartbeats past two minutes for a watch
	 * (to the end for one in three, if it may finish), a stop.
	 */
	private List<ProducerRecord<String, String>> sessionEvents(String profileId, SyntheticWorld.Session session,
			boolean mayFinish) {
		SyntheticWorld.WorldTitle title = this.world.titles.stream()
			.filter((t) -> t.titleId().equals(session.titleId()))
			.findFirst()
			.orElseThrow();
		List<ProducerRecord<String, String>> events = new ArrayList<>();
		String sessionId = profileId + "-" + session.at().toEpochMilli();
		long finish = (mayFinish && Math.floorMod(sessionId.hashCode(), 3) == 0) ? title.durationMs() : 150_000;
		long[] positions = session.watched() ? new long[] { 0, 60_000, finish, finish }
				: new long[] { 0, 30_000, 30_000 };
		EventType[] types = session.watched()
				? new EventType[] { EventType.PLAY_START, EventType.HEARTBEAT, EventType.HEARTBEAT,
						EventType.PLAY_STOP }
				: new EventType[] { EventType.PLAY_START, EventType.HEARTBEAT, EventType.PLAY_STOP };
		String device = "dev-" + profileId;
		for (int i = 0; i < types.length; i++) {
			Instant at = session.at().plusSeconds(i * 60L);
			Event event = new Event(sessionId + "-" + i, types[i], at, device, DeviceType.TV, profileId, sessionId,
					title.titleId(), positions[i], "DE", "7.0.0", null, at, "bench");
			EnrichedEvent enriched = EnrichedEvent.of(event, new EnrichedEvent.TitleRef(title.name(), title.genres()),
					at);
			events.add(new ProducerRecord<>(Topics.EVENTS_ENRICHED, null, at.toEpochMilli(), device,
					EventJson.write(MAPPER, enriched)));
		}
		return events;
	}

	private KafkaProducer<String, String> producer() {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.settings.kafka(),
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG,
				131072, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new StringSerializer());
	}

	@FunctionalInterface
	private interface Recommend {

		List<String> titles(SyntheticWorld.WorldProfile profile);

	}

	private record Evaluation(double precision, double recall, double ndcg, double coverage, int profiles) {

		void report(String who) {
			Report.figure(who + " precision@10", this.precision, "");
			Report.figure(who + " recall@10", this.recall, "");
			Report.figure(who + " NDCG@10", this.ndcg, "");
			Report.figure(who + " catalog coverage", this.coverage * 100, "%");
			Report.figure(who + " profiles evaluated", this.profiles, "profiles");
		}

	}

}
