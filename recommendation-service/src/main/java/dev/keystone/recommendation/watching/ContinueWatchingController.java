package dev.keystone.recommendation.watching;

import dev.keystone.recommendation.system.QueryParameters;
import dev.keystone.recommendation.system.RequestCounter;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The continue-watching row of a profile; a profile never seen has an empty row.
 */
@RestController
class ContinueWatchingController {

	private final Profiles profiles;

	private final RequestCounter requests;

	ContinueWatchingController(Profiles profiles, RequestCounter requests) {
		this.profiles = profiles;
		this.requests = requests;
	}

	@GetMapping("/v1/profiles/{profileId}/continue-watching")
	ContinueWatching continueWatching(@PathVariable String profileId) {
		this.requests.count("continue-watching");
		return ContinueWatching.of(this.profiles.history(QueryParameters.profileId(profileId)));
	}

}
