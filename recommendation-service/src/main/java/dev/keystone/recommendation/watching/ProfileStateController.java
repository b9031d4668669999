package dev.keystone.recommendation.watching;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The internal read of a profile this instance holds, for the instance a request reached.
 */
@Hidden
@RestController
class ProfileStateController {

	private final Profiles profiles;

	ProfileStateController(Profiles profiles) {
		this.profiles = profiles;
	}

	@GetMapping("/internal/profiles/{profileId}")
	ResponseEntity<ProfileHistory> profile(@PathVariable String profileId) {
		return ResponseEntity.of(this.profiles.local(profileId));
	}

}
