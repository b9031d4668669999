package dev.keystone.routing.viewers;

import java.time.Instant;

import dev.keystone.events.ViewerCount;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ViewerGaugesTests {

	private static final Instant T0 = Instant.parse("2025-01-31T20:00:00Z");

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final ViewerGauges gauges = new ViewerGauges(this.registry);

	@Test
	void showsZeroForEveryWindowBeforeTheFirstCount() {
		assertThat(gauge("keystone.viewers", "10s")).isZero();
		assertThat(gauge("keystone.viewers.top.title", "1m")).isZero();
		assertThat(gauge("keystone.viewers.titles", "1m")).isZero();
	}

	@Test
	void showsTheNewestWindowOnly() {
		this.gauges.record(count("t1", T0, 7));
		this.gauges.record(count(ViewerCount.ALL_TITLES, T0, 9));
		this.gauges.record(count("t1", T0.plusSeconds(10), 4));
		this.gauges.record(count("t2", T0.plusSeconds(10), 5));
		this.gauges.record(count("t2", T0.plusSeconds(10), 6));
		this.gauges.record(count(ViewerCount.ALL_TITLES, T0.plusSeconds(10), 10));
		this.gauges.record(count("t3", T0, 50));

		assertThat(gauge("keystone.viewers", "10s")).isEqualTo(10);
		assertThat(gauge("keystone.viewers.top.title", "10s")).isEqualTo(6);
		assertThat(gauge("keystone.viewers.titles", "10s")).isEqualTo(2);
		assertThat(gauge("keystone.viewers", "1m")).isZero();
	}

	private double gauge(String name, String window) {
		return this.registry.get(name).tag("window", window).gauge().value();
	}

	private static ViewerCount count(String title, Instant start, long viewers) {
		return new ViewerCount(title, "10s", start, start.plusSeconds(10), viewers, viewers * 3);
	}

}
