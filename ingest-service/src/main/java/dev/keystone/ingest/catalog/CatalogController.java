package dev.keystone.ingest.catalog;

import java.util.regex.Pattern;

import dev.keystone.events.Title;
import dev.keystone.events.http.ProblemTypes;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/catalog/titles/{titleId}}: 201 for a new title, 200 for an update, 404 for
 * an unknown one.
 */
@RestController
@RequestMapping("/v1/catalog/titles/{titleId}")
class CatalogController {

	private static final Pattern TITLE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private final Catalog catalog;

	CatalogController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	Title get(@PathVariable String titleId) {
		return this.catalog.find(checked(titleId)).orElseThrow(() -> notFound(titleId));
	}

	@PutMapping
	ResponseEntity<Title> put(@PathVariable String titleId, @Valid @RequestBody TitleRequest request) {
		boolean created = this.catalog.put(checked(titleId), request);
		Title title = this.catalog.find(titleId).orElseThrow();
		return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(title);
	}

	@DeleteMapping
	ResponseEntity<Void> delete(@PathVariable String titleId) {
		if (!this.catalog.delete(checked(titleId))) {
			throw notFound(titleId);
		}
		return ResponseEntity.noContent().build();
	}

	private static String checked(String titleId) {
		if (!TITLE_ID.matcher(titleId).matches()) {
			throw new ErrorResponseException(
					HttpStatus.BAD_REQUEST, ProblemTypes.problem(HttpStatus.BAD_REQUEST, "invalid-title-id",
							"Invalid title id", "titleId must be 1-128 characters of letters, digits and . _ : -"),
					null);
		}
		return titleId;
	}

	private static ErrorResponseException notFound(String titleId) {
		return new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemTypes.problem(HttpStatus.NOT_FOUND,
				"title-not-found", "Title not found", "no title '" + titleId + "'"), null);
	}

}
