package dev.keystone.ingest.events;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.Event;
import dev.keystone.events.EventJson;
import dev.keystone.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Writes events to {@code events.raw} and reports, per event, whether Kafka acknowledged
 * it. An event counts as written only when all in-sync replicas hold it
 * ({@code acks=all}); whatever has not been acknowledged by the deadline is reported
 * failed, never accepted.
 */
class EventPublisher {

	private final KafkaTemplate<String, byte[]> kafka;

	private final ObjectMapper mapper;

	private final InFlightBytes inFlight;

	private final IngestLimits limits;

	private final Timer sendLatency;

	EventPublisher(KafkaTemplate<String, byte[]> kafka, ObjectMapper mapper, InFlightBytes inFlight,
			IngestLimits limits, MeterRegistry registry) {
		this.kafka = kafka;
		this.mapper = mapper;
		this.inFlight = inFlight;
		this.limits = limits;
		this.sendLatency = Timer.builder("keystone.ingest.send")
			.description("Time from handing an event to Kafka until all in-sync replicas acknowledged it")
			.publishPercentileHistogram()
			.register(registry);
	}

	/** One flag per event, in order: true when Kafka acknowledged it. */
	List<Boolean> publish(List<Event> events) {
		List<byte[]> values = new ArrayList<>(events.size());
		long bytes = 0;
		for (Event event : events) {
			byte[] value = EventJson.writeBytes(this.mapper, event);
			values.add(value);
			bytes += value.length;
		}
		int reserved = this.inFlight.tryReserve(bytes);
		if (reserved < 0) {
			throw IngestRejection.overloaded(this.limits.retryAfter());
		}
		List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(events.size());
		try {
			for (int i = 0; i < events.size(); i++) {
				CompletableFuture<SendResult<String, byte[]>> send = send(events.get(i), values.get(i));
				sends.add(send);
				if (unreachable(send)) {
					break;
				}
			}
			return outcomes(sends, events.size());
		}
		finally {
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
				.whenComplete((done, error) -> this.inFlight.release(reserved));
		}
	}

	private CompletableFuture<SendResult<String, byte[]>> send(Event event, byte[] value) {
		long started = System.nanoTime();
		CompletableFuture<SendResult<String, byte[]>> send;
		try {
			send = this.kafka.send(Topics.EVENTS_RAW, event.deviceId(), value);
		}
		catch (RuntimeException ex) {
			send = CompletableFuture.failedFuture(ex);
		}
		return send.whenComplete((result, error) -> {
			if (error == null) {
				this.sendLatency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
			}
		});
	}

	/**
	 * A send that failed before it returned could not even learn where the partition
	 * lives: the broker is out of reach, and every further send of this request would
	 * wait just as long.
	 */
	private static boolean unreachable(CompletableFuture<?> send) {
		return send.isCompletedExceptionally();
	}

	private List<Boolean> outcomes(List<CompletableFuture<SendResult<String, byte[]>>> sends, int total) {
		long deadline = System.nanoTime() + this.limits.sendTimeout().toNanos();
		List<Boolean> acknowledged = new ArrayList<>(total);
		for (CompletableFuture<SendResult<String, byte[]>> send : sends) {
			acknowledged.add(awaitAck(send, deadline));
		}
		while (acknowledged.size() < total) {
			acknowledged.add(false);
		}
		return acknowledged;
	}

	private static boolean awaitAck(CompletableFuture<?> send, long deadline) {
		try {
			send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			return true;
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
