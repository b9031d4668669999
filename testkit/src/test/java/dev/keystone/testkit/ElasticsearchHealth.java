package dev.keystone.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the cluster status the way an operator would, over plain HTTP.
 */
final class ElasticsearchHealth {

	private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");

	private ElasticsearchHealth() {
	}

	static String status(KeystoneStack stack, Duration timeout) throws InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(stack.elasticsearchUri() + "/_cluster/health"))
			.timeout(timeout)
			.build();
		try {
			String body = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
			Matcher matcher = STATUS.matcher(body);
			return matcher.find() ? matcher.group(1) : "unknown";
		}
		catch (IOException ex) {
			return "unreachable";
		}
	}

}
