package dev.keystone.routing.replay;

import java.time.Clock;
import java.util.Map;

import dev.keystone.routing.archive.ArchiveScan;
import dev.keystone.routing.search.SearchReindex;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReplayConfiguration {

	@Bean(destroyMethod = "close")
	Replays replays(ArchiveScan archive, SearchReindex reindex, StreamBridge bridge, ReplaySettings settings,
			Clock clock, MeterRegistry registry) {
		return new Replays(archive, Map.of("search", new SearchTarget(reindex), "topic", new TopicTarget(bridge)),
				settings, clock, registry);
	}

}
