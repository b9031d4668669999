package dev.keystone.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Heartbeats for the end-to-end scenario. Each event id carries the phase and the moment
 * its request was due ({@code e2e.<phase>.<dueMillis>.<request>.<n>}), so any stage
 * downstream can tell how long the event took to reach it without a shared table; the
 * event time is that same moment. The first event of every request is a sample whose
 * arrival in the stores is watched.
 */
final class EndToEndEvents {

	private final List<String> titles;

	private final Consumer<Sample> samples;

	private final SplittableRandom random = new SplittableRandom(7);

	EndToEndEvents(List<String> titles, Consumer<Sample> samples) {
		this.titles = titles;
		this.samples = samples;
	}

	/**
	 * An event whose arrival downstream is timed.
	 *
	 * @param eventId its id
	 * @param phase the phase that sent it
	 * @param dueMillis when its request was due (epoch ms), also its event time
	 * @param titleId its title
	 */
	record Sample(String eventId, String phase, long dueMillis, String titleId) {

		/** Start of the 10 s window the event falls in, epoch ms. */
		long windowStart() {
			return this.dueMillis - Math.floorMod(this.dueMillis, 10_000L);
		}

	}

	/** The phase and due time of an event id of this scenario, or null for any other. */
	static Sample parse(String eventId) {
		if (!eventId.startsWith("e2e.")) {
			return null;
		}
		int phaseEnd = eventId.indexOf('.', 4);
		int dueEnd = eventId.indexOf('.', phaseEnd + 1);
		return new Sample(eventId, eventId.substring(4, phaseEnd),
				Long.parseLong(eventId.substring(phaseEnd + 1, dueEnd)), null);
	}

	String body(String phase, long dueMillis, long request, int size) {
		StringBuilder array = new StringBuilder(size * 260).append('[');
		String prefix = "e2e." + phase + "." + dueMillis + "." + request + ".";
		for (int e = 0; e < size; e++) {
			int device;
			synchronized (this.random) {
				device = this.random.nextInt(20_000);
			}
			String title = this.titles.get(device % this.titles.size());
			String eventId = prefix + e;
			if (e == 0) {
				this.samples.accept(new Sample(eventId, phase, dueMillis, title));
			}
			array.append((e > 0) ? "," : "")
				.append("{\"eventId\":\"")
				.append(eventId)
				.append("\",\"type\":\"heartbeat\",\"timestamp\":")
				.append(dueMillis)
				.append(",\"deviceId\":\"e2e-tv-")
				.append(device)
				.append("\",\"deviceType\":\"tv\",\"profileId\":\"e2e-p-")
				.append(device)
				.append("\",\"sessionId\":\"e2e-s-")
				.append(device)
				.append("\",\"titleId\":\"")
				.append(title)
				.append("\",\"positionMs\":")
				.append(dueMillis % 3_600_000)
				.append(",\"country\":\"DE\",\"appVersion\":\"7.4.1\"}");
		}
		return array.append(']').toString();
	}

}
