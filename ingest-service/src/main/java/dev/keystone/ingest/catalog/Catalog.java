package dev.keystone.ingest.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.EventJson;
import dev.keystone.events.Title;
import dev.keystone.events.Topics;
import dev.keystone.events.http.ProblemTypes;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * Writes titles and tombstones to {@code catalog.titles} and answers reads from the view.
 */
class Catalog {

	private final KafkaTemplate<String, byte[]> kafka;

	private final ObjectMapper mapper;

	private final CatalogView view;

	private final Duration sendTimeout;

	Catalog(KafkaTemplate<String, byte[]> kafka, ObjectMapper mapper, CatalogView view, Duration sendTimeout) {
		this.kafka = kafka;
		this.mapper = mapper;
		this.view = view;
		this.sendTimeout = sendTimeout;
	}

	Optional<Title> find(String titleId) {
		return this.view.find(titleId);
	}

	/** True when the title is new. */
	boolean put(String titleId, TitleRequest request) {
		boolean created = this.view.find(titleId).isEmpty();
		List<String> genres = (request.genres() != null) ? request.genres() : List.of();
		Title title = new Title(titleId, request.name().trim(), genres, request.durationMs(), request.releaseYear());
		write(titleId, EventJson.writeBytes(this.mapper, title));
		this.view.apply(titleId, title);
		return created;
	}

	/** True when there was a title to delete. */
	boolean delete(String titleId) {
		if (this.view.find(titleId).isEmpty()) {
			return false;
		}
		write(titleId, null);
		this.view.apply(titleId, null);
		return true;
	}

	private void write(String titleId, byte[] value) {
		try {
			this.kafka.send(Topics.CATALOG_TITLES, titleId, value)
				.get(this.sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			throw unavailable();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable();
		}
	}

	private ErrorResponseException unavailable() {
		ErrorResponseException error = new ErrorResponseException(
				HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.problem(HttpStatus.SERVICE_UNAVAILABLE,
						"kafka-unavailable", "Kafka unavailable", "the catalog could not be written; retry later"),
				null);
		error.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
		return error;
	}

}
