package dev.keystone.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class EventValidatorTests {

	private final ObjectMapper mapper = EventJson.newMapper();

	private final EventValidator validator = EventValidator.forDevices(this.mapper);

	@Test
	void acceptsCompletePlaybackEvent() {
		ValidationResult result = this.validator.validate(json("""
				{"eventId": "e-1", "type": "play_start", "timestamp": "2025-01-31T20:15:00Z", "deviceId": "d1",
				 "deviceType": "tv", "profileId": "p1", "sessionId": "s1", "titleId": "t1", "positionMs": 0,
				 "country": "US", "appVersion": "7.1.0", "properties": {"bitrate": 4500}}
				"""));

		assertThat(result.problems()).isEmpty();
		Event event = result.event();
		assertThat(event.eventId()).isEqualTo("e-1");
		assertThat(event.type()).isEqualTo(EventType.PLAY_START);
		assertThat(event.timestamp()).isEqualTo(Instant.parse("2025-01-31T20:15:00Z"));
		assertThat(event.deviceType()).isEqualTo(DeviceType.TV);
		assertThat(event.properties()).containsEntry("bitrate", 4500);
	}

	@Test
	void acceptsMinimalNonPlaybackEventAndDefaultsDeviceType() {
		ValidationResult result = this.validator
			.validate(json("{\"type\": \"click\", \"timestamp\": 1738354500000, \"deviceId\": \"d1\"}"));

		assertThat(result.isValid()).isTrue();
		assertThat(result.event().eventId()).isNull();
		assertThat(result.event().deviceType()).isEqualTo(DeviceType.OTHER);
		assertThat(result.event().timestamp()).isEqualTo(Instant.ofEpochMilli(1738354500000L));
	}

	@Test
	void normalisesCaseBlanksOffsetsAndCountry() {
		ValidationResult result = this.validator.validate(json("""
				{"type": " PLAY_Stop ", "timestamp": "2025-01-31T22:15:00+02:00", "deviceId": "  d1 ",
				 "deviceType": "Set_Top_Box", "sessionId": "s1", "titleId": "t1", "country": "de"}
				"""));

		assertThat(result.problems()).isEmpty();
		Event event = result.event();
		assertThat(event.type()).isEqualTo(EventType.PLAY_STOP);
		assertThat(event.deviceId()).isEqualTo("d1");
		assertThat(event.deviceType()).isEqualTo(DeviceType.SET_TOP_BOX);
		assertThat(event.timestamp()).isEqualTo(Instant.parse("2025-01-31T20:15:00Z"));
		assertThat(event.country()).isEqualTo("DE");
	}

	@Test
	void treatsExplicitNullOptionalsAsAbsent() {
		ValidationResult result = this.validator.validate(json(
				"{\"type\": \"click\", \"timestamp\": 1, \"deviceId\": \"d1\", \"profileId\": null, \"country\": null}"));

		assertThat(result.isValid()).isTrue();
		assertThat(result.event().profileId()).isNull();
	}

	@Test
	void rejectsPlaybackEventWithoutTitleOrSession() {
		assertThat(problems("{\"type\": \"heartbeat\", \"timestamp\": 1, \"deviceId\": \"d1\"}")).containsExactly(
				tuple("sessionId", "required for type heartbeat"), tuple("titleId", "required for type heartbeat"));
	}

	@Test
	void reportsEveryProblemAtOnce() {
		List<Problem> problems = this.validator.validate(json("""
				{"eventId": "bad id!", "type": "teleport", "timestamp": "yesterday", "deviceType": "toaster",
				 "positionMs": -5, "country": "XX", "colour": "red"}
				""")).problems();

		assertThat(problems).extracting(Problem::field)
			.containsExactlyInAnyOrder("colour", "eventId", "type", "timestamp", "deviceId", "deviceType", "positionMs",
					"country");
	}

	@Test
	void rejectsUnknownTopLevelFields() {
		assertThat(problems("{\"type\": \"click\", \"timestamp\": 1, \"deviceId\": \"d1\", \"userId\": \"u\"}"))
			.containsExactly(tuple("userId", "unknown field"));
	}

	@Test
	void rejectsIngestStampsFromDevicesButAcceptsThemInThePipeline() {
		String raw = "{\"type\": \"click\", \"timestamp\": 1, \"deviceId\": \"d1\", \"receivedAt\": \"2025-01-01T00:00:00Z\", \"ingestId\": \"i1\"}";

		assertThat(problems(raw)).extracting((t) -> t.toList().get(0)).containsExactly("receivedAt", "ingestId");
		ValidationResult pipeline = EventValidator.forPipeline(this.mapper).validate(json(raw));
		assertThat(pipeline.isValid()).isTrue();
		assertThat(pipeline.event().receivedAt()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
		assertThat(pipeline.event().ingestId()).isEqualTo("i1");
	}

	@Test
	void requiresTypeTimestampAndDevice() {
		assertThat(problems("{}")).containsExactly(tuple("type", "required"), tuple("timestamp", "required"),
				tuple("deviceId", "required"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"\"", "\"   \"" })
	void rejectsBlankRequiredStrings(String blank) {
		assertThat(problems("{\"type\": \"click\", \"timestamp\": 1, \"deviceId\": " + blank + "}"))
			.containsExactly(tuple("deviceId", "required; must not be blank"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\\ud800", "a\\udfff", "\\ud83d", "x\\ude00\\ud83d" })
	void rejectsTextWithAnUnpairedSurrogate(String escaped) {
		assertThat(problems("{\"type\": \"click\", \"timestamp\": 1, \"deviceId\": \"" + escaped + "\"}"))
			.extracting((problem) -> problem.toList().get(0))
			.containsExactly("deviceId");
	}

	@Test
	void acceptsTextWithPairedSurrogates() {
		assertThat(problems("{\"type\": \"click\", \"timestamp\": 1, \"deviceId\": \"\\ud83d\\ude00\"}")).isEmpty();
	}

	@Test
	void rejectsWrongTypes() {
		assertThat(problems("""
				{"type": 3, "timestamp": true, "deviceId": 42, "positionMs": "10", "properties": [1]}
				""")).containsExactly(tuple("type", "must be a string"),
				tuple("timestamp", "must be an ISO-8601 instant string or epoch milliseconds"),
				tuple("deviceId", "must be a string"),
				tuple("positionMs", "must be a whole number of milliseconds >= 0"),
				tuple("properties", "must be a JSON object"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"2025-01-31T20:15:00\"", "\"2025-01-31\"", "\"31/01/2025\"", "-1", "1.5",
			"99999999999999999999" })
	void rejectsTimestampsWithoutOffsetOrOutOfRange(String timestamp) {
		assertThat(problems("{\"type\": \"click\", \"timestamp\": " + timestamp + ", \"deviceId\": \"d1\"}"))
			.extracting((t) -> t.toList().get(0))
			.containsExactly("timestamp");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.5", "-1", "18446744073709551616" })
	void rejectsPositionsThatAreNotNonNegativeWholeNumbers(String position) {
		assertThat(problems(
				"{\"type\": \"click\", \"timestamp\": 1, \"deviceId\": \"d1\", \"positionMs\": " + position + "}"))
			.containsExactly(tuple("positionMs", "must be a whole number of milliseconds >= 0"));
	}

	@Test
	void enforcesLengthLimits() {
		String longId = "x".repeat(129);
		assertThat(problems("{\"eventId\": \"" + "e".repeat(65) + "\", \"type\": \"click\", \"timestamp\": 1, "
				+ "\"deviceId\": \"" + longId + "\", \"profileId\": \"" + longId + "\", \"appVersion\": \""
				+ "v".repeat(65) + "\"}"))
			.extracting((t) -> t.toList().get(0))
			.containsExactly("eventId", "deviceId", "profileId", "appVersion");
	}

	@Test
	void acceptsEventIdAtItsLimits() {
		assertThat(problems("{\"eventId\": \"" + "a.b_c:d-9".repeat(8).substring(0, 64)
				+ "\", \"type\": \"click\", \"timestamp\": 1, \"deviceId\": \"d1\"}"))
			.isEmpty();
	}

	@Test
	void limitsPropertiesToEightKibibytes() {
		ObjectNode event = (ObjectNode) json("{\"type\": \"click\", \"timestamp\": 1, \"deviceId\": \"d1\"}");
		event.putObject("properties").put("blob", "x".repeat(8 * 1024));

		assertThat(this.validator.validate(event).problems()).extracting(Problem::field).containsExactly("properties");
	}

	@Test
	void limitsEventToSixteenKibibytes() {
		ObjectNode event = (ObjectNode) json("{\"type\": \"click\", \"timestamp\": 1, \"deviceId\": \"d1\"}");
		event.putObject("properties").put("blob", "x".repeat(8000));
		event.put("appVersion", "1");
		event.put("eventId", "e1");
		ObjectNode big = event.deepCopy();
		big.put("junk", "y".repeat(9000));

		assertThat(this.validator.validate(event).isValid()).isTrue();
		assertThat(this.validator.validate(big).problems()).extracting(Problem::field).contains("", "junk");
	}

	@Test
	void rejectsNonObjects() {
		assertThat(this.validator.validate(json("[1]")).problems())
			.containsExactly(new Problem("", "an event must be a JSON object"));
		assertThat(this.validator.validate(null).isValid()).isFalse();
	}

	@Test
	void knowsWhichTypesArePlayback() {
		assertThat(List.of(EventType.values())).filteredOn(EventType::isPlayback)
			.extracting(EventType::wireName)
			.containsExactly("play_start", "play_pause", "play_resume", "play_stop", "heartbeat", "seek",
					"buffering_start", "buffering_end", "playback_error");
		assertThat(Map.of("tv", DeviceType.TV.deviceClass(), "phone", DeviceType.PHONE.deviceClass()))
			.containsEntry("tv", DeviceClass.TV)
			.containsEntry("phone", DeviceClass.MOBILE);
	}

	@Test
	void acceptsCustomEventWithItsNameAsNonPlayback() {
		ValidationResult result = this.validator.validate(
				json("""
						{"type": "custom", "name": " Signed Up ", "timestamp": 1, "deviceId": "d1", "properties": {"plan": "pro"}}
						"""));

		assertThat(result.problems()).isEmpty();
		assertThat(result.event().type()).isEqualTo(EventType.CUSTOM);
		assertThat(result.event().name()).isEqualTo("Signed Up");
		assertThat(EventType.CUSTOM.isPlayback()).isFalse();
	}

	@Test
	void requiresANameForCustomEvents() {
		assertThat(problems("{\"type\": \"custom\", \"timestamp\": 1, \"deviceId\": \"d1\"}"))
			.containsExactly(tuple("name", "required"));
		assertThat(problems("{\"type\": \"custom\", \"name\": \"" + "n".repeat(129)
				+ "\", \"timestamp\": 1, \"deviceId\": \"d1\"}"))
			.containsExactly(tuple("name", "must be at most 128 characters"));
	}

	@Test
	void rejectsANameOnBuiltInTypes() {
		assertThat(problems("{\"type\": \"click\", \"name\": \"x\", \"timestamp\": 1, \"deviceId\": \"d1\"}"))
			.containsExactly(tuple("name", "only allowed for type custom"));
	}

	@Test
	void carriesTheNameOfACustomEventThroughIngestStamps() {
		Event event = this.validator
			.validate(json("{\"type\": \"custom\", \"name\": \"Signed Up\", \"timestamp\": 1, \"deviceId\": \"d1\"}"))
			.event()
			.withIngest("e1", Instant.EPOCH, "i1");

		assertThat(event.name()).isEqualTo("Signed Up");
		assertThat(EnrichedEvent.of(event, null, Instant.EPOCH).name()).isEqualTo("Signed Up");
	}

	private List<org.assertj.core.groups.Tuple> problems(String event) {
		return this.validator.validate(json(event))
			.problems()
			.stream()
			.map((problem) -> tuple(problem.field(), problem.message()))
			.toList();
	}

	private JsonNode json(String text) {
		try {
			return this.mapper.readTree(text);
		}
		catch (Exception ex) {
			throw new IllegalArgumentException(ex);
		}
	}

}
