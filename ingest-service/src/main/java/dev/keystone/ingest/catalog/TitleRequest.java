package dev.keystone.ingest.catalog;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /v1/catalog/titles/{titleId}}.
 */
record TitleRequest(@NotBlank @Size(max = 256) String name,
		@Size(max = 32) List<@NotBlank @Size(max = 64) String> genres, @PositiveOrZero Long durationMs,
		@Min(1870) @Max(2200) Integer releaseYear) {

}
