package dev.keystone.alert.rules;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A rule as written in {@code PUT /v1/alert-rules}: every field optional, durations as
 * {@code 30s}, {@code 5m}, {@code 4h}.
 *
 * @param metric exact metric or glob; default {@code *}
 * @param scope exact scope or glob; default {@code *}
 * @param minSeverity {@code low}, {@code medium}, {@code high} or {@code critical};
 * default {@code low}
 * @param forWindows one-minute windows with anomalies before firing; default 1
 * @param forWithin the span those windows fall in; default {@code 10m}
 * @param resolveAfter default {@code 5m}
 * @param repeatInterval default {@code 4h}
 * @param receivers receiver names; default all
 * @param groupBy alert fields; default {@code ["metric"]}
 * @param groupWait default {@code 30s}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleDocument(String metric, String scope, String minSeverity, @JsonProperty("for") Integer forWindows,
		String forWithin, String resolveAfter, String repeatInterval, List<String> receivers, List<String> groupBy,
		String groupWait) {

}
