package dev.keystone.routing.replay;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.keystone.events.EventType;
import dev.keystone.events.http.BadParameterException;
import dev.keystone.events.http.NotFoundException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/replays}: start a replay from the archive, follow it, list the recent ones.
 */
@RestController
class ReplayController {

	private static final Set<String> TARGETS = Set.of("search", "topic");

	private final Replays replays;

	ReplayController(Replays replays) {
		this.replays = replays;
	}

	@PostMapping("/v1/replays")
	ResponseEntity<Replay> start(@RequestBody ReplayRequest request) {
		Replay replay = this.replays.start(checked(request));
		return ResponseEntity.accepted().location(URI.create("/v1/replays/" + replay.replayId())).body(replay);
	}

	@GetMapping("/v1/replays/{replayId}")
	Replay get(@PathVariable String replayId) {
		return this.replays.find(replayId)
			.orElseThrow(() -> new NotFoundException("no replay " + replayId + " (finished replays are kept a while)"));
	}

	@GetMapping("/v1/replays")
	Map<String, List<Replay>> list() {
		return Map.of("replays", this.replays.all());
	}

	private static ReplayRequest checked(ReplayRequest request) {
		if (request.from() == null) {
			throw new BadParameterException("from", "from is required: an ISO-8601 instant");
		}
		if (request.to() == null) {
			throw new BadParameterException("to", "to is required: an ISO-8601 instant");
		}
		if (!request.from().isBefore(request.to())) {
			throw new BadParameterException("to", "to must be after from");
		}
		if (request.target() == null || !TARGETS.contains(request.target())) {
			throw new BadParameterException("target", "target must be search or topic");
		}
		ReplayRequest.Filter filter = (request.filter() != null) ? request.filter() : ReplayRequest.Filter.NONE;
		if (filter.type() != null && EventType.fromWire(filter.type()).isEmpty()) {
			throw new BadParameterException("filter.type", "filter.type is not an event type: " + filter.type());
		}
		return new ReplayRequest(request.from(), request.to(), filter, request.target());
	}

}
