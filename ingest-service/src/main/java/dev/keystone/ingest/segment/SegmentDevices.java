package dev.keystone.ingest.segment;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.keystone.events.DeviceType;

/**
 * Reads Keystone's device type and country out of the {@code context} that SDKs fill in
 * on their own. What cannot be recognised is left out rather than failing the event: a
 * client controls its events, not every value its SDK collects.
 */
final class SegmentDevices {

	private static final Map<String, DeviceType> DEVICE_TYPES = Map.ofEntries(Map.entry("mobile", DeviceType.PHONE),
			Map.entry("ios", DeviceType.PHONE), Map.entry("android", DeviceType.PHONE),
			Map.entry("iphone", DeviceType.PHONE), Map.entry("ipad", DeviceType.TABLET),
			Map.entry("ipados", DeviceType.TABLET), Map.entry("web", DeviceType.BROWSER),
			Map.entry("tvos", DeviceType.TV), Map.entry("android tv", DeviceType.TV),
			Map.entry("androidtv", DeviceType.TV), Map.entry("roku", DeviceType.TV),
			Map.entry("roku os", DeviceType.TV), Map.entry("fire tv", DeviceType.TV),
			Map.entry("firetv", DeviceType.TV), Map.entry("tizen", DeviceType.TV), Map.entry("webos", DeviceType.TV),
			Map.entry("smarttv", DeviceType.TV), Map.entry("playstation", DeviceType.CONSOLE),
			Map.entry("xbox", DeviceType.CONSOLE), Map.entry("nintendo", DeviceType.CONSOLE),
			Map.entry("stb", DeviceType.SET_TOP_BOX), Map.entry("set-top box", DeviceType.SET_TOP_BOX));

	private static final Set<String> COUNTRY_CODES = Set.of(Locale.getISOCountries());

	private static final Map<String, String> COUNTRY_NAMES = countryNames();

	private static final int MAX_CACHED_LOCALES = 1_000;

	private static final String NO_REGION = "";

	private static final Map<String, String> REGIONS = new ConcurrentHashMap<>();

	private SegmentDevices() {
	}

	/**
	 * {@code context.device.type} first (Keystone's own names or the platform names SDKs
	 * report), then {@code context.os.name}; a browser SDK reports only a user agent.
	 */
	static DeviceType deviceType(String deviceType, String osName, boolean hasUserAgent) {
		DeviceType found = known(deviceType);
		if (found == null) {
			found = known(osName);
		}
		if (found == null && hasUserAgent) {
			found = DeviceType.BROWSER;
		}
		return (found != null) ? found : DeviceType.OTHER;
	}

	private static DeviceType known(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String normalized = value.trim().toLowerCase(Locale.ROOT);
		return DeviceType.fromWire(normalized).orElseGet(() -> DEVICE_TYPES.get(normalized));
	}

	/**
	 * {@code context.location.country}, as a code or an English name, else the region of
	 * {@code context.locale} ({@code en-US}, {@code pt_BR}).
	 */
	static String country(String locationCountry, String locale) {
		if (locationCountry != null && !locationCountry.isBlank()) {
			String value = locationCountry.trim();
			String upper = value.toUpperCase(Locale.ROOT);
			if (COUNTRY_CODES.contains(upper)) {
				return upper;
			}
			String byName = COUNTRY_NAMES.get(value.toLowerCase(Locale.ROOT));
			if (byName != null) {
				return byName;
			}
		}
		if (locale != null && !locale.isBlank()) {
			return regionOf(locale);
		}
		return null;
	}

	/**
	 * A handful of locales arrive on every message, and reading a language tag costs more
	 * than the rest of the device mapping; the cache is bounded against clients that send
	 * a new value each time.
	 */
	private static String regionOf(String locale) {
		String region = REGIONS.get(locale);
		if (region == null) {
			String found = Locale.forLanguageTag(locale.trim().replace('_', '-')).getCountry();
			region = COUNTRY_CODES.contains(found) ? found : NO_REGION;
			if (REGIONS.size() < MAX_CACHED_LOCALES) {
				REGIONS.put(locale, region);
			}
		}
		return region.isEmpty() ? null : region;
	}

	private static Map<String, String> countryNames() {
		Map<String, String> names = new HashMap<>();
		for (String code : Locale.getISOCountries()) {
			names.put(new Locale("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
		}
		return Map.copyOf(names);
	}

}
