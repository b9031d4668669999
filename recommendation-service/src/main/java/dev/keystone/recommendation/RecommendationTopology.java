package dev.keystone.recommendation;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.keystone.events.EnrichedEvent;
import dev.keystone.events.Title;
import dev.keystone.recommendation.state.JsonSerde;
import dev.keystone.recommendation.system.StoredJson;
import dev.keystone.recommendation.titles.Catalog;
import dev.keystone.recommendation.titles.TitleBoard;
import dev.keystone.recommendation.watching.Playback;
import dev.keystone.recommendation.watching.TitleSignal;
import dev.keystone.recommendation.watching.WatchTracker;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code recommend} function: {@code events.enriched} and the catalog in, the stores
 * the answers are read from out. Playback is keyed by profile, where watches are decided;
 * what that means for the titles goes to the one task that keeps the title rankings.
 */
final class RecommendationTopology implements BiConsumer<KStream<String, String>, GlobalKTable<String, String>> {

	/**
	 * The key every title signal is sent with, so they all reach the one partition of
	 * {@code title-signals}.
	 */
	static final String TITLES_KEY = "titles";

	private static final Logger log = LoggerFactory.getLogger(RecommendationTopology.class);

	private final WatchTracker watchTracker;

	private final TitleBoard titleBoard;

	private final Catalog catalog;

	private final StoredJson json;

	RecommendationTopology(WatchTracker watchTracker, TitleBoard titleBoard, Catalog catalog, StoredJson json) {
		this.watchTracker = watchTracker;
		this.titleBoard = titleBoard;
		this.catalog = catalog;
		this.json = json;
	}

	@Override
	public void accept(KStream<String, String> events, GlobalKTable<String, String> titles) {
		events.flatMapValues(this::profilePlayback, Named.as("profile-playback"))
			.leftJoin(titles, (deviceId, event) -> event.titleId(), this::playback, Named.as("playback-title"))
			.selectKey((deviceId, playback) -> playback.profileId(), Named.as("playback-by-profile"))
			.repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(this.json, Playback.class))
				.withName("by-profile"))
			.process(this.watchTracker, Named.as("watch"))
			.selectKey((profileId, signal) -> TITLES_KEY, Named.as("signals-to-titles"))
			.repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(this.json, TitleSignal.class))
				.withName("title-signals")
				.withNumberOfPartitions(1))
			.process(this.titleBoard, Named.as("title-board"));
	}

	/**
	 * Playback events of a known profile; others say nothing about a profile's taste.
	 * Processing wrote every record, so one that does not read is logged and skipped.
	 */
	private List<EnrichedEvent> profilePlayback(String json) {
		EnrichedEvent event;
		try {
			event = this.json.mapper().readValue(json, EnrichedEvent.class);
		}
		catch (JsonProcessingException ex) {
			log.warn("enriched event unreadable error={}", ex.getOriginalMessage());
			return List.of();
		}
		boolean usable = event.type() != null && event.type().isPlayback() && event.profileId() != null
				&& event.titleId() != null && event.timestamp() != null;
		return usable ? List.of(event) : List.of();
	}

	private Playback playback(EnrichedEvent event, String titleJson) {
		Optional<Title> title = this.catalog.title(event.titleId(), titleJson);
		String name = title.map(Title::name).orElse((event.title() != null) ? event.title().name() : null);
		List<String> genres = title.map(Title::genres)
			.orElse((event.title() != null) ? event.title().genres() : List.of());
		return new Playback(event.profileId(), event.titleId(), event.type(), event.timestamp(),
				(event.positionMs() != null) ? event.positionMs() : 0, event.country(), name, genres,
				title.map(Title::durationMs).orElse(null));
	}

}
