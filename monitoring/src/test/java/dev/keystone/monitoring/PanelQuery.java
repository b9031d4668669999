package dev.keystone.monitoring;

import java.util.Map;

/**
 * One query of one panel, as Grafana would send it once the template variables are
 * substituted.
 *
 * @param dashboard the dashboard's title
 * @param panel the panel's title
 * @param refId the query's id within the panel
 * @param expr the PromQL as written in the dashboard
 */
record PanelQuery(String dashboard, String panel, String refId, String expr) {

	/**
	 * Every variable at its "All" value and {@code $__rate_interval} at a window holding
	 * several scrapes, as Grafana computes it from the scrape interval.
	 */
	String substituted(String rateInterval) {
		String result = this.expr.replace("$__rate_interval", rateInterval);
		for (Map.Entry<String, String> variable : Map.of("namespace", ".*", "job", ".*", "instance", ".*").entrySet()) {
			result = result.replace("$" + variable.getKey(), variable.getValue());
		}
		return result;
	}

	String name() {
		return this.dashboard + " / " + this.panel;
	}

}
