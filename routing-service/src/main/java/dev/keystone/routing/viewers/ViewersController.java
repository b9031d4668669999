package dev.keystone.routing.viewers;

import java.time.Clock;
import java.time.Duration;

import dev.keystone.events.Window;
import dev.keystone.routing.readapi.QueryParameters;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Distinct viewers per title and window: a series, the latest closed window, and the top
 * titles.
 */
@RestController
class ViewersController {

	private static final Duration DEFAULT_SPAN = Duration.ofMinutes(15);

	private final ViewerQueries queries;

	private final Clock clock;

	ViewersController(ViewerQueries queries, Clock clock) {
		this.queries = queries;
		this.clock = clock;
	}

	@GetMapping("/v1/titles/{titleId}/viewers")
	ViewerSeries series(@PathVariable String titleId,
			@RequestParam(defaultValue = Window.Labels.TEN_SECONDS) String window,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		Window size = QueryParameters.window("window", window);
		return this.queries.series(titleId, size, QueryParameters.range(from, to, DEFAULT_SPAN, this.clock));
	}

	@GetMapping("/v1/titles/{titleId}/viewers/current")
	CurrentViewers current(@PathVariable String titleId,
			@RequestParam(defaultValue = Window.Labels.TEN_SECONDS) String window) {
		return this.queries.current(titleId, QueryParameters.window("window", window));
	}

	@GetMapping("/v1/viewers/top")
	TopTitles top(@RequestParam(defaultValue = Window.Labels.ONE_MINUTE) String window,
			@RequestParam(defaultValue = "10") int limit) {
		Window size = QueryParameters.window("window", window);
		return this.queries.top(size, QueryParameters.bounded("limit", limit, 1, 100));
	}

}
