package dev.keystone.events;

import java.util.List;

/**
 * The outcome of validating one event: the normalised event when there are no problems,
 * else every problem found.
 */
public record ValidationResult(Event event, List<Problem> problems) {

	public ValidationResult {
		problems = List.copyOf(problems);
	}

	public boolean isValid() {
		return this.problems.isEmpty();
	}

}
