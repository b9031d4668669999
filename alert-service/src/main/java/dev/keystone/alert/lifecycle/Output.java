package dev.keystone.alert.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.alert.delivery.Notification;
import dev.keystone.events.Alert;
import dev.keystone.events.EventJson;

/**
 * A record the lifecycle writes, and to which of its three outputs.
 *
 * @param target where it goes
 * @param json the record's value
 */
record Output(Target target, String json) {

	enum Target {

		ALERTS, STATE, NOTIFICATIONS

	}

	static Output alert(Alert alert, ObjectMapper mapper) {
		return new Output(Target.ALERTS, EventJson.write(mapper, alert));
	}

	static Output state(AlertRecord record, ObjectMapper mapper) {
		return new Output(Target.STATE, EventJson.write(mapper, record));
	}

	static Output notification(Notification notification, ObjectMapper mapper) {
		return new Output(Target.NOTIFICATIONS, EventJson.write(mapper, notification));
	}

}
