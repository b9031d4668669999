package dev.keystone.processing.viewers;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;

/**
 * The distinct sessions of one window: an exact set while it is small, a HyperLogLog
 * sketch once it passes {@link ViewerSketch#exactLimit()}, so one popular title cannot
 * exhaust the state store. The sketch's relative standard error is about 1.04 /
 * sqrt(2^lgK) — 1.6% at the default lgK of 12 — so a sketched count is within ±3.2% 95%
 * of the time. HLL_8 (one byte per register, 4 KiB at lgK 12) rather than the smaller
 * HLL_4: the aggregate is read and written on every event, and HLL_4's compact form costs
 * more than ten times as much to rebuild.
 */
public final class DistinctSessions {

	private static final byte EXACT = 0;

	private static final byte SKETCH = 1;

	private final ViewerSketch settings;

	private Set<String> exact;

	private HllSketch sketch;

	public DistinctSessions(ViewerSketch settings) {
		this(settings, new HashSet<>(), null);
	}

	private DistinctSessions(ViewerSketch settings, Set<String> exact, HllSketch sketch) {
		this.settings = settings;
		this.exact = exact;
		this.sketch = sketch;
	}

	public void add(String sessionId) {
		if (this.sketch != null) {
			this.sketch.update(sessionId);
			return;
		}
		this.exact.add(sessionId);
		if (this.exact.size() > this.settings.exactLimit()) {
			this.sketch = new HllSketch(this.settings.lgK(), TgtHllType.HLL_8);
			this.exact.forEach(this.sketch::update);
			this.exact = null;
		}
	}

	public long count() {
		return (this.sketch != null) ? Math.round(this.sketch.getEstimate()) : this.exact.size();
	}

	public boolean isSketched() {
		return this.sketch != null;
	}

	public void writeTo(DataOutputStream out) throws IOException {
		if (this.sketch != null) {
			byte[] bytes = this.sketch.toCompactByteArray();
			out.writeByte(SKETCH);
			out.writeInt(bytes.length);
			out.write(bytes);
			return;
		}
		out.writeByte(EXACT);
		out.writeInt(this.exact.size());
		for (String session : this.exact) {
			out.writeUTF(session);
		}
	}

	public static DistinctSessions readFrom(DataInputStream in, ViewerSketch settings) throws IOException {
		byte kind = in.readByte();
		int size = in.readInt();
		if (kind == SKETCH) {
			return new DistinctSessions(settings, null, HllSketch.heapify(in.readNBytes(size)));
		}
		Set<String> exact = new HashSet<>(Math.max(16, size * 2));
		for (int i = 0; i < size; i++) {
			exact.add(in.readUTF());
		}
		return new DistinctSessions(settings, exact, null);
	}

}
