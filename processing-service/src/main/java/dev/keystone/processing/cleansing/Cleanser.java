package dev.keystone.processing.cleansing;

import dev.keystone.processing.system.StageCounters;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Applies {@link EventCheck} to each raw record and counts its rejections; what passes is
 * counted further on, once the windows have judged it on time.
 */
final class Cleanser implements ProcessorSupplier<String, String, String, Checked> {

	private final EventCheck check;

	private final StageCounters counters;

	Cleanser(EventCheck check, StageCounters counters) {
		this.check = check;
		this.counters = counters;
	}

	@Override
	public Processor<String, String, String, Checked> get() {
		return new Processor<>() {

			private ProcessorContext<String, Checked> context;

			@Override
			public void init(ProcessorContext<String, Checked> context) {
				this.context = context;
			}

			@Override
			public void process(Record<String, String> record) {
				Checked checked = Cleanser.this.check.check(record.value(), record.timestamp());
				if (checked instanceof Checked.Rejected rejected) {
					Cleanser.this.counters.rejected(rejected.rejection().reason());
				}
				this.context.forward(record.withValue(checked));
			}

		};
	}

}
