package dev.keystone.alert.silences;

import java.net.URI;
import java.util.List;

import dev.keystone.alert.system.ApiException;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/silences}: create, list, read and end silences.
 */
@RestController
class SilenceController {

	private final SilenceBook silences;

	SilenceController(SilenceBook silences) {
		this.silences = silences;
	}

	@PostMapping("/v1/silences")
	@Operation(summary = "Silence matching alerts for a time range; they are tracked, nothing is sent")
	ResponseEntity<Silence> create(@RequestBody SilenceRequest request,
			@RequestHeader(name = "Keystone-Caller", required = false) String caller) {
		Silence silence = this.silences.create(request, (caller != null) ? caller : "anonymous");
		return ResponseEntity.created(URI.create("/v1/silences/" + silence.silenceId())).body(silence);
	}

	@GetMapping("/v1/silences")
	@Operation(summary = "Silences, newest first; active=true for those holding now")
	List<Silence> list(@RequestParam(required = false) String active) {
		if (active != null && !active.equals("true") && !active.equals("false")) {
			throw ApiException.badParameter("active", "must be true or false");
		}
		return this.silences.list((active != null) ? Boolean.valueOf(active) : null);
	}

	@GetMapping("/v1/silences/{silenceId}")
	@Operation(summary = "One silence")
	Silence get(@PathVariable String silenceId) {
		return this.silences.get(silenceId).orElseThrow(() -> ApiException.notFound("no silence " + silenceId));
	}

	@DeleteMapping("/v1/silences/{silenceId}")
	@Operation(summary = "End a silence now; alerts it held that still fire are sent then")
	Silence end(@PathVariable String silenceId) {
		return this.silences.end(silenceId);
	}

}
