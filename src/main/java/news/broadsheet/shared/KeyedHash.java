package news.broadsheet.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes (HMAC-SHA256) of what identifies a reader, such as a client address: stored and
 * compared instead of the address itself. The key is kept outside the database whose rows it
 * protects, so a copy of the database alone cannot be checked against guessed addresses: it is
 * {@code broadsheet.privacy.hash-key} (64 hex digits; every node of one site needs the same), or
 * else a file in the data directory ({@code keys/hash.key}, made on first use, readable by its owner
 * only).
 */
@Component
public class KeyedHash {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(KeyedHash.class);

    private final @Nullable String configured;
    private final Path keyFile;
    /** Keyed once and only ever copied: looking a MAC up for every comment showed in profiles. */
    private volatile @Nullable Mac prototype;

    KeyedHash(
            @Value("${broadsheet.privacy.hash-key:}") String configured,
            @Value("${broadsheet.data-dir:./data}") Path dataDir) {
        this.configured = configured.isBlank() ? null : configured.strip();
        if (this.configured != null && !this.configured.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException(
                    "broadsheet.privacy.hash-key must be 64 hexadecimal digits (32 random bytes), such as the"
                            + " output of: openssl rand -hex 32");
        }
        this.keyFile = dataDir.resolve("keys").resolve("hash.key");
    }

    /** Whether the key comes from the configuration, shared by every node, rather than a node's own file. */
    public boolean configured() {
        return configured != null;
    }

    /** The keyed hash of the value, as 64 hex digits. */
    public String of(String value) {
        return HexFormat.of().formatHex(mac(Optional::empty).doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * As {@link #of}, but a site that kept its key elsewhere before (in the database) carries it over
     * into the key file when there is none yet, so earlier hashes still match.
     */
    public String of(String value, Supplier<Optional<String>> earlierKey) {
        return HexFormat.of().formatHex(mac(earlierKey).doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac mac(Supplier<Optional<String>> earlierKey) {
        try {
            Mac current = prototype;
            if (current == null) {
                current = Mac.getInstance("HmacSHA256");
                current.init(new SecretKeySpec(HexFormat.of().parseHex(key(earlierKey)), "HmacSHA256"));
                prototype = current;
            }
            return (Mac) current.clone();
        } catch (GeneralSecurityException | CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private synchronized String key(Supplier<Optional<String>> earlierKey) {
        if (configured != null) {
            return configured;
        }
        try {
            if (Files.exists(keyFile)) {
                return Files.readString(keyFile).strip();
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            String key = earlierKey.get().orElse(HexFormat.of().formatHex(fresh));
            Files.createDirectories(keyFile.getParent());
            Path written = Files.writeString(keyFile.resolveSibling("hash.key.new"), key);
            try {
                Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the directory's own permissions protect it.
            }
            try {
                Files.move(written, keyFile);
            } catch (FileAlreadyExistsException e) {
                Files.delete(written);
                return Files.readString(keyFile).strip();
            }
            log.info(
                    "Keeping the key for hashing client addresses in {}: back it up with the data directory;"
                            + " if several nodes serve this site, set broadsheet.privacy.hash-key to the same value"
                            + " on each instead",
                    keyFile.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or make the hash key " + keyFile, e);
        }
    }
}
