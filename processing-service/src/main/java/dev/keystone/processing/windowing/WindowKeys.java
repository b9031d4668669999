package dev.keystone.processing.windowing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Store keys that sort by window end first, so closing every window up to a time is a
 * scan from the start of the store that stops at the first later end. Ends are positive
 * epoch milliseconds, which sort the same as unsigned big-endian bytes. A key is the end,
 * the series' declared id as one byte, then the title, scope or session in UTF-8.
 */
final class WindowKeys {

	private static final int HEAD = Long.BYTES + 1;

	private WindowKeys() {
	}

	static Bytes window(long end, Series series, String key) {
		byte[] name = key.getBytes(StandardCharsets.UTF_8);
		return Bytes
			.wrap(ByteBuffer.allocate(HEAD + name.length).putLong(end).put((byte) series.id()).put(name).array());
	}

	static long end(Bytes key) {
		return ByteBuffer.wrap(key.get()).getLong();
	}

	static int seriesId(Bytes key) {
		return key.get()[Long.BYTES];
	}

	static String key(Bytes window) {
		byte[] bytes = window.get();
		return new String(bytes, HEAD, bytes.length - HEAD, StandardCharsets.UTF_8);
	}

	/**
	 * Every entry of a store keyed this way whose window ends by {@code through}, read
	 * before the caller deletes them: the store is not changed under an open iterator.
	 */
	static List<KeyValue<Bytes, byte[]>> endingBy(KeyValueStore<Bytes, byte[]> store, long through) {
		List<KeyValue<Bytes, byte[]>> ending = new ArrayList<>();
		try (KeyValueIterator<Bytes, byte[]> all = store.all()) {
			while (all.hasNext()) {
				KeyValue<Bytes, byte[]> entry = all.next();
				if (end(entry.key) > through) {
					break;
				}
				ending.add(entry);
			}
		}
		return ending;
	}

}
