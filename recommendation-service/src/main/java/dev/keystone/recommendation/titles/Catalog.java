package dev.keystone.recommendation.titles;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.Title;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads catalog entries, each distinct value once rather than once per event or answer;
 * the cache starts over when the catalog has outgrown it. An entry that does not read is
 * treated as an unknown title.
 */
public final class Catalog {

	private static final Logger log = LoggerFactory.getLogger(Catalog.class);

	private static final int CACHE_SIZE = 10_000;

	private final Map<String, Optional<Title>> read = new ConcurrentHashMap<>();

	private final ObjectMapper mapper;

	public Catalog(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	public Optional<Title> title(String titleId, String json) {
		if (json == null) {
			return Optional.empty();
		}
		Optional<Title> title = this.read.get(json);
		if (title == null) {
			if (this.read.size() >= CACHE_SIZE) {
				this.read.clear();
			}
			title = parse(titleId, json);
			this.read.put(json, title);
		}
		return title;
	}

	private Optional<Title> parse(String titleId, String json) {
		try {
			return Optional.of(this.mapper.readValue(json, Title.class));
		}
		catch (JsonProcessingException ex) {
			log.warn("catalog entry unreadable titleId={} error={}", titleId, ex.getOriginalMessage());
			return Optional.empty();
		}
	}

}
