package dev.keystone.processing.windowing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.utils.Bytes;

/**
 * Store keys that sort by window end first, so closing every window up to a time is a
 * scan from the start of the store that stops at the first later end. Ends are positive
 * epoch milliseconds, which sort the same as unsigned big-endian bytes.
 */
final class WindowKeys {

	private static final int HEAD = Long.BYTES + 1;

	private WindowKeys() {
	}

	static Bytes window(long end, Series series, String key) {
		byte[] name = key.getBytes(StandardCharsets.UTF_8);
		return Bytes
			.wrap(ByteBuffer.allocate(HEAD + name.length).putLong(end).put((byte) series.ordinal()).put(name).array());
	}

	static long end(Bytes key) {
		return ByteBuffer.wrap(key.get()).getLong();
	}

	static Series series(Bytes key) {
		return Series.of(key.get()[Long.BYTES]);
	}

	static String key(Bytes window) {
		byte[] bytes = window.get();
		return new String(bytes, HEAD, bytes.length - HEAD, StandardCharsets.UTF_8);
	}

}
