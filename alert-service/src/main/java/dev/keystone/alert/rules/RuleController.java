package dev.keystone.alert.rules;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET} and {@code PUT /v1/alert-rules}: the whole list, first match wins.
 */
@RestController
class RuleController {

	private final RuleBook rules;

	RuleController(RuleBook rules) {
		this.rules = rules;
	}

	@GetMapping("/v1/alert-rules")
	@Operation(summary = "The alert rules in force, in order")
	List<RuleDocument> rules() {
		return this.rules.rules();
	}

	@PutMapping("/v1/alert-rules")
	@Operation(summary = "Replace every alert rule; 400 names each field that cannot be used")
	List<RuleDocument> replace(@RequestBody List<RuleDocument> rules) {
		return this.rules.replace(rules);
	}

}
