package dev.keystone.processing.windowing;

import java.nio.ByteBuffer;

/**
 * What a raw partition's task tells the merging tasks, on the internal
 * {@code window-partials} topic: its counters of a window it has closed, or how far its
 * clock has closed windows.
 */
sealed interface WindowRecord {

	byte PARTIAL = 0;

	byte WATERMARK = 1;

	byte[] bytes();

	static WindowRecord of(byte[] bytes, DeclaredSeries declared) {
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		if (buffer.get() == WATERMARK) {
			return new Watermark(buffer.getInt(), buffer.getLong());
		}
		Series series = declared.get(buffer.get());
		long start = buffer.getLong();
		boolean approximate = buffer.get() != 0;
		long[] counts = new long[buffer.get()];
		for (int i = 0; i < counts.length; i++) {
			counts[i] = buffer.getLong();
		}
		return new Partial(series, start, counts, approximate);
	}

	static boolean isWatermark(byte[] bytes) {
		return bytes[0] == WATERMARK;
	}

	/**
	 * One partition's counters of one window, in the layout of its series; the record key
	 * names the title or scope.
	 */
	record Partial(Series series, long start, long[] counts, boolean approximate) implements WindowRecord {

		long end() {
			return this.start + this.series.sizeMs();
		}

		@Override
		public byte[] bytes() {
			ByteBuffer buffer = ByteBuffer.allocate(1 + 1 + Long.BYTES + 1 + 1 + this.counts.length * Long.BYTES);
			buffer.put(PARTIAL).put((byte) this.series.id()).putLong(this.start);
			buffer.put((byte) (this.approximate ? 1 : 0)).put((byte) this.counts.length);
			for (long count : this.counts) {
				buffer.putLong(count);
			}
			return buffer.array();
		}

	}

	/**
	 * Raw partition {@code partition} has sent every window ending at or before
	 * {@code through}, and will send no more of them.
	 */
	record Watermark(int partition, long through) implements WindowRecord {

		@Override
		public byte[] bytes() {
			return ByteBuffer.allocate(1 + Integer.BYTES + Long.BYTES)
				.put(WATERMARK)
				.putInt(this.partition)
				.putLong(this.through)
				.array();
		}

	}

}
