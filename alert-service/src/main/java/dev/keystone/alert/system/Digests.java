package dev.keystone.alert.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Short stable ids from text: the first bytes of its SHA-256, in hex. The same text gives
 * the same id in every replica and after every replay.
 */
public final class Digests {

	private Digests() {
	}

	public static String hex(String text, int bytes) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is always present", ex);
		}
	}

}
