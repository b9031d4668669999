package dev.keystone.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The kind of device an event comes from, as the device reports it.
 */
public enum DeviceType {

	TV(DeviceClass.TV), PHONE(DeviceClass.MOBILE), TABLET(DeviceClass.MOBILE), BROWSER(DeviceClass.WEB),
	CONSOLE(DeviceClass.CONSOLE), SET_TOP_BOX(DeviceClass.TV), OTHER(DeviceClass.OTHER);

	private final DeviceClass deviceClass;

	DeviceType(DeviceClass deviceClass) {
		this.deviceClass = deviceClass;
	}

	public DeviceClass deviceClass() {
		return this.deviceClass;
	}

	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<DeviceType> fromWire(String value) {
		String normalized = value.trim().toUpperCase(Locale.ROOT);
		return Arrays.stream(values()).filter((type) -> type.name().equals(normalized)).findFirst();
	}

}
