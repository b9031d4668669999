package dev.keystone.helm;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;

/**
 * fabric8's model keeps any field it does not know in {@code additionalProperties}
 * instead of failing; a misspelt or misplaced field would pass unseen. This walks a
 * parsed object and fails on any such field, naming its path.
 */
final class StrictModel {

	private StrictModel() {
	}

	static void assertNoUnknownFields(Object object) {
		walk(object, object.getClass().getSimpleName());
	}

	private static void walk(Object value, String path) {
		if (value instanceof Collection<?> items) {
			int i = 0;
			for (Object item : items) {
				walk(item, path + "[" + i++ + "]");
			}
			return;
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, item) -> walk(item, path + "." + key));
			return;
		}
		if (value == null || !value.getClass().getName().startsWith("io.fabric8.")) {
			return;
		}
		for (Method getter : value.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
					|| !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
				continue;
			}
			Object child = invoke(getter, value);
			if (getter.getName().equals("getAdditionalProperties")) {
				if (child instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
					throw new AssertionError("unknown fields at " + path + ": " + unknown.keySet());
				}
				continue;
			}
			walk(child, path + "." + property(getter.getName()));
		}
	}

	private static Object invoke(Method getter, Object target) {
		try {
			return getter.invoke(target);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			return null;
		}
	}

	private static String property(String getter) {
		return Character.toLowerCase(getter.charAt(3)) + getter.substring(4);
	}

}
