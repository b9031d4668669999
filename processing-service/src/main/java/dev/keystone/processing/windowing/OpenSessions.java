package dev.keystone.processing.windowing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The sessions a partition has counted in its open windows: per window end, series and
 * session, the keys (titles or scopes) it was counted for. Lookups are in memory; the
 * changelogged store holds one entry per session and window, written when the session is
 * counted for a new key, and rebuilds the index whenever the task starts. A session
 * normally has one title, country and device class, so one entry covers every key.
 * Sessions counted in a session subset of a series (see {@link Counters#sessionSubset})
 * are kept under the key marked with that counter. Those subsets stay exact when the
 * key's session count has gone over to a sketch, which is why a subset should be a small
 * share of the sessions.
 */
final class OpenSessions {

	private final Map<Long, Map<Bytes, List<String>>> byEnd = new HashMap<>();

	private final Map<Bytes, List<String>> changed = new LinkedHashMap<>();

	static OpenSessions of(KeyValueStore<Bytes, byte[]> store) {
		OpenSessions sessions = new OpenSessions();
		try (KeyValueIterator<Bytes, byte[]> all = store.all()) {
			all.forEachRemaining(
					(entry) -> sessions.window(WindowKeys.end(entry.key)).put(entry.key, keys(entry.value)));
		}
		return sessions;
	}

	/**
	 * The key under which a session counted in subset counter {@code counter} of a key is
	 * kept: the counter's position as a leading character, which no title or scope key of
	 * the same series starts with.
	 */
	static String subsetKey(int counter, String key) {
		return (char) counter + key;
	}

	/** Whether the session is new to the key's window. */
	boolean add(long end, Series series, String session, String key) {
		Bytes entry = WindowKeys.window(end, series, session);
		List<String> keys = window(end).computeIfAbsent(entry, (id) -> new ArrayList<>(3));
		if (keys.contains(key)) {
			return false;
		}
		keys.add(key);
		this.changed.put(entry, keys);
		return true;
	}

	/** The sessions counted for one key in one window. */
	List<String> of(long end, Series series, String key) {
		List<String> sessions = new ArrayList<>();
		window(end).forEach((entry, keys) -> {
			if (WindowKeys.seriesId(entry) == series.id() && keys.contains(key)) {
				sessions.add(WindowKeys.key(entry));
			}
		});
		return sessions;
	}

	/** Writes what was counted since the last call, one entry per session and window. */
	void writeTo(KeyValueStore<Bytes, byte[]> store) {
		this.changed.forEach((entry, keys) -> store.put(entry, bytes(keys)));
		this.changed.clear();
	}

	/** Forgets the sessions of every window ending by then, and returns their entries. */
	List<Bytes> removeEndingBy(long through) {
		List<Bytes> removed = new ArrayList<>();
		Iterator<Map.Entry<Long, Map<Bytes, List<String>>>> windows = this.byEnd.entrySet().iterator();
		while (windows.hasNext()) {
			Map.Entry<Long, Map<Bytes, List<String>>> window = windows.next();
			if (window.getKey() <= through) {
				removed.addAll(window.getValue().keySet());
				windows.remove();
			}
		}
		return removed;
	}

	private Map<Bytes, List<String>> window(long end) {
		return this.byEnd.computeIfAbsent(end, (key) -> new HashMap<>());
	}

	private static byte[] bytes(List<String> keys) {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(buffer)) {
			out.writeShort(keys.size());
			for (String key : keys) {
				out.writeUTF(key);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return buffer.toByteArray();
	}

	private static List<String> keys(byte[] bytes) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
			int count = in.readShort();
			List<String> keys = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				keys.add(in.readUTF());
			}
			return keys;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
