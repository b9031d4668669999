package dev.keystone.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.keystone.events.Topics;

/**
 * A long steady load through the gateway (BENCH_RATE events/s for BENCH_SOAK_DURATION
 * seconds) while every 10 s each service's resident memory, heap after GC (the old
 * generation as the last collection left it), consumer lag, open file descriptors and
 * latency p99 are sampled. Written to {@code target/soak.csv} and drawn to
 * {@code target/soak.png}; a measure that grows from the first half of the run (after a
 * warm-up fifth) to the second is flagged.
 */
final class SoakScenario {

	private static final Duration SAMPLE = Duration.ofSeconds(10);

	private static final Pattern BUCKET = Pattern
		.compile("^keystone_pipeline_latency_seconds_bucket\\{(.*)\\} ([0-9.eE+-]+)$");

	private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

	/** Micrometer's old-generation size after the last collection that reclaimed it. */
	private static final Pattern LIVE_DATA = Pattern.compile("^jvm_gc_live_data_size_bytes(\\{.*\\})? ([0-9.eE+-]+)$");

	private final BenchSettings settings;

	private final int rate = Integer.parseInt(System.getenv().getOrDefault("BENCH_RATE", "500"));

	private final Duration duration = Duration
		.ofSeconds(Long.parseLong(System.getenv().getOrDefault("BENCH_SOAK_DURATION", "1800")));

	private final Map<String, Long> pids = pairs(System.getenv().getOrDefault("BENCH_SERVICE_PIDS", ""),
			Long::parseLong);

	private final Map<String, URI> urls = pairs(System.getenv().getOrDefault("BENCH_SERVICE_URLS", ""), URI::create);

	private final String processingGroup = System.getenv()
		.getOrDefault("BENCH_PROCESSING_APP_ID", "keystone-processing");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Map<String, Map<Double, Double>> lastBuckets = new HashMap<>();

	SoakScenario(BenchSettings settings) {
		this.settings = settings;
	}

	/** One sample of one service; -1 where a measure does not apply or failed. */
	record Sample(double seconds, String service, double rssMb, double heapAfterGcMb, double lag, double openFiles,
			double p99Ms) {

	}

