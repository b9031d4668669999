package dev.keystone.ingest.catalog;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.Title;
import dev.keystone.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;

/**
 * The latest value of every title on the compacted topic. Each instance reads the whole
 * topic from the start under a group of its own, so every instance answers for every
 * title.
 */
class CatalogView {

	private static final Logger log = LoggerFactory.getLogger(CatalogView.class);

	private final Map<String, Title> titles = new ConcurrentHashMap<>();

	private final ObjectMapper mapper;

	CatalogView(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	@KafkaListener(id = "catalog-view", topics = Topics.CATALOG_TITLES, groupId = "ingest-catalog-view-${random.uuid}",
			properties = { "auto.offset.reset=earliest", "enable.auto.commit=false" })
	void onTitle(ConsumerRecord<String, byte[]> record) {
		if (record.key() == null) {
			return;
		}
		if (record.value() == null) {
			this.titles.remove(record.key());
			return;
		}
		try {
			Title title = this.mapper.readValue(record.value(), Title.class);
			this.titles.put(record.key(), title);
		}
		catch (IOException ex) {
			log.warn("skipping unreadable catalog record titleId={} offset={}", record.key(), record.offset());
		}
	}

	Optional<Title> find(String titleId) {
		return Optional.ofNullable(this.titles.get(titleId));
	}

	/**
	 * Applies a write this instance made, so its own reads see it before the topic comes
	 * round.
	 */
	void apply(String titleId, Title title) {
		if (title == null) {
			this.titles.remove(titleId);
		}
		else {
			this.titles.put(titleId, title);
		}
	}

}
