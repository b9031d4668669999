package dev.keystone.routing.archive;

import java.util.Collection;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;

/**
 * Hands the archive binding's rebalances to the sink: it positions new partitions at the
 * table's offsets and commits, or drops, what it holds of partitions it gives up.
 */
class ArchiveRebalance implements KafkaBindingRebalanceListener {

	static final String BINDING = "archiveEvents-in-0";

	private final ArchiveSink sink;

	ArchiveRebalance(ArchiveSink sink) {
		this.sink = sink;
	}

	@Override
	public void onPartitionsAssigned(String bindingName, Consumer<?, ?> consumer, Collection<TopicPartition> partitions,
			boolean initial) {
		if (BINDING.equals(bindingName)) {
			this.sink.assigned(consumer, partitions);
		}
	}

	@Override
	public void onPartitionsRevokedBeforeCommit(String bindingName, Consumer<?, ?> consumer,
			Collection<TopicPartition> partitions) {
		if (BINDING.equals(bindingName)) {
			this.sink.revoked(partitions);
		}
	}

}
