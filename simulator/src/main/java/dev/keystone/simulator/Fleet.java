package dev.keystone.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The devices, taking turns: each tick asks as many devices as the rate allows for their
 * next event, round robin, so every device's heartbeats arrive about
 * {@code devices / rate} seconds apart. Devices keep their events and hand them over in
 * batches, like an SDK that flushes every few events or seconds.
 */
final class Fleet {

	static final int BATCH_EVENTS = 10;

	static final Duration BATCH_AGE = Duration.ofSeconds(5);

	private final List<Device> devices = new ArrayList<>();

	private final List<List<Map<String, Object>>> buffers = new ArrayList<>();

	private final List<Instant> oldest = new ArrayList<>();

	private final Random random;

	private final Optional<Incident> incident;

	private int cursor;

	Fleet(int size, long seed, Optional<Incident> incident) {
		this.random = new Random(seed);
		this.incident = incident;
		for (int i = 0; i < size; i++) {
			this.devices.add(new Device(i, this.random));
			this.buffers.add(new ArrayList<>());
			this.oldest.add(null);
		}
	}

	/** Produces {@code count} events and returns the batches that are due. */
	List<List<Map<String, Object>>> tick(int count, Instant now, Duration sinceStart) {
		List<List<Map<String, Object>>> due = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int index = this.cursor;
			this.cursor = (this.cursor + 1) % this.devices.size();
			List<Map<String, Object>> buffer = this.buffers.get(index);
			buffer.add(this.devices.get(index).next(now, sinceStart, this.incident, this.random));
			if (buffer.size() == 1) {
				this.oldest.set(index, now);
			}
			if (buffer.size() >= BATCH_EVENTS) {
				due.add(flush(index));
			}
		}
		for (int index = 0; index < this.devices.size(); index++) {
			Instant first = this.oldest.get(index);
			if (first != null && Duration.between(first, now).compareTo(BATCH_AGE) >= 0) {
				due.add(flush(index));
			}
		}
		return due;
	}

	/** Whatever devices still hold, for a clean stop. */
	List<List<Map<String, Object>>> flushAll() {
		List<List<Map<String, Object>>> due = new ArrayList<>();
		for (int index = 0; index < this.devices.size(); index++) {
			if (!this.buffers.get(index).isEmpty()) {
				due.add(flush(index));
			}
		}
		return due;
	}

	private List<Map<String, Object>> flush(int index) {
		List<Map<String, Object>> batch = this.buffers.get(index);
		this.buffers.set(index, new ArrayList<>());
		this.oldest.set(index, null);
		return batch;
	}

}
