package dev.keystone.alert.rules;

import java.util.List;

import dev.keystone.alert.system.ApiException;
import dev.keystone.alert.system.Publisher;

/**
 * The rules as the API reads and replaces them: the newest record of the rules topic,
 * mirrored on every replica.
 */
final class RuleBook {

	private final StoredRules stored;

	private final RuleChecker checker;

	private final Publisher publisher;

	private final String topic;

	private volatile String json;

	RuleBook(StoredRules stored, RuleChecker checker, Publisher publisher, String topic) {
		this.stored = stored;
		this.checker = checker;
		this.publisher = publisher;
		this.topic = topic;
	}

	void stored(String key, String json) {
		if (StoredRules.KEY.equals(key)) {
			this.json = json;
		}
	}

	List<RuleDocument> rules() {
		return this.stored.documents(this.json);
	}

	List<RuleDocument> replace(List<RuleDocument> rules) {
		List<RuleChecker.FieldProblem> problems = this.checker.problems(rules);
		if (!problems.isEmpty()) {
			throw ApiException.badRequest(problems);
		}
		String json = this.stored.write(rules);
		this.publisher.publish(this.topic, StoredRules.KEY, json);
		this.json = json;
		return rules;
	}

}
