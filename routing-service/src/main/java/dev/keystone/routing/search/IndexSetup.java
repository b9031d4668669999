package dev.keystone.routing.search;

import java.io.IOException;
import java.io.InputStream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;

/**
 * Installs the daily events index template and the anomalies index at start, so every
 * index the sink creates by writing gets the explicit mapping.
 */
class IndexSetup implements InitializingBean {

	static final String ANOMALIES_INDEX = "keystone-anomalies";

	private static final Logger log = LoggerFactory.getLogger(IndexSetup.class);

	private final ElasticsearchClient client;

	IndexSetup(ElasticsearchClient client) {
		this.client = client;
	}

	@Override
	public void afterPropertiesSet() throws IOException {
		try (InputStream template = resource("elasticsearch/events-template.json")) {
			this.client.indices().putIndexTemplate((put) -> put.name(EventIndices.NAME).withJson(template));
		}
		addFieldsToExistingIndices();
		if (!this.client.indices().exists((exists) -> exists.index(ANOMALIES_INDEX)).value()) {
			try (InputStream index = resource("elasticsearch/anomalies-index.json")) {
				this.client.indices().create((create) -> create.index(ANOMALIES_INDEX).withJson(index));
			}
		}
		log.info("elasticsearch ready template={} index={}", EventIndices.NAME, ANOMALIES_INDEX);
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
