package dev.keystone.routing.search;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Event search, event histograms and detected anomalies.
 */
@RestController
class SearchController {

	private final SearchQueries queries;

	SearchController(SearchQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/v1/events")
	EventPage events(@RequestParam(required = false) String titleId, @RequestParam(required = false) String deviceId,
			@RequestParam(required = false) String profileId, @RequestParam(required = false) String type,
			@RequestParam(required = false) String name, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String q,
			@RequestParam(required = false) Boolean late, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return this.queries.events(
				new SearchQueries.EventFilter(titleId, deviceId, profileId, type, name, from, to, q, late), page, size);
	}

	@GetMapping("/v1/events/histogram")
	Histogram histogram(@RequestParam(defaultValue = "1m") String interval, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "type") String groupBy) {
		return this.queries.histogram(interval, from, to, groupBy);
	}

	@GetMapping("/v1/anomalies")
	AnomalyPage anomalies(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String severity, @RequestParam(defaultValue = "100") int size) {
		return this.queries.anomalies(from, to, severity, size);
	}

}
