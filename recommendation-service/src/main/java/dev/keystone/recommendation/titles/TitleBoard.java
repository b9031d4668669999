package dev.keystone.recommendation.titles;

import java.util.Set;

import dev.keystone.recommendation.state.StateStores;
import dev.keystone.recommendation.state.StoreNames;
import dev.keystone.recommendation.system.StoredJson;
import dev.keystone.recommendation.watching.TitleSignal;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Counts starts into the {@code trending} store and watches into the {@code co-watch}
 * store. Both hold a few records per catalog title, small beside the profiles, and live
 * in one task: normalising a co-watch count needs both titles' audiences, and ranking a
 * scope needs all its titles, each then one local read.
 */
public final class TitleBoard implements ProcessorSupplier<String, TitleSignal, Void, Void> {

	private final TitleSettings settings;

	private final StateStores stores;

	private final StoredJson json;

	public TitleBoard(TitleSettings settings, StateStores stores, StoredJson json) {
		this.settings = settings;
		this.stores = stores;
		this.json = json;
	}

	@Override
	public Set<StoreBuilder<?>> stores() {
		return Set.of(this.stores.json(StoreNames.TRENDING), this.stores.json(StoreNames.CO_WATCH));
	}

	@Override
	public Processor<String, TitleSignal, Void, Void> get() {
		return new Board();
	}

	private final class Board implements Processor<String, TitleSignal, Void, Void> {

		private KeyValueStore<String, String> trending;

		private KeyValueStore<String, String> coWatch;

		@Override
		public void init(ProcessorContext<Void, Void> context) {
			this.trending = context.getStateStore(StoreNames.TRENDING);
			this.coWatch = context.getStateStore(StoreNames.CO_WATCH);
		}

		@Override
		public void process(Record<String, TitleSignal> record) {
			TitleSignal signal = record.value();
			switch (signal.kind()) {
				case STARTED -> started(signal);
				case WATCHED -> watched(signal);
			}
		}

		private void started(TitleSignal signal) {
			for (String scope : Scopes.of(signal.genres(), signal.country())) {
				String key = Scopes.key(scope, signal.titleId());
				String stored = this.trending.get(key);
				TrendCount count = (stored != null)
						? TitleBoard.this.json.read(stored, TrendCount.class)
							.add(signal.at(), TitleBoard.this.settings.halfLife())
						: TrendCount.first(signal.at(), TitleBoard.this.settings.halfLife());
				this.trending.put(key, TitleBoard.this.json.write(count));
			}
		}

		private void watched(TitleSignal signal) {
			int bound = TitleBoard.this.settings.neighbours();
			CoWatch title = read(signal.titleId()).watchedOnce();
			for (String other : signal.others()) {
				title = title.with(other, bound);
				this.coWatch.put(other, TitleBoard.this.json.write(read(other).with(signal.titleId(), bound)));
			}
			this.coWatch.put(signal.titleId(), TitleBoard.this.json.write(title));
		}

		private CoWatch read(String titleId) {
			String stored = this.coWatch.get(titleId);
			return (stored != null) ? TitleBoard.this.json.read(stored, CoWatch.class) : CoWatch.none();
		}

	}

}
