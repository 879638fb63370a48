package news.broadsheet.comment.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import news.broadsheet.shared.ClientAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Replaces a client address by a keyed hash of its {@link ClientAddress#key key} (an IPv6 client
 * by its /64): the same client gives the same hash on every node, so floods, bans and
 * one-report-per-reader hold however it rotates its IPv6 address, but the address is never stored.
 */
@Component
public class ClientAddressHasher {

    private final CommentRepository repository;
    /** Keyed once with the site's stored secret and only ever copied (a provider lookup per comment showed in profiles). */
    private volatile @Nullable Mac prototype;

    ClientAddressHasher(CommentRepository repository) {
        this.repository = repository;
    }

    public String hash(String clientAddress) {
        return HexFormat.of()
                .formatHex(mac().doFinal(ClientAddress.key(clientAddress).getBytes(StandardCharsets.UTF_8)));
    }

    private Mac mac() {
        try {
            Mac current = prototype;
            if (current == null) {
                // The key never changes once stored, so keeping it in this process is safe.
                byte[] candidate = new byte[32];
                new SecureRandom().nextBytes(candidate);
                String secret =
                        repository.hashKey("client-address", HexFormat.of().formatHex(candidate));
                current = Mac.getInstance("HmacSHA256");
                current.init(new SecretKeySpec(HexFormat.of().parseHex(secret), "HmacSHA256"));
                prototype = current;
            }
            return (Mac) current.clone();
        } catch (GeneralSecurityException | CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
