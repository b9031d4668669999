package dev.keystone.routing.search;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;

/**
 * Installs the daily events index template and the anomalies index at start, so every
 * index the sink creates by writing gets the explicit mapping and the configured refresh
 * interval (existing indices get the interval too, so a changed setting applies at the
 * next start).
 */
class IndexSetup implements InitializingBean {

	static final String ANOMALIES_INDEX = "keystone-anomalies";

	private static final Logger log = LoggerFactory.getLogger(IndexSetup.class);

	private final ElasticsearchClient client;

	private final SearchIndexSettings settings;

	IndexSetup(ElasticsearchClient client, SearchIndexSettings settings) {
		this.client = client;
		this.settings = settings;
	}

	@Override
	public void afterPropertiesSet() throws IOException {
		try (InputStream template = new ByteArrayInputStream(eventsTemplate())) {
			this.client.indices().putIndexTemplate((put) -> put.name(EventIndices.NAME).withJson(template));
		}
		addFieldsToExistingIndices();
		this.client.indices()
			.putSettings((put) -> put.index(EventIndices.ALL)
				.allowNoIndices(true)
				.ignoreUnavailable(true)
				.settings(
						(index) -> index.refreshInterval((time) -> time.time(this.settings.refreshIntervalSetting()))));
		if (!this.client.indices().exists((exists) -> exists.index(ANOMALIES_INDEX)).value()) {
			try (InputStream index = resource("elasticsearch/anomalies-index.json")) {
				this.client.indices().create((create) -> create.index(ANOMALIES_INDEX).withJson(index));
			}
		}
		log.info("elasticsearch ready template={} index={} refreshInterval={}", EventIndices.NAME, ANOMALIES_INDEX,
				this.settings.refreshIntervalSetting());
	}

	private byte[] eventsTemplate() throws IOException {
		ObjectMapper mapper = new ObjectMapper();
		ObjectNode template;
		try (InputStream json = resource("elasticsearch/events-template.json")) {
			template = (ObjectNode) mapper.readTree(json);
		}
		((ObjectNode) template.path("template").path("settings")).put("refresh_interval",
				this.settings.refreshIntervalSetting());
		return mapper.writeValueAsBytes(template);
	}

	/**
	 * The template only shapes indices created from now on; the day's index, or the older
	 * one a late event belongs in, may already exist with the strict mapping of a release
	 * before custom events had a name or late events a flag.
	 */
	private void addFieldsToExistingIndices() throws IOException {
		this.client.indices()
			.putMapping(
					(put) -> put.index(EventIndices.ALL)
						.allowNoIndices(true)
						.ignoreUnavailable(true)
						.properties("name", (name) -> name.keyword(
								(keyword) -> keyword.ignoreAbove(256).fields("text", (text) -> text.text((t) -> t))))
						.properties("late", (late) -> late.boolean_((flag) -> flag)));
	}

	private static InputStream resource(String path) throws IOException {
		return new ClassPathResource(path).getInputStream();
	}

}
