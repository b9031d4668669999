package dev.keystone.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Records as processing-service writes them to {@code events.enriched} and
 * {@code viewers.counts}: enriched playback events of the last hour (within the current
 * UTC day, so they land in one daily index) and one viewer count per title and window
 * over the last 15 minutes, 10-second and 1-minute windows.
 */
final class PipelineData {

	static final Duration SERIES = Duration.ofMinutes(15);

	private static final String[] TYPES = { "heartbeat", "heartbeat", "heartbeat", "heartbeat", "play_start",
			"play_pause", "play_resume", "seek", "buffering_start", "buffering_end", "play_stop" };

	private static final String[] DEVICE_TYPES = { "tv", "phone", "tablet", "browser", "console", "set_top_box" };

	private static final String[] DEVICE_CLASSES = { "tv", "mobile", "mobile", "desktop", "tv", "tv" };

	private static final String[] COUNTRIES = { "DE", "US", "GB", "FR", "BR", "JP", "IN", "SE" };

	private static final String[] GENRES = { "drama", "comedy", "documentary", "thriller", "kids", "sci-fi" };

	private final int titles;

	private final Instant seriesStart;

	PipelineData(int counts, Instant now) {
		this.titles = Math.max(1, counts / 100);
		this.seriesStart = now.truncatedTo(ChronoUnit.MINUTES).minus(SERIES);
	}

	Instant seriesStart() {
		return this.seriesStart;
	}

	int titles() {
		return this.titles;
	}

	/**
	 * An enriched event as it is on the topic, and the search text routing-service adds
	 * to its document.
	 */
	record Enriched(String eventId, String deviceId, String json, String searchText) {

		/** The search document: the event plus its search text. */
		byte[] document() {
			return (this.json.substring(0, this.json.length() - 1) + ",\"searchText\":\"" + this.searchText + "\"}")
				.getBytes(StandardCharsets.UTF_8);
		}

	}

	/**
	 * A viewer count as it is on the topic.
	 */
	record Count(String titleId, String window, Instant start, Instant end, long viewers, long events) {

		String json() {
			return "{\"titleId\":\"" + this.titleId + "\",\"window\":\"" + this.window + "\",\"start\":\"" + this.start
					+ "\",\"end\":\"" + this.end + "\",\"viewers\":" + this.viewers + ",\"events\":" + this.events
					+ "}";
		}

	}

	List<Enriched> events(int count, String prefix, Instant now) {
		SplittableRandom random = new SplittableRandom(7);
		Instant dayStart = LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
		long spanMillis = Math.max(1,
				Math.min(Duration.ofHours(1).toMillis(), now.toEpochMilli() - dayStart.toEpochMilli()));
		List<Enriched> events = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String eventId = prefix + i;
			int device = random.nextInt(50_000);
			int kind = device % DEVICE_TYPES.length;
			String deviceId = DEVICE_TYPES[kind] + "-" + device;
			String type = TYPES[random.nextInt(TYPES.length)];
			Instant timestamp = now.minusMillis(random.nextLong(spanMillis));
			Instant receivedAt = timestamp.plusMillis(40 + random.nextInt(400));
			int title = random.nextInt(this.titles);
			String titleId = "title-" + title;
			String titleName = "Title " + title;
			String genre = GENRES[title % GENRES.length];
			String profileId = "p-" + device + "-" + random.nextInt(4);
			String sessionId = "s-" + device + "-" + random.nextInt(1000);
			String country = COUNTRIES[device % COUNTRIES.length];
			String appVersion = "7.4." + (device % 12);
			String cdn = "edge-" + random.nextInt(16);
			int bitrate = 1500 + random.nextInt(6000);
			String json = "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"timestamp\":\"" + timestamp
					+ "\",\"deviceId\":\"" + deviceId + "\",\"deviceType\":\"" + DEVICE_TYPES[kind]
					+ "\",\"profileId\":\"" + profileId + "\",\"sessionId\":\"" + sessionId + "\",\"titleId\":\""
					+ titleId + "\",\"positionMs\":" + random.nextInt(7_200_000) + ",\"country\":\"" + country
					+ "\",\"appVersion\":\"" + appVersion + "\",\"properties\":{\"bitrateKbps\":" + bitrate
					+ ",\"cdn\":\"" + cdn + "\"},\"receivedAt\":\"" + receivedAt + "\",\"ingestId\":\"i-" + (i / 100)
					+ ":" + (i % 100) + "\",\"title\":{\"name\":\"" + titleName + "\",\"genres\":[\"" + genre
					+ "\"]},\"deviceClass\":\"" + DEVICE_CLASSES[kind] + "\",\"processedAt\":\""
					+ receivedAt.plusMillis(15) + "\"}";
			// The values routing-service gathers into searchText, in its order.
			String searchText = String.join(" ", eventId, type, deviceId, DEVICE_TYPES[kind], DEVICE_CLASSES[kind],
					profileId, sessionId, titleId, country, appVersion, titleName, genre, "bitrateKbps",
					String.valueOf(bitrate), "cdn", cdn);
			events.add(new Enriched(eventId, deviceId, json, searchText));
		}
		return events;
	}

	/** {@code titles} × (90 ten-second + 10 one-minute windows). */
	List<Count> counts(String titlePrefix) {
		SplittableRandom random = new SplittableRandom(11);
		List<Count> counts = new ArrayList<>(this.titles * 100);
		for (int t = 0; t < this.titles; t++) {
			String titleId = titlePrefix + t;
			for (int w = 0; w < 90; w++) {
				Instant start = this.seriesStart.plusSeconds(10L * w);
				long viewers = 1 + random.nextInt(5000);
				counts.add(new Count(titleId, "10s", start, start.plusSeconds(10), viewers, viewers * 3));
			}
			for (int w = 0; w < 10; w++) {
				Instant start = this.seriesStart.plusSeconds(60L * w);
				long viewers = 1 + random.nextInt(20000);
				counts.add(new Count(titleId, "1m", start, start.plusSeconds(60), viewers, viewers * 12));
			}
		}
		return counts;
	}

}
