package dev.keystone.alert.silences;

import java.time.Instant;

/**
 * {@code POST /v1/silences} as written: matchers, when, who and why.
 *
 * @param matchers exact values or {@code *} globs over metric, scope and severity
 * @param startsAt when it begins; default now
 * @param endsAt when it ends; required
 * @param createdBy who asks; default the calling key's name
 * @param comment why
 */
public record SilenceRequest(Silence.Matchers matchers, Instant startsAt, Instant endsAt, String createdBy,
		String comment) {

}
