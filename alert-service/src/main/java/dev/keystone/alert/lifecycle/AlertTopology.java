package dev.keystone.alert.lifecycle;

import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The {@code alerts} function: anomalies and people's actions in (one stream over
 * {@code anomalies} and the inbox), with the rules, silences and catalog as global
 * tables; {@code alerts}, the alert state and the notifications out (out-0 to out-2).
 * <p>
 * Everything of one metric goes to one task, so that its alerts can be gathered into one
 * notification and no two replicas ever decide for the same alert.
 */
final class AlertTopology implements
		Function<KStream<String, String>, Function<GlobalKTable<String, String>, Function<GlobalKTable<String, String>, Function<GlobalKTable<String, String>, KStream<String, String>[]>>>> {

	private final Lifecycle lifecycle;

	private final int partitions;

	private final ObjectMapper mapper;

	AlertTopology(Lifecycle lifecycle, int partitions, ObjectMapper mapper) {
		this.lifecycle = lifecycle;
		this.partitions = partitions;
		this.mapper = mapper;
	}

	@Override
	public Function<GlobalKTable<String, String>, Function<GlobalKTable<String, String>, Function<GlobalKTable<String, String>, KStream<String, String>[]>>> apply(
			KStream<String, String> inbox) {
		return (rules) -> (silences) -> (titles) -> outputs(inbox);
	}

	@SuppressWarnings("unchecked")
	private KStream<String, String>[] outputs(KStream<String, String> inbox) {
		Map<String, KStream<String, Output>> branches = inbox
			.selectKey((key, value) -> metricOf(value), Named.as("key-by-metric"))
			.repartition(Repartitioned.<String, String>as("by-metric")
				.withKeySerde(Serdes.String())
				.withValueSerde(Serdes.String())
				.withNumberOfPartitions(this.partitions))
			.process(this.lifecycle, Named.as("lifecycle"))
			.split(Named.as("to-"))
			.branch((key, output) -> output.target() == Output.Target.ALERTS, Branched.as("alerts"))
			.branch((key, output) -> output.target() == Output.Target.STATE, Branched.as("state"))
			.defaultBranch(Branched.as("notifications"));
		return new KStream[] { json(branches.get("to-alerts"), "alerts-json"),
				json(branches.get("to-state"), "state-json"),
				json(branches.get("to-notifications"), "notifications-json") };
	}

	private static KStream<String, String> json(KStream<String, Output> outputs, String name) {
		return outputs.mapValues(Output::json, Named.as(name));
	}

	/**
	 * Anomalies and actions both carry their metric; anything else goes to one place to
	 * be logged and skipped.
	 */
	private String metricOf(String value) {
		try {
			JsonNode metric = this.mapper.readTree(value).get("metric");
			return (metric != null && metric.isTextual()) ? metric.asText() : "";
		}
		catch (Exception ex) {
			return "";
		}
	}

}
