package dev.keystone.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of processing-service that its Flink counterpart copies, read from the
 * service's shipped {@code application.yml} so the two stay alike when either changes;
 * {@code BENCH_COMMIT_INTERVAL_MS}, which {@code bench/run} also passes to the service,
 * overrides the commit interval.
 *
 * @param commitInterval {@code commit.interval.ms}: the Flink job checkpoints as often
 * @param dedupRetention {@code keystone.processing.cleansing.dedup-retention}
 * @param grace {@code keystone.processing.windows.grace}
 */
record ServiceSettings(Duration commitInterval, Duration dedupRetention, Duration grace) {

	private static final Pattern COMMIT_INTERVAL = Pattern.compile("(?m)^\\s*commit\\.interval\\.ms:\\s*(\\d+)\\s*$");

	private static final Pattern DEDUP_RETENTION = Pattern.compile("(?m)^\\s*dedup-retention:\\s*(\\d+)([smhd])\\s*$");

	private static final Pattern GRACE = Pattern.compile("(?m)^\\s*grace:\\s*(\\d+)([smhd])\\s*$");

	static ServiceSettings of(Path root) throws IOException {
		String yaml = Files.readString(root.resolve("processing-service/src/main/resources/application.yml"));
		Matcher commit = COMMIT_INTERVAL.matcher(yaml);
		Matcher retention = DEDUP_RETENTION.matcher(yaml);
		Matcher grace = GRACE.matcher(yaml);
		if (!commit.find() || !retention.find() || !grace.find()) {
			throw new IllegalStateException("processing-service's application.yml no longer sets commit.interval.ms, "
					+ "dedup-retention and grace as this reads them");
		}
		String interval = System.getenv().getOrDefault("BENCH_COMMIT_INTERVAL_MS", commit.group(1));
		return new ServiceSettings(Duration.ofMillis(Long.parseLong(interval)), duration(retention), duration(grace));
	}

	private static Duration duration(Matcher matcher) {
		long amount = Long.parseLong(matcher.group(1));
		return switch (matcher.group(2)) {
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			default -> Duration.ofDays(amount);
		};
	}

}
