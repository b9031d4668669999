package dev.keystone.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conventions every dashboard keeps, so that one imported into any Grafana selects
 * its data source, namespace, job and instance, and rates follow the scrape interval.
 */
class DashboardsTests {

	private static final Pattern RANGE = Pattern.compile("\\}\\[([^\\]]+)\\]");

	@Test
	void offerTheDataSourceNamespaceJobAndInstanceVariables() {
		assertThat(Dashboards.all()).hasSize(4).allSatisfy((dashboard) -> {
			List<String> variables = new ArrayList<>();
			dashboard.path("templating").path("list").forEach((v) -> variables.add(v.path("name").asText()));
			assertThat(variables).as(dashboard.path("title").asText())
				.containsExactly("datasource", "namespace", "job", "instance");
		});
	}

	@Test
	void haveUniqueIdsAndPanelTitles() {
		List<String> uids = new ArrayList<>();
		for (JsonNode dashboard : Dashboards.all()) {
			uids.add(dashboard.path("uid").asText());
			List<String> titles = Dashboards.panels(dashboard).stream().map((p) -> p.path("title").asText()).toList();
			assertThat(titles).as(dashboard.path("title").asText()).doesNotHaveDuplicates().doesNotContain("");
		}
		assertThat(uids).doesNotHaveDuplicates().allSatisfy((uid) -> assertThat(uid).startsWith("keystone-"));
	}

	@Test
	void queryTheChosenDataSourceJobAndInstanceAtTheRateInterval() {
		for (JsonNode dashboard : Dashboards.all()) {
			for (JsonNode panel : Dashboards.panels(dashboard)) {
				assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText())
					.isEqualTo("${datasource}");
				assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
			}
		}
		assertThat(Dashboards.queries()).allSatisfy((query) -> {
			assertThat(query.expr()).as(query.name())
				.contains("namespace=~\"$namespace\"", "job=~\"$job\"", "instance=~\"$instance\"");
			Matcher ranges = RANGE.matcher(query.expr());
			while (ranges.find()) {
				assertThat(ranges.group(1)).as(query.name()).isEqualTo("$__rate_interval");
			}
		});
	}

	@Test
	void listOnlyExistingPanelsAsMayBeEmpty() {
		List<String> panels = Dashboards.queries().stream().map(PanelQuery::name).toList();
		assertThat(Dashboards.mayBeEmpty()).allSatisfy((name) -> assertThat(panels).contains(name));
	}

}
