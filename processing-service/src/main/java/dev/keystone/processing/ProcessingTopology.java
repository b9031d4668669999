package dev.keystone.processing;

import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.EventJson;
import dev.keystone.processing.anomaly.AnomalyDetection;
import dev.keystone.processing.cleansing.Cleansing;
import dev.keystone.processing.enrichment.Enrichment;
import dev.keystone.processing.viewers.ViewerCounts;
import dev.keystone.processing.windowing.Windowing;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * The {@code process} function: {@code events.raw} and the catalog in;
 * {@code events.enriched}, {@code events.rejected}, {@code viewers.counts} and
 * {@code anomalies} out (out-0 to out-3). One application, so an event is parsed once and
 * its windows are summed where it is read.
 */
final class ProcessingTopology
		implements BiFunction<KStream<String, String>, GlobalKTable<String, String>, KStream<String, String>[]> {

	private final Cleansing cleansing;

	private final Windowing windowing;

	private final Enrichment enrichment;

	private final ViewerCounts viewerCounts;

	private final AnomalyDetection anomalyDetection;

	private final ObjectMapper mapper;

	ProcessingTopology(Cleansing cleansing, Windowing windowing, Enrichment enrichment, ViewerCounts viewerCounts,
			AnomalyDetection anomalyDetection, ObjectMapper mapper) {
		this.cleansing = cleansing;
		this.windowing = windowing;
		this.enrichment = enrichment;
		this.viewerCounts = viewerCounts;
		this.anomalyDetection = anomalyDetection;
		this.mapper = mapper;
	}

	@Override
	@SuppressWarnings("unchecked")
	public KStream<String, String>[] apply(KStream<String, String> raw, GlobalKTable<String, String> titles) {
		Cleansing.Cleansed cleansed = this.cleansing.apply(raw);
		Windowing.Clocked clocked = this.windowing.apply(cleansed.events());
		KStream<String, String> rejected = cleansed.rejections()
			.mapValues((rejection) -> EventJson.write(this.mapper, rejection), Named.as("rejections-json"));
		return new KStream[] { this.enrichment.enrich(clocked.arrivals(), titles), rejected,
				this.viewerCounts.apply(clocked.closed()), this.anomalyDetection.apply(clocked.closings()) };
	}

}
