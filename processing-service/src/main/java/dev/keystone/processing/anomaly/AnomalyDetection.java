package dev.keystone.processing.anomaly;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.processing.system.StateStores;
import dev.keystone.processing.windowing.ClosedWindow;
import dev.keystone.processing.windowing.Closing;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * Closed one-minute scope windows in, {@link dev.keystone.events.Anomaly anomalies} keyed
 * {@code metric:scope} out. Scopes are {@code title:<id>}, {@code country:<cc>} and
 * {@code deviceClass:<class>}. A known scope without a window in a closed minute had no
 * viewers in it.
 */
public final class AnomalyDetection {

	private final Judge judge;

	public AnomalyDetection(AnomalyThresholds thresholds, StateStores stores, ObjectMapper mapper, Clock clock,
			MeterRegistry registry) {
		this.judge = new Judge(new Detector(thresholds, clock), mapper, registry, stores);
	}

	public KStream<String, String> apply(KStream<String, Closing> closings) {
		return closings
			.filter((scope, closing) -> !(closing instanceof ClosedWindow window)
					|| window.series() == ScopeSeries.ONE_MINUTE, Named.as("anomaly-windows"))
			.process(this.judge, Named.as("anomaly-judge"));
	}

}