	void run() throws Exception {
		String run = "soak" + Long.toString(System.currentTimeMillis(), 36);
		FaultLoad load = new FaultLoad(this.settings.gateway(), this.settings.apiKey(), run, 50, 200, false);
		long started = System.currentTimeMillis();
		long end = started + this.duration.toMillis();
		Report.progress("soak: %d events/s for %d s", this.rate, this.duration.toSeconds());
		List<Sample> samples = new ArrayList<>();
		Thread sampler = new Thread(() -> {
			try (KafkaTopics kafka = new KafkaTopics(this.settings.kafka())) {
				long next = started + SAMPLE.toMillis();
				while (System.currentTimeMillis() < end + SAMPLE.toMillis()) {
					Thread.sleep(Math.max(0, next - System.currentTimeMillis()));
					next += SAMPLE.toMillis();
					double seconds = (System.currentTimeMillis() - started) / 1000.0;
					List<Sample> taken = sample(kafka, seconds, load.drainLatencies());
					synchronized (samples) {
						samples.addAll(taken);
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "soak-sampler");
		sampler.start();
		load.run(Math.max(1, this.rate / 10), 100, () -> System.currentTimeMillis() >= end,
				Duration.ofMinutes(2).toMillis());
		sampler.join();

		Path target = this.settings.root().resolve("target");
		Files.createDirectories(target);
		writeCsv(target.resolve("soak.csv"), samples);
		Map<String, Map<String, List<double[]>>> chart = new LinkedHashMap<>();
		chart.put("resident memory (MiB)", lines(samples, Sample::rssMb));
		chart.put("heap after GC, old generation (MiB)", lines(samples, Sample::heapAfterGcMb));
		chart.put("consumer lag (records)", lines(samples, Sample::lag));
		chart.put("open file descriptors", lines(samples, Sample::openFiles));
		chart.put("latency p99 per 10 s (ms)", lines(samples, Sample::p99Ms));
		SoakChart.draw(target.resolve("soak.png"),
				String.format(Locale.ROOT, "soak: %,d events/s for %d min", this.rate, this.duration.toMinutes()),
				chart);

		Report.figure("events accepted", load.acceptedCount(), "events");
		Report.figure("requests retried", load.retried(), "requests");
		Report.figure("duration", this.duration.toSeconds(), "s");
		double worstGrowth = 0;
		List<String> flagged = new ArrayList<>();
		for (Map.Entry<String, Map<String, List<double[]>>> metric : chart.entrySet()) {
			for (Map.Entry<String, List<double[]>> line : metric.getValue().entrySet()) {
				double[] halves = halves(line.getValue());
				if (halves == null) {
					continue;
				}
				Report.figure(line.getKey() + " " + metric.getKey() + " first half", halves[0], "");
				Report.figure(line.getKey() + " " + metric.getKey() + " second half", halves[1], "");
				double growth = (halves[0] > 0) ? halves[1] / halves[0] : 0;
				if (!metric.getKey().startsWith("latency")) {
					worstGrowth = Math.max(worstGrowth, growth);
				}
				if (grows(metric.getKey(), halves)) {
					flagged.add(String.format(Locale.ROOT, "growth flagged: %s %s %.1f -> %.1f (x%.2f)", line.getKey(),
							metric.getKey(), halves[0], halves[1], growth));
				}
			}
		}
		flagged.forEach(System.out::println);
		if (flagged.isEmpty()) {
			System.out.println("growth flagged: none");
		}
		Report.progress("soak: %s and %s written", target.resolve("soak.csv"), target.resolve("soak.png"));
		Report.ratio("largest second-half ÷ first-half mean of memory, lag and descriptors", worstGrowth);
	}

	/**
	 * Growth worth a look: the second half's mean above the first's by a tenth and by
	 * more than noise (32 MiB of memory, 16 descriptors, a second of load in lag, 2x
	 * latency).
	 */
	private boolean grows(String metric, double[] halves) {
		double delta = halves[1] - halves[0];
		if (metric.startsWith("resident") || metric.startsWith("heap")) {
			return delta > 32 && halves[1] > 1.1 * halves[0];
		}
		if (metric.startsWith("open")) {
			return delta > 16 && halves[1] > 1.1 * halves[0];
		}
		if (metric.startsWith("consumer")) {
			return delta > this.rate && halves[1] > 2 * halves[0];
		}
		return halves[1] > 2 * halves[0] && delta > 100;
	}

	/** Mean of the first and second half after the warm-up fifth; null without data. */
	private static double[] halves(List<double[]> points) {
		List<double[]> valid = points.stream().filter((p) -> p[1] >= 0).toList();
		if (valid.size() < 5) {
			return null;
		}
		List<double[]> measured = valid.subList(valid.size() / 5, valid.size());
		int middle = measured.size() / 2;
		return new double[] { mean(measured.subList(0, middle)), mean(measured.subList(middle, measured.size())) };
	}

	private static double mean(List<double[]> points) {
		return points.stream().mapToDouble((p) -> p[1]).average().orElse(0);
	}

	private List<Sample> sample(KafkaTopics kafka, double seconds, List<Long> requestLatencies) {
		List<Sample> taken = new ArrayList<>();
		for (Map.Entry<String, Long> service : this.pids.entrySet()) {
			String name = service.getKey();
			long pid = service.getValue();
			String metrics = scrape(this.urls.get(name));
			double p99 = switch (name) {
				case "processing-service" -> bucketP99(name, metrics, "processed");
				case "routing-service" -> bucketP99(name, metrics, "stored");
				case "gateway" -> percentile(requestLatencies, 0.99) / 1e6;
				default -> -1;
			};
			taken.add(new Sample(seconds, name, rssMb(pid), oldGenMb(metrics), lag(kafka, name), openFiles(pid), p99));
		}
		return taken;
	}

	private double lag(KafkaTopics kafka, String service) {
		try {
			return switch (service) {
				case "processing-service" -> lagOf(kafka, this.processingGroup, Topics.EVENTS_RAW);
				case "routing-service" -> lagOf(kafka, "keystone-routing-search", Topics.EVENTS_ENRICHED)
						+ lagOf(kafka, "keystone-routing-viewers", Topics.VIEWERS_COUNTS);
				default -> -1;
			};
		}
		catch (Exception ex) {
			return -1;
		}
	}

	private static double lagOf(KafkaTopics kafka, String group, String topic) throws Exception {
		return Math.max(0, kafka.endOffset(topic) - kafka.committed(group, topic));
	}

	private static double rssMb(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
				}
			}
		}
		catch (IOException ex) {
			return -1;
		}
		return -1;
	}

	private static double openFiles(long pid) {
		try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
			return fds.count();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	private static double oldGenMb(String metrics) {
		double bytes = 0;
		boolean found = false;
		for (String line : metrics.split("\n")) {
			Matcher matcher = LIVE_DATA.matcher(line);
			if (matcher.matches()) {
				bytes += Double.parseDouble(matcher.group(2));
				found = true;
			}
		}
		return found ? bytes / (1024 * 1024) : -1;
	}

	/**
	 * p99 of the pipeline latency histogram over the last interval: the difference of the
	 * cumulative buckets since the previous sample.
	 */
	private double bucketP99(String service, String metrics, String stage) {
		Map<Double, Double> now = new TreeMap<>();
		for (String line : metrics.split("\n")) {
			Matcher matcher = BUCKET.matcher(line);
			if (matcher.matches() && matcher.group(1).contains("stage=\"" + stage + "\"")) {
				Matcher le = LE.matcher(matcher.group(1));
				if (le.find()) {
					double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY
							: Double.parseDouble(le.group(1));
					now.merge(bound, Double.parseDouble(matcher.group(2)), Double::sum);
				}
			}
		}
		Map<Double, Double> before = this.lastBuckets.put(service, now);
		if (before == null || now.isEmpty()) {
			return -1;
		}
		double total = now.getOrDefault(Double.POSITIVE_INFINITY, 0.0)
				- before.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
		if (total <= 0) {
			return -1;
		}
		for (Map.Entry<Double, Double> bucket : now.entrySet()) {
			double count = bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0);
			if (count >= 0.99 * total) {
				return Double.isInfinite(bucket.getKey()) ? -1 : bucket.getKey() * 1000;
			}
		}
		return -1;
	}

	private static double percentile(List<Long> values, double share) {
		if (values.isEmpty()) {
			return -1;
		}
		List<Long> sorted = new ArrayList<>(values);
		sorted.sort(Long::compare);
		return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(share * sorted.size()) - 1));
	}

	private String scrape(URI base) {
		if (base == null) {
			return "";
		}
		try {
			return this.http.send(
					HttpRequest.newBuilder(base.resolve("/actuator/prometheus")).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.ofString())
				.body();
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

	private static Map<String, List<double[]>> lines(List<Sample> samples,
			java.util.function.ToDoubleFunction<Sample> measure) {
		Map<String, List<double[]>> lines = new TreeMap<>();
		for (Sample sample : samples) {
			double value = measure.applyAsDouble(sample);
			List<double[]> line = lines.computeIfAbsent(sample.service(), (k) -> new ArrayList<>());
			line.add(new double[] { sample.seconds(), value });
		}
		lines.values().removeIf((line) -> line.stream().allMatch((p) -> p[1] < 0));
		return lines;
	}

	private static void writeCsv(Path file, List<Sample> samples) throws IOException {
		StringBuilder csv = new StringBuilder(
				"seconds,service,rss_mib,heap_after_gc_mib,consumer_lag_records,open_fds,latency_p99_ms\n");
		for (Sample s : samples) {
			csv.append(String.format(Locale.ROOT, "%.1f,%s,%.1f,%.1f,%.0f,%.0f,%.1f%n", s.seconds(), s.service(),
					s.rssMb(), s.heapAfterGcMb(), s.lag(), s.openFiles(), s.p99Ms()));
		}
		Files.writeString(file, csv);
	}

	private static <T> Map<String, T> pairs(String text, java.util.function.Function<String, T> parse) {
		Map<String, T> pairs = new LinkedHashMap<>();
		for (String pair : text.trim().split("\\s+")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				pairs.put(pair.substring(0, equals), parse.apply(pair.substring(equals + 1)));
			}
		}
		return pairs;
	}

}
