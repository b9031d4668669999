package dev.keystone.processing.anomaly;

import java.nio.ByteBuffer;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The exponentially weighted mean and variance of one metric of one scope.
 *
 * @param mean the moving mean
 * @param variance the moving variance
 * @param windows how many windows it learned from
 * @param lastWindowStart the start of the newest window learned from, in epoch millis; an
 * older or equal window is never judged twice
 */
record Baseline(double mean, double variance, long windows, long lastWindowStart) {

	static Baseline first(double value, long windowStart) {
		return new Baseline(value, 0, 1, windowStart);
	}

	/** West's incremental form of the exponentially weighted moving variance. */
	Baseline learn(double value, double smoothing, long windowStart) {
		double diff = value - this.mean;
		double increment = smoothing * diff;
		return new Baseline(this.mean + increment, (1 - smoothing) * (this.variance + diff * increment),
				this.windows + 1, windowStart);
	}

	static Serde<Baseline> serde() {
		return Serdes.serdeFrom((topic, baseline) -> (baseline != null) ? baseline.bytes() : null,
				(topic, bytes) -> (bytes != null) ? read(bytes) : null);
	}

	private byte[] bytes() {
		return ByteBuffer.allocate(32)
			.putDouble(this.mean)
			.putDouble(this.variance)
			.putLong(this.windows)
			.putLong(this.lastWindowStart)
			.array();
	}

	private static Baseline read(byte[] bytes) {
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		return new Baseline(buffer.getDouble(), buffer.getDouble(), buffer.getLong(), buffer.getLong());
	}

}
