package dev.keystone.ingest.segment;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.DeviceType;
import dev.keystone.events.Event;
import dev.keystone.events.EventJson;
import dev.keystone.events.EventType;
import dev.keystone.events.EventValidator;
import dev.keystone.events.Problem;
import dev.keystone.events.ValidationResult;
import dev.keystone.ingest.events.EventBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SegmentMapperTests {

	private static final Instant RECEIVED = Instant.parse("2025-01-31T20:15:10Z");

	private final ObjectMapper mapper = EventJson.newMapper();

	private final EventValidator validator = EventValidator.forDevices(this.mapper);

	@Test
	void mapsAVideoSpecSessionStartToPlayStartWithSessionTitleAndPosition() {
		Event event = event("""
				{"type": "track", "event": "Video Playback Started", "messageId": "m-1", "userId": "u1",
				 "anonymousId": "a1", "timestamp": "2025-01-31T20:15:00.000Z",
				 "properties": {"session_id": "s1", "content_asset_id": "t1", "position": 12.5},
				 "context": {"device": {"id": "d1", "type": "tv"}, "app": {"version": "7.1.0"},
				             "location": {"country": "DE"}}}
				""", null);

		assertThat(event.eventId()).isEqualTo("m-1");
		assertThat(event.type()).isEqualTo(EventType.PLAY_START);
		assertThat(event.name()).isNull();
		assertThat(event.profileId()).isEqualTo("u1");
		assertThat(event.deviceId()).isEqualTo("d1");
		assertThat(event.deviceType()).isEqualTo(DeviceType.TV);
		assertThat(event.sessionId()).isEqualTo("s1");
		assertThat(event.titleId()).isEqualTo("t1");
		assertThat(event.positionMs()).isEqualTo(12_500L);
		assertThat(event.country()).isEqualTo("DE");
		assertThat(event.appVersion()).isEqualTo("7.1.0");
		assertThat(event.timestamp()).isEqualTo(Instant.parse("2025-01-31T20:15:00Z"));
		assertThat(event.properties()).containsEntry("session_id", "s1");
	}

	@ParameterizedTest
	@CsvSource({ "Video Playback Started, play_start", "Video Playback Paused, play_pause",
			"Video Playback Resumed, play_resume", "Video Playback Completed, play_stop",
			"Video Playback Exited, play_stop", "Video Content Playing, heartbeat",
			"Video Playback Buffer Started, buffering_start", "Video Playback Buffer Completed, buffering_end",
			"Video Playback Seek Completed, seek", "Video Playback Interrupted, playback_error",
			"video playback started, play_start" })
	void mapsEachVideoSpecEventToItsPlaybackType(String name, String type) {
		Event event = event(
				"""
						{"type": "track", "event": "%s", "anonymousId": "a1", "properties": {"session_id": 42, "asset_id": "t1"}}
						"""
					.formatted(name),
				null);

		assertThat(event.type().wireName()).isEqualTo(type);
		assertThat(event.sessionId()).isEqualTo("42");
		assertThat(event.titleId()).isEqualTo("t1");
	}

	@Test
	void takesTheFirstOfThePlaybackEventsAssetList() {
		Event event = event("""
				{"type": "track", "event": "Video Playback Started", "anonymousId": "a1",
				 "properties": {"session_id": "s1", "content_asset_ids": ["t7", "t8"]}}
				""", null);

		assertThat(event.titleId()).isEqualTo("t7");
	}

	@Test
	void mapsOtherTrackCallsToCustomEventsNamedByTheEvent() {
		Event event = event("""
				{"type": "track", "event": "Trailer Shared", "anonymousId": "a1",
				 "properties": {"channel": "mail", "session_id": "s1", "content_asset_id": "t1"}}
				""", null);

		assertThat(event.type()).isEqualTo(EventType.CUSTOM);
		assertThat(event.name()).isEqualTo("Trailer Shared");
		assertThat(event.properties()).containsEntry("channel", "mail");
		assertThat(event.sessionId()).isNull();
		assertThat(event.titleId()).isNull();
	}

	@Test
	void namesPageAndScreenCallsByTheirNameAndIdentifyByItsCall() {
		assertThat(event("{\"name\": \"Home\", \"anonymousId\": \"a1\", \"properties\": {\"path\": \"/\"}}", "page"))
			.satisfies((event) -> assertThat(event.name()).isEqualTo("Home"))
			.satisfies((event) -> assertThat(event.properties()).containsEntry("path", "/"));
		assertThat(event("{\"anonymousId\": \"a1\"}", "screen").name()).isEqualTo("screen");
		assertThat(event("{\"type\": \"identify\", \"userId\": \"u1\", \"traits\": {\"plan\": \"pro\"}}", null))
			.satisfies((event) -> assertThat(event.name()).isEqualTo("identify"))
			.satisfies((event) -> assertThat(event.type()).isEqualTo(EventType.CUSTOM))
			.satisfies((event) -> assertThat(event.properties()).containsEntry("plan", "pro"));
	}

	@Test
	void takesTheProfileFromTheUserElseTheAnonymousIdAndTheDeviceFromTheContextElseTheAnonymousId() {
		Event anonymous = event("{\"type\": \"page\", \"anonymousId\": \"a1\"}", null);
		assertThat(anonymous.profileId()).isEqualTo("a1");
		assertThat(anonymous.deviceId()).isEqualTo("a1");

		Event known = event("{\"type\": \"page\", \"userId\": \"u1\", \"anonymousId\": \"a1\"}", null);
		assertThat(known.profileId()).isEqualTo("u1");
		assertThat(known.deviceId()).isEqualTo("a1");

		Event serverSide = event("{\"type\": \"identify\", \"userId\": \"u1\"}", null);
		assertThat(serverSide.deviceId()).isEqualTo("u1");
	}

	@Test
	void correctsTheDeviceClockWithSentAt() {
		// The device's clock is 1 h fast; the event happened 4 s before it was sent.
		EventBatch.Item item = SegmentMapper.map(0, json("""
				{"type": "page", "anonymousId": "a1", "timestamp": "2025-01-31T21:15:06.000Z"}
				"""), null, Instant.parse("2025-01-31T21:15:10.000Z"), RECEIVED);

		assertThat(valid(item).timestamp()).isEqualTo(Instant.parse("2025-01-31T20:15:06Z"));
	}

	@Test
	void prefersTheMessagesOwnSentAtAndFallsBackToReceiptTime() {
		Event own = event("""
				{"type": "page", "anonymousId": "a1", "timestamp": "2025-01-31T10:00:00+02:00",
				 "sentAt": "2025-01-31T10:00:01+02:00"}
				""", null);
		assertThat(own.timestamp()).isEqualTo(RECEIVED.minusSeconds(1));

		assertThat(event("{\"type\": \"page\", \"anonymousId\": \"a1\"}", null).timestamp()).isEqualTo(RECEIVED);
		assertThat(
				event("{\"type\": \"page\", \"anonymousId\": \"a1\", \"originalTimestamp\": \"2025-01-31T20:00:00Z\"}",
						null)
					.timestamp())
			.isEqualTo(Instant.parse("2025-01-31T20:00:00Z"));
	}

	@ParameterizedTest
	@CsvSource(value = { "phone,,phone", "ios,,phone", "mobile,,phone", "ipad,,tablet", ",tvOS,tv", ",Android,phone",
			",Roku OS,tv", "xbox,,console", "toaster,,other", ",,other" })
	void readsTheDeviceTypeFromTheDeviceElseTheOperatingSystem(String deviceType, String osName, String expected) {
		String device = (deviceType != null) ? "\"device\": {\"type\": \"" + deviceType + "\"}," : "";
		String os = (osName != null) ? "\"os\": {\"name\": \"" + osName + "\"}," : "";
		Event event = event("{\"type\": \"page\", \"anonymousId\": \"a1\", \"context\": {" + device + os
				+ "\"library\": {\"name\": \"x\"}}}", null);

		assertThat(event.deviceType().wireName()).isEqualTo(expected);
	}

	@Test
	void takesABrowserForAnSdkThatSendsOnlyAUserAgent() {
		assertThat(event("{\"type\": \"page\", \"anonymousId\": \"a1\", \"context\": {\"userAgent\": \"Mozilla/5.0\"}}",
				null)
			.deviceType()).isEqualTo(DeviceType.BROWSER);
	}

	@ParameterizedTest
	@CsvSource(value = { "US,,US", "Germany,,DE", "united states,,US", ",en-GB,GB", ",pt_BR,BR", "Atlantis,fr-FR,FR",
			",en,", "Atlantis,," })
	void readsTheCountryFromTheLocationElseTheLocale(String country, String locale, String expected) {
		String location = (country != null) ? "\"location\": {\"country\": \"" + country + "\"}," : "";
		String loc = (locale != null) ? "\"locale\": \"" + locale + "\"," : "";
		Event event = event("{\"type\": \"page\", \"anonymousId\": \"a1\", \"context\": {" + location + loc
				+ "\"library\": {\"name\": \"x\"}}}", null);

		assertThat(event.country()).isEqualTo(expected);
	}

	@Test
	void givesAMessageWithoutAUsableMessageIdAStableEventId() {
		String message = "{\"type\": \"page\", \"anonymousId\": \"a1\", \"timestamp\": \"2025-01-31T20:15:00Z\"}";
		Event first = event(message, null);
		Event again = event(message, null);
		Event longId = event(
				"{\"type\": \"page\", \"anonymousId\": \"a1\", \"messageId\": \"" + "x/".repeat(40) + "\"}", null);

		assertThat(first.eventId()).isEqualTo(again.eventId()).startsWith("sm-");
		assertThat(longId.eventId()).startsWith("sm-").hasSizeLessThanOrEqualTo(64);
	}

	@Test
	void namesTheSegmentFieldsOfWhatIsMissing() {
		assertThat(problems("{\"type\": \"track\", \"anonymousId\": \"a1\"}", null))
			.containsExactly(tuple("event", "required for track: the name of the event"));
		assertThat(problems("{\"type\": \"track\", \"event\": \"x\"}", null))
			.containsExactly(tuple("anonymousId", "userId or anonymousId is required"));
		assertThat(problems("{\"anonymousId\": \"a1\"}", null)).extracting((problem) -> problem.toList().get(0))
			.containsExactly("type");
		assertThat(problems("{\"type\": \"merge\", \"anonymousId\": \"a1\"}", null))
			.extracting((problem) -> problem.toList().get(0))
			.containsExactly("type");
		assertThat(problems("{\"type\": \"page\", \"anonymousId\": \"a1\", \"timestamp\": \"yesterday\"}", null))
			.extracting((problem) -> problem.toList().get(0))
			.containsExactly("timestamp");
		assertThat(problems(
				"{\"type\": \"page\", \"anonymousId\": \"a1\", \"timestamp\": \"+999999999-12-31T23:59:59Z\"}", null))
			.extracting((problem) -> problem.toList().get(0))
			.containsExactly("timestamp");
		assertThat(problems("[1]", null)).containsExactly(tuple("", "each message must be a JSON object"));
	}

	@Test
	void reportsPlaybackProblemsUnderTheVideoSpecProperty() {
		EventBatch.Item item = SegmentMapper.map(0,
				json("{\"type\": \"track\", \"event\": \"Video Playback Paused\", \"anonymousId\": \"a1\","
						+ " \"properties\": {\"session_id\": \"s1\", \"position\": -3}}"),
				null, null, RECEIVED);
		ValidationResult result = this.validator.validate(item.json());

		assertThat(result.problems()).extracting((p) -> SegmentMapper.FIELD_NAMES.apply(p.field()))
			.containsExactlyInAnyOrder("properties.content_asset_id", "properties.position");
	}

	@Test
	void mapsGroupAndAliasCallsToCustomEventsRatherThanRefusingTheBatch() {
		assertThat(event("{\"type\": \"group\", \"userId\": \"u1\", \"groupId\": \"g1\"}", null).name())
			.isEqualTo("group");
		assertThat(event("{\"type\": \"alias\", \"userId\": \"u1\", \"previousId\": \"a1\"}", null).name())
			.isEqualTo("alias");
	}

	private Event event(String message, String impliedType) {
		return valid(SegmentMapper.map(0, json(message), impliedType, null, RECEIVED));
	}

	private Event valid(EventBatch.Item item) {
		assertThat(item.problems()).isEmpty();
		ValidationResult result = this.validator.validate(item.json());
		assertThat(result.problems()).isEmpty();
		return result.event();
	}

	private List<org.assertj.core.groups.Tuple> problems(String message, String impliedType) {
		JsonNode node = json(message);
		JsonNode first = node.isArray() ? node.get(0) : node;
		return SegmentMapper.map(0, first, impliedType, null, RECEIVED)
			.problems()
			.stream()
			.map((Problem problem) -> tuple(problem.field(), problem.message()))
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
