package dev.keystone.routing.viewers;

import java.util.Map;

import dev.keystone.events.Window;

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

	private final ViewerQueries queries;

	ViewersController(ViewerQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/v1/titles/{titleId}/viewers")
	Map<String, Object> series(@PathVariable String titleId,
			@RequestParam(defaultValue = Window.Labels.TEN_SECONDS) String window,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		return this.queries.series(titleId, window, from, to);
	}

	@GetMapping("/v1/titles/{titleId}/viewers/current")
	Map<String, Object> current(@PathVariable String titleId,
			@RequestParam(defaultValue = Window.Labels.TEN_SECONDS) String window) {
		return this.queries.current(titleId, window);
	}

	@GetMapping("/v1/viewers/top")
	Map<String, Object> top(@RequestParam(defaultValue = Window.Labels.ONE_MINUTE) String window,
			@RequestParam(defaultValue = "10") int limit) {
		return this.queries.top(window, limit);
	}

}
