package dev.keystone.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Device events as TVs, phones and consoles send them while watching: mostly heartbeats,
 * some play and buffering transitions, every field of the contract filled in, about 290
 * bytes each.
 */
final class PlaybackEvents {

	private static final String[] TYPES = { "heartbeat", "heartbeat", "heartbeat", "heartbeat", "heartbeat",
			"heartbeat", "play_start", "play_pause", "play_resume", "seek", "buffering_start", "buffering_end",
			"play_stop" };

	private static final String[] DEVICE_TYPES = { "tv", "tv", "phone", "tablet", "browser", "console", "set_top_box" };

	private static final String[] COUNTRIES = { "DE", "US", "GB", "FR", "BR", "JP", "IN", "SE" };

	private final SplittableRandom random = new SplittableRandom(42);

	private final String run = Long.toString(System.currentTimeMillis(), 36);

	private long sequence;

	/** One event as JSON. */
	String next() {
		long n = this.sequence++;
		int device = this.random.nextInt(50_000);
		String deviceType = DEVICE_TYPES[device % DEVICE_TYPES.length];
		Instant timestamp = Instant.now().minusMillis(this.random.nextInt(30_000));
		return "{\"eventId\":\"" + this.run + n + "\",\"type\":\"" + TYPES[this.random.nextInt(TYPES.length)]
				+ "\",\"timestamp\":\"" + timestamp + "\",\"deviceId\":\"" + deviceType + "-" + device
				+ "\",\"deviceType\":\"" + deviceType + "\",\"profileId\":\"p-" + device + "-" + this.random.nextInt(4)
				+ "\",\"sessionId\":\"s-" + device + "-" + this.random.nextInt(1000) + "\",\"titleId\":\"title-"
				+ this.random.nextInt(1000) + "\",\"positionMs\":" + this.random.nextInt(7_200_000) + ",\"country\":\""
				+ COUNTRIES[device % COUNTRIES.length] + "\",\"appVersion\":\"7.4." + (device % 12)
				+ "\",\"properties\":{\"cdn\":\"edge-" + this.random.nextInt(16) + "\"}}";
	}

	private static final String[] VIDEO_SPEC = { "Video Content Playing", "Video Content Playing",
			"Video Content Playing", "Video Content Playing", "Video Content Playing", "Video Content Playing",
			"Video Playback Started", "Video Playback Paused", "Video Playback Resumed",
			"Video Playback Seek Completed", "Video Playback Buffer Started", "Video Playback Buffer Completed",
			"Video Playback Completed" };

	private static final String[] OS_NAMES = { "tvOS", "Android TV", "iOS", "iPadOS", "Android", "PlayStation",
			"Roku OS" };

	/**
	 * The same kind of event as a Segment Video Spec track call, as
	 * {@code @segment/analytics-node} sends it: the library's context and metadata
	 * included.
	 */
	String nextSegment() {
		long n = this.sequence++;
		int device = this.random.nextInt(50_000);
		Instant timestamp = Instant.now().minusMillis(this.random.nextInt(30_000));
		return "{\"type\":\"track\",\"event\":\"" + VIDEO_SPEC[this.random.nextInt(VIDEO_SPEC.length)]
				+ "\",\"messageId\":\"node-next-" + this.run + "-" + n + "\",\"userId\":\"p-" + device + "-"
				+ this.random.nextInt(4) + "\",\"anonymousId\":\"a-" + device + "\",\"timestamp\":\"" + timestamp
				+ "\",\"properties\":{\"session_id\":\"s-" + device + "-" + this.random.nextInt(1000)
				+ "\",\"content_asset_id\":\"title-" + this.random.nextInt(1000) + "\",\"position\":"
				+ this.random.nextInt(7200) + ",\"cdn\":\"edge-" + this.random.nextInt(16)
				+ "\"},\"context\":{\"library\":{\"name\":\"@segment/analytics-node\",\"version\":\"3.1.0\"},"
				+ "\"device\":{\"id\":\"dev-" + device + "\"},\"os\":{\"name\":\"" + OS_NAMES[device % OS_NAMES.length]
				+ "\"},\"app\":{\"version\":\"7.4." + (device % 12) + "\"},\"locale\":\"en-"
				+ COUNTRIES[device % COUNTRIES.length]
				+ "\"},\"integrations\":{},\"_metadata\":{\"jsRuntime\":\"node\"}}";
	}

	/** Segment batch bodies ({@code POST /v1/batch}) of {@code size} messages each. */
	List<LoadGenerator.Body> segmentBatches(int count, int size) {
		List<LoadGenerator.Body> bodies = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			StringBuilder batch = new StringBuilder(size * 600).append("{\"batch\":[");
			for (int e = 0; e < size; e++) {
				batch.append((e > 0) ? "," : "").append(nextSegment());
			}
			batch.append("],\"sentAt\":\"").append(Instant.now()).append("\"}");
			bodies.add(new LoadGenerator.Body(batch.toString().getBytes(StandardCharsets.UTF_8), size));
		}
		return bodies;
	}

	/** Bodies of one event each. */
	List<LoadGenerator.Body> singles(int count) {
		List<LoadGenerator.Body> bodies = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			bodies.add(new LoadGenerator.Body(next().getBytes(StandardCharsets.UTF_8), 1));
		}
		return bodies;
	}

	/** JSON array bodies of {@code size} events each. */
	List<LoadGenerator.Body> batches(int count, int size) {
		List<LoadGenerator.Body> bodies = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			StringBuilder array = new StringBuilder(size * 300).append('[');
			for (int e = 0; e < size; e++) {
				array.append((e > 0) ? "," : "").append(next());
			}
			bodies.add(new LoadGenerator.Body(array.append(']').toString().getBytes(StandardCharsets.UTF_8), size));
		}
		return bodies;
	}

	/** Mean size of the events in these bodies, in bytes. */
	static double averageEventBytes(List<LoadGenerator.Body> bodies) {
		long bytes = 0;
		long events = 0;
		for (LoadGenerator.Body body : bodies) {
			bytes += body.bytes().length - ((body.events() > 1) ? body.events() + 1 : 0);
			events += body.events();
		}
		return (double) bytes / events;
	}

}
