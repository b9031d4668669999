package dev.keystone.recommendation.titles;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.keystone.recommendation.state.StoreAccess;
import dev.keystone.recommendation.state.StoreNames;
import dev.keystone.recommendation.system.StoredJson;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Rankings read from this instance's title stores: trending and popular titles of a
 * scope, and the titles most similar to one.
 */
public final class TitleQueries {

	private static final Comparator<Ranked> BEST_FIRST = Comparator.comparingDouble(Ranked::score)
		.reversed()
		.thenComparing(Ranked::titleId);

	private final StoreAccess stores;

	private final TitleSettings settings;

	private final Similarity similarity;

	private final StoredJson json;

	private final Clock clock;

	public TitleQueries(StoreAccess stores, TitleSettings settings, StoredJson json, Clock clock) {
		this.stores = stores;
		this.settings = settings;
		this.similarity = new Similarity(settings.shrinkage());
		this.json = json;
		this.clock = clock;
	}

	/** Titles of the scope by their decayed count of starts now. */
	public List<Ranked> trending(String scope, int limit) {
		Instant now = this.clock.instant();
		return top(scope, limit, (count) -> count.scoreAt(now, this.settings.halfLife()), Ranking.DECAYED);
	}

	/** Titles of the scope by the starts counted, undecayed: lasting popularity. */
	public List<Ranked> popular(String scope, int limit) {
		return top(scope, limit, (count) -> count.viewers(), Ranking.TOTAL);
	}

	/** The most similar titles; empty if nobody watched the title with another. */
	public List<Ranked> similar(String titleId, int limit) {
		ReadOnlyKeyValueStore<String, String> coWatch = this.stores.store(StoreNames.CO_WATCH);
		String stored = coWatch.get(titleId);
		if (stored == null) {
			return List.of();
		}
		CoWatch title = this.json.read(stored, CoWatch.class);
		List<Ranked> ranked = new ArrayList<>();
		for (Map.Entry<String, Long> neighbour : title.neighbours().entrySet()) {
			String other = coWatch.get(neighbour.getKey());
			if (other != null) {
				long watchers = this.json.read(other, CoWatch.class).watchers();
				double score = this.similarity.of(neighbour.getValue(), title.watchers(), watchers);
				ranked.add(new Ranked(neighbour.getKey(), score, neighbour.getValue()));
			}
		}
		ranked.sort(BEST_FIRST);
		return ranked.subList(0, Math.min(limit, ranked.size()));
	}

	private List<Ranked> top(String scope, int limit, Score score, Ranking ranking) {
		List<KeyValue<String, TrendCount>> counts = new ArrayList<>();
		try (KeyValueIterator<String, String> scan = this.stores.store(StoreNames.TRENDING)
			.prefixScan(Scopes.prefix(scope), new StringSerializer())) {
			scan.forEachRemaining((entry) -> counts
				.add(KeyValue.pair(Scopes.titleOf(entry.key), this.json.read(entry.value, TrendCount.class))));
		}
		// Every count decays alike, so the level ranks as the decayed score does and
		// the score is computed only for what is returned.
		Comparator<KeyValue<String, TrendCount>> order = (ranking == Ranking.DECAYED)
				? Comparator.comparingDouble((KeyValue<String, TrendCount> entry) -> entry.value.level())
				: Comparator.comparingLong((KeyValue<String, TrendCount> entry) -> entry.value.viewers());
		counts.sort(order.reversed().thenComparing((entry) -> entry.key));
		return counts.stream()
			.limit(limit)
			.map((entry) -> new Ranked(entry.key, score.of(entry.value), entry.value.viewers()))
			.toList();
	}

	private enum Ranking {

		DECAYED, TOTAL

	}

	@FunctionalInterface
	private interface Score {

		double of(TrendCount count);

	}

}
