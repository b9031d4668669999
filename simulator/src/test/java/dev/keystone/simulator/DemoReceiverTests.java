package dev.keystone.simulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoReceiverTests {

	@Test
	void printsANotificationAndEachOfItsAlertsOnALineOfItsOwn() throws Exception {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		DemoReceiver receiver = new DemoReceiver(new PrintStream(printed, true, StandardCharsets.UTF_8));

		receiver.print("n-1", """
				{"notificationId": "n-1", "groupKey": "metric=error_rate", "transition": "firing",
				 "summary": "error rate 44% of sessions vs 8.0% expected for title Dark", "alerts": [
				  {"alertId": "al-1", "state": "firing", "severity": "high",
				   "summary": "error rate 44% of sessions vs 8.0% expected for title Dark"}]}
				""");

		String[] lines = printed.toString(StandardCharsets.UTF_8).split("\n");
		assertThat(lines).hasSize(2);
		assertThat(lines[0]).contains("NOTIFICATION FIRING metric=error_rate", "(1 alert, id n-1)");
		assertThat(lines[1]).contains("firing", "high", "for title Dark", "[al-1]");
	}

}
