package dev.keystone.ingest.segment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.EventJson;
import dev.keystone.events.EventValidator;
import dev.keystone.events.ValidationResult;
import org.junit.jupiter.api.Test;

class SegmentCostProbe {

	static final String[] SPEC = { "Video Content Playing", "Video Playback Started", "Video Playback Paused" };

	Random random = new Random(1);

	long seq;

	String nativeEvent() {
		long n = seq++;
		int device = random.nextInt(50_000);
		return "{\"eventId\":\"r" + n + "\",\"type\":\"heartbeat\",\"timestamp\":\"" + Instant.now()
				+ "\",\"deviceId\":\"tv-" + device + "\",\"deviceType\":\"tv\",\"profileId\":\"p-" + device
				+ "\",\"sessionId\":\"s-" + device + "\",\"titleId\":\"title-" + random.nextInt(1000)
				+ "\",\"positionMs\":" + random.nextInt(7_200_000)
				+ ",\"country\":\"US\",\"appVersion\":\"7.4.1\",\"properties\":{\"cdn\":\"edge-1\"}}";
	}

	String segment() {
		long n = seq++;
		int device = random.nextInt(50_000);
		return "{\"type\":\"track\",\"event\":\"" + SPEC[random.nextInt(SPEC.length)] + "\",\"messageId\":\"node-next-"
				+ n + "\",\"userId\":\"p-" + device + "\",\"anonymousId\":\"a-" + device + "\",\"timestamp\":\""
				+ Instant.now() + "\",\"properties\":{\"session_id\":\"s-" + device + "\",\"content_asset_id\":\"title-"
				+ random.nextInt(1000) + "\",\"position\":" + random.nextInt(7200)
				+ ",\"cdn\":\"edge-1\"},\"context\":{\"library\":{\"name\":\"@segment/analytics-node\",\"version\":\"3.1.0\"},"
				+ "\"device\":{\"id\":\"dev-" + device
				+ "\"},\"os\":{\"name\":\"iOS\"},\"app\":{\"version\":\"7.4.1\"},\"locale\":\"en-US\"},\"integrations\":{},\"_metadata\":{\"jsRuntime\":\"node\"}}";
	}

	@Test
	void probe() throws Exception {
		ObjectMapper mapper = EventJson.newMapper();
		EventValidator validator = EventValidator.forDevices(mapper);
		byte[][] nat = new byte[200][];
		byte[][] seg = new byte[200][];
		for (int b = 0; b < 200; b++) {
			StringBuilder a = new StringBuilder("[");
			StringBuilder s = new StringBuilder("{\"batch\":[");
			for (int i = 0; i < 100; i++) {
				a.append(i > 0 ? "," : "").append(nativeEvent());
				s.append(i > 0 ? "," : "").append(segment());
			}
			nat[b] = a.append("]").toString().getBytes(StandardCharsets.UTF_8);
			seg[b] = s.append("],\"sentAt\":\"" + Instant.now() + "\"}").toString().getBytes(StandardCharsets.UTF_8);
		}
		for (int round = 0; round < 6; round++) {
			long t0 = System.nanoTime();
			long sink = 0;
			for (int r = 0; r < 10; r++) {
				for (byte[] body : nat) {
					JsonNode root = mapper.readTree(body);
					for (JsonNode e : root) {
						ValidationResult v = validator.validate(e);
						sink += mapper.writeValueAsBytes(v.event()).length;
					}
				}
			}
			long t1 = System.nanoTime();
			long parse = 0, size = 0, map = 0, validate = 0, write = 0;
			for (int r = 0; r < 10; r++) {
				for (byte[] body : seg) {
					long a = System.nanoTime();
					SegmentBatch sb = new SegmentBatchReader(mapper).read(body);
					parse += System.nanoTime() - a;
					Instant sentAt = sb.sentAt();
					Instant now = Instant.now();
					for (int i = 0; i < sb.messages().size(); i++) {
						JsonNode m = sb.messages().get(i).json();
						long b = System.nanoTime();
						sink += sb.messages().get(i).bytes();
						long c = System.nanoTime();
						JsonNode e = SegmentMapper.map(i, m, null, sentAt, now).json();
						long d = System.nanoTime();
						ValidationResult v = validator.validate(e);
						long f = System.nanoTime();
						sink += mapper.writeValueAsBytes(v.event()).length;
						long g = System.nanoTime();
						size += c - b;
						map += d - c;
						validate += f - d;
						write += g - f;
					}
				}
			}
			System.out.printf("parse %.2f size %.2f map %.2f validate %.2f write %.2f%n", parse / 200_000.0 / 1000,
					size / 200_000.0 / 1000, map / 200_000.0 / 1000, validate / 200_000.0 / 1000,
					write / 200_000.0 / 1000);
			long t2 = System.nanoTime();
			System.out.printf("native %.2f us/event, segment %.2f us/event (%d)%n",
					(t1 - t0) / 200_000.0 / 1000 * 1000 / 1000, (t2 - t1) / 200_000.0 / 1000, sink);
		}
	}

}
