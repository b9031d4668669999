package dev.keystone.alert.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.alert.delivery.ReceiverSettings.Receiver;
import dev.keystone.events.Alert;
import dev.keystone.events.EventJson;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the notifications topic to one receiver, in a consumer group of that receiver
 * alone, so a receiver that is down holds back nobody else.
 * <p>
 * A notification's log entries and the consumer's position are committed in one Kafka
 * transaction after the receiver took it: a restart or another replica resumes after the
 * last notification delivered, and a replica that lost its partitions is fenced. Only a
 * stop between the receiver's answer and that commit sends a notification again, with the
 * same id. A failing receiver's partition is paused and retried with backoff while the
 * other partitions go on.
 */
final class DeliveryWorker implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	private final Receiver receiver;

	private final Consumer<String, String> consumer;

	private final Producer<String, String> producer;

	private final String topic;

	private final String logTopic;

	private final Payloads payloads;

	private final ReceiverClient client;

	private final DeliveryMetrics metrics;

	private final ReceiverSettings.Delivery settings;

	private final ObjectMapper mapper;

	private final Clock clock;

	private final Instant startedAt;

	private final Map<TopicPartition, Retry> retries = new HashMap<>();

	private volatile boolean running = true;

	DeliveryWorker(Receiver receiver, Consumer<String, String> consumer, Producer<String, String> producer,
			String topic, String logTopic, Payloads payloads, ReceiverClient client, DeliveryMetrics metrics,
			ReceiverSettings.Delivery settings, ObjectMapper mapper, Clock clock) {
		this.receiver = receiver;
		this.consumer = consumer;
		this.producer = producer;
		this.topic = topic;
		this.logTopic = logTopic;
		this.payloads = payloads;
		this.client = client;
		this.metrics = metrics;
		this.settings = settings;
		this.mapper = mapper;
		this.clock = clock;
		this.startedAt = clock.instant();
	}

	/** A notification a receiver failed to take, waiting for its next try. */
	private record Retry(long offset, int attempts, Instant firstTry, Instant next) {

	}

	private sealed interface Step {

	}

	private record Done(List<NotificationLogEntry> entries) implements Step {

	}

	private record Wait() implements Step {

	}

	void stop() {
		this.running = false;
		this.consumer.wakeup();
	}

	@Override
	public void run() {
		try {
			this.producer.initTransactions();
			this.consumer.subscribe(List.of(this.topic), new Positions());
			log.info("delivery started receiver={} type={} url={}", this.receiver.name(),
					this.receiver.type().channel(), this.receiver.url());
			while (this.running) {
				resumeDue();
				deliver(this.consumer.poll(Duration.ofMillis(200)));
			}
		}
		catch (WakeupException ex) {
			if (this.running) {
				throw ex;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.error("delivery to receiver={} stopped: {}", this.receiver.name(), ex.toString(), ex);
		}
		finally {
			this.consumer.close(Duration.ofSeconds(5));
			this.producer.close(Duration.ofSeconds(5));
			log.info("delivery stopped receiver={}", this.receiver.name());
		}
	}

	private void deliver(ConsumerRecords<String, String> records) throws InterruptedException {
		if (records.isEmpty()) {
			return;
		}
		List<NotificationLogEntry> entries = new ArrayList<>();
		Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
		for (TopicPartition partition : records.partitions()) {
			for (ConsumerRecord<String, String> record : records.records(partition)) {
				Step step = handle(partition, record);
				if (step instanceof Done finished) {
					entries.addAll(finished.entries());
					done.put(partition, new OffsetAndMetadata(record.offset() + 1));
				}
				else {
					this.consumer.seek(partition, record.offset());
					this.consumer.pause(List.of(partition));
					break;
				}
			}
		}
		if (!done.isEmpty()) {
			commit(entries, done);
		}
	}

	private Step handle(TopicPartition partition, ConsumerRecord<String, String> record) throws InterruptedException {
		Notification notification;
		try {
			notification = this.mapper.readValue(record.value(), Notification.class);
		}
		catch (JsonProcessingException ex) {
			log.error("skipping unreadable notification at {}@{}: {}", partition, record.offset(), ex.getMessage());
			return new Done(List.of());
		}
		if (!notification.receivers().contains(this.receiver.name())) {
			return new Done(List.of());
		}
		List<Alert> alerts = notification.alerts()
			.stream()
			.filter((alert) -> alert.severity().compareTo(this.receiver.minSeverity()) >= 0)
			.toList();
		if (alerts.isEmpty()) {
			return new Done(List.of());
		}
		Instant now = this.clock.instant();
		Retry retry = this.retries.get(partition);
		if (retry == null || retry.offset() != record.offset()) {
			retry = new Retry(record.offset(), 0, now, now);
		}
		ReceiverClient.Outcome outcome = ReceiverClient.Outcome.DELIVERED;
		for (String body : this.payloads.bodies(this.receiver, notification, alerts)) {
			outcome = this.client.post(this.receiver, notification.notificationId(), body);
			if (outcome != ReceiverClient.Outcome.DELIVERED) {
				break;
			}
		}
		int attempts = retry.attempts() + 1;
		Instant ended = this.clock.instant();
		if (outcome == ReceiverClient.Outcome.RETRY
				&& Duration.between(retry.firstTry(), ended).compareTo(this.settings.giveUpAfter()) < 0) {
			this.metrics.count(this.receiver.type(), "retried");
			Instant next = ended.plus(backoff(attempts));
			this.retries.put(partition, new Retry(record.offset(), attempts, retry.firstTry(), next));
			if (attempts == 1 || attempts % 10 == 0) {
				log.warn("receiver={} did not take notification={} (try {}), retrying at {}", this.receiver.name(),
						notification.notificationId(), attempts, next);
			}
			return new Wait();
		}
		this.retries.remove(partition);
		String result = (outcome == ReceiverClient.Outcome.DELIVERED) ? "delivered" : "failed";
		this.metrics.count(this.receiver.type(), result);
		if (outcome == ReceiverClient.Outcome.DELIVERED) {
			this.metrics.delivered(Duration.between(notification.detectedAt(), ended));
		}
		else {
			log.error("receiver={} notification={} failed after {} tries", this.receiver.name(),
					notification.notificationId(), attempts);
		}
		List<NotificationLogEntry> entries = new ArrayList<>();
		for (Alert alert : alerts) {
			entries.add(new NotificationLogEntry(alert.alertId(), notification.notificationId(), this.receiver.name(),
					alert.transition(), result, attempts, ended));
		}
		return new Done(entries);
	}

	private Duration backoff(int attempts) {
		Duration wait = this.settings.initialBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
		return (wait.compareTo(this.settings.maxBackoff()) > 0) ? this.settings.maxBackoff() : wait;
	}

	private void resumeDue() {
		Instant now = this.clock.instant();
		Set<TopicPartition> due = new HashSet<>();
		this.retries.forEach((partition, retry) -> {
			if (!retry.next().isAfter(now)) {
				due.add(partition);
			}
		});
		due.retainAll(this.consumer.paused());
		if (!due.isEmpty()) {
			this.consumer.resume(due);
		}
	}

	private void commit(List<NotificationLogEntry> entries, Map<TopicPartition, OffsetAndMetadata> offsets) {
		try {
			this.producer.beginTransaction();
			for (NotificationLogEntry entry : entries) {
				this.producer
					.send(new ProducerRecord<>(this.logTopic, entry.key(), EventJson.write(this.mapper, entry)));
			}
			this.producer.sendOffsetsToTransaction(offsets, this.consumer.groupMetadata());
			this.producer.commitTransaction();
		}
		catch (KafkaException ex) {
			// Fenced (the partitions moved to another replica) or the broker is away:
			// what was sent is sent again from the last commit, with the same ids.
			log.warn("receiver={} could not record {} deliveries, they will be retried: {}", this.receiver.name(),
					entries.size(), ex.toString());
			throw ex;
		}
	}

	/**
	 * Starts a receiver seen for the first time just before the service started, not at
	 * the topic's beginning (which would replay days of notifications) nor its end (which
	 * could skip ones decided while it was starting); the position is committed at once
	 * so a restart resumes there.
	 */
	private final class Positions implements ConsumerRebalanceListener {

		@Override
		public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
			partitions.forEach(DeliveryWorker.this.retries::remove);
		}

		@Override
		public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
			Consumer<String, String> consumer = DeliveryWorker.this.consumer;
			consumer.resume(partitions);
			Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
			Map<TopicPartition, Long> fresh = new HashMap<>();
			long from = DeliveryWorker.this.startedAt.minus(DeliveryWorker.this.settings.startBack()).toEpochMilli();
			for (TopicPartition partition : partitions) {
				if (committed.get(partition) == null) {
					fresh.put(partition, from);
				}
			}
			if (fresh.isEmpty()) {
				return;
			}
			Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(fresh);
			Map<TopicPartition, Long> ends = consumer.endOffsets(fresh.keySet());
			Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
			for (TopicPartition partition : fresh.keySet()) {
				OffsetAndTimestamp at = found.get(partition);
				long offset = (at != null) ? at.offset() : ends.get(partition);
				consumer.seek(partition, offset);
				start.put(partition, new OffsetAndMetadata(offset));
			}
			consumer.commitSync(start);
		}

	}

}
