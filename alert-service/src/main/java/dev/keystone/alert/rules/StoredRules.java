package dev.keystone.alert.rules;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.EventJson;

/**
 * The rules as kept on their compacted topic (one record, the whole list), read back into
 * rules in force. The last list read is remembered, since it is read for every anomaly
 * and changes rarely.
 */
public final class StoredRules {

	/** The key of the one record holding every rule. */
	public static final String KEY = "rules";

	private final ObjectMapper mapper;

	private final RuleChecker checker;

	private volatile Parsed last = new Parsed(null, List.of(), null);

	public StoredRules(ObjectMapper mapper, RuleChecker checker) {
		this.mapper = mapper;
		this.checker = checker;
	}

	private record Parsed(String json, List<RuleDocument> documents, RuleSet rules) {

	}

	public String write(List<RuleDocument> documents) {
		return EventJson.write(this.mapper, documents);
	}

	public List<RuleDocument> documents(String json) {
		return parsed(json).documents();
	}

	public RuleSet ruleSet(String json) {
		return parsed(json).rules();
	}

	private Parsed parsed(String json) {
		Parsed current = this.last;
		if (current.rules() != null && java.util.Objects.equals(current.json(), json)) {
			return current;
		}
		List<RuleDocument> documents = List.of();
		if (json != null) {
			try {
				documents = Arrays.asList(this.mapper.readValue(json, RuleDocument[].class));
			}
			catch (JsonProcessingException ex) {
				throw new IllegalStateException("stored alert rules are not readable", ex);
			}
		}
		Parsed parsed = new Parsed(json, documents, this.checker.ruleSet(documents));
		this.last = parsed;
		return parsed;
	}

}
