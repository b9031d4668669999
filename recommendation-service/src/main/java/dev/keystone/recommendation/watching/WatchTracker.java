package dev.keystone.recommendation.watching;

import java.util.Set;

import dev.keystone.recommendation.state.StateStores;
import dev.keystone.recommendation.state.StoreNames;
import dev.keystone.recommendation.system.RecommendationMetrics;
import dev.keystone.recommendation.system.StoredJson;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Keeps each profile's history in the {@code profiles} store, keyed by profile, and
 * forwards the signals its playback gives the titles.
 */
public final class WatchTracker implements ProcessorSupplier<String, Playback, String, TitleSignal> {

	private final WatchRules rules;

	private final StateStores stores;

	private final StoredJson json;

	private final RecommendationMetrics metrics;

	public WatchTracker(WatchSettings settings, StateStores stores, StoredJson json, RecommendationMetrics metrics) {
		this.rules = new WatchRules(settings);
		this.stores = stores;
		this.json = json;
		this.metrics = metrics;
	}

	@Override
	public Set<StoreBuilder<?>> stores() {
		return Set.of(this.stores.json(StoreNames.PROFILES));
	}

	@Override
	public Processor<String, Playback, String, TitleSignal> get() {
		return new Tracker();
	}

	private final class Tracker implements Processor<String, Playback, String, TitleSignal> {

		private ProcessorContext<String, TitleSignal> context;

		private KeyValueStore<String, String> profiles;

		@Override
		public void init(ProcessorContext<String, TitleSignal> context) {
			this.context = context;
			this.profiles = context.getStateStore(StoreNames.PROFILES);
		}

		@Override
		public void process(Record<String, Playback> record) {
			String profileId = record.key();
			String stored = this.profiles.get(profileId);
			ProfileHistory history = (stored != null) ? WatchTracker.this.json.read(stored, ProfileHistory.class)
					: ProfileHistory.empty(profileId);
			WatchRules.Applied applied = WatchTracker.this.rules.apply(history, record.value());
			if (applied.changed()) {
				this.profiles.put(profileId, WatchTracker.this.json.write(applied.history()));
			}
			if (applied.watched()) {
				WatchTracker.this.metrics.watched();
			}
			if (applied.finished()) {
				WatchTracker.this.metrics.finished();
			}
			WatchTracker.this.metrics.reflected(record.value().timestamp());
			for (TitleSignal signal : applied.signals()) {
				this.context.forward(record.withValue(signal));
			}
		}

	}

}
