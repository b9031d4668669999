package dev.keystone.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own {@code ProducerPerformance} against the same broker, with the producer
 * settings ingest-service uses: the ceiling for anything that writes to this broker.
 */
final class RawProducer {

	private static final Pattern RATE = Pattern.compile("records sent, ([0-9.]+) records/sec");

	private final BenchSettings settings;

	RawProducer(BenchSettings settings) {
		this.settings = settings;
	}

	/** Records per second of the final summary line. */
	double recordsPerSecond(String topic, int records, int recordSize) throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Path log4j = this.settings.root().resolve("stack/conf/tools-log4j.properties");
		List<String> command = List.of(java.toString(), "-Xmx512m", "-Dlog4j.configuration=file:" + log4j, "-cp",
				this.settings.kafkaLib() + "/*", "org.apache.kafka.tools.ProducerPerformance", "--topic", topic,
				"--num-records", String.valueOf(records), "--record-size", String.valueOf(recordSize), "--throughput",
				"-1", "--producer-props", "bootstrap.servers=" + this.settings.kafka(), "acks=all", "linger.ms=5",
				"batch.size=131072", "compression.type=lz4");
		Report.progress("raw producer: %s", String.join(" ", command));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		double rate = Double.NaN;
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				Report.progress("raw producer: %s", line);
				Matcher matcher = RATE.matcher(line);
				if (matcher.find()) {
					rate = Double.parseDouble(matcher.group(1));
				}
			}
		}
		finally {
			process.destroy();
		}
		if (process.waitFor() != 0 || Double.isNaN(rate)) {
			throw new IllegalStateException("ProducerPerformance failed (exit " + process.exitValue() + ")");
		}
		return rate;
	}

}
