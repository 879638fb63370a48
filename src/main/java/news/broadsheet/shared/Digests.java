package news.broadsheet.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests, for the two jobs they do here: storing a one-time secret (a sign-in link, an
 * API token, a privacy link) as its hash, so the table holds nothing that opens anything; and
 * naming a response's bytes in an entity tag.
 */
public final class Digests {

    private Digests() {}

    /** The SHA-256 hash of a secret's UTF-8 bytes, as 64 hex digits: what is stored in its place. */
    public static String ofSecret(String secret) {
        return HexFormat.of().formatHex(sha256(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /** The first 128 bits of the bytes' SHA-256 hash as 32 hex digits: enough to tell versions of a response apart. */
    public static String ofContent(byte[] content) {
        return HexFormat.of().formatHex(sha256(content), 0, 16);
    }

    /**
     * A weak entity tag for a response's bytes: weak, because the same entity is sent gzipped or
     * not, and Tomcat compresses only weakly tagged answers.
     */
    public static String weakEtag(byte[] content) {
        return "W/\"" + ofContent(content) + "\"";
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
