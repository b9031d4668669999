package dev.keystone.processing.windowing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The sessions a partition has counted in its open windows, by window end: the in-memory
 * index of the changelogged sessions store, from which it is rebuilt whenever the task
 * starts.
 */
final class OpenSessions {

	private final Map<Long, Set<Bytes>> byEnd = new HashMap<>();

	static OpenSessions of(KeyValueStore<Bytes, byte[]> store) {
		OpenSessions sessions = new OpenSessions();
		try (KeyValueIterator<Bytes, byte[]> all = store.all()) {
			all.forEachRemaining((entry) -> sessions.add(WindowKeys.end(entry.key), entry.key));
		}
		return sessions;
	}

	/** Whether the session is new to its window. */
	boolean add(long end, Bytes session) {
		return this.byEnd.computeIfAbsent(end, (key) -> new HashSet<>()).add(session);
	}

	/** Forgets the sessions of every window ending by then, and returns them. */
	List<Bytes> removeEndingBy(long through) {
		List<Bytes> removed = new ArrayList<>();
		Iterator<Map.Entry<Long, Set<Bytes>>> windows = this.byEnd.entrySet().iterator();
		while (windows.hasNext()) {
			Map.Entry<Long, Set<Bytes>> window = windows.next();
			if (window.getKey() <= through) {
				removed.addAll(window.getValue());
				windows.remove();
			}
		}
		return removed;
	}

}
