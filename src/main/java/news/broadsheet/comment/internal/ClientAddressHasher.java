package news.broadsheet.comment.internal;

import news.broadsheet.shared.ClientAddress;
import news.broadsheet.shared.KeyedHash;
import org.springframework.stereotype.Component;

/**
 * Replaces a client address by a keyed hash of its {@link ClientAddress#key key} (an IPv6 client
 * by its /64): the same client gives the same hash on every node, so floods, bans and
 * one-report-per-reader hold however it rotates its IPv6 address, but the address is never stored.
 * The key is kept outside the database ({@link KeyedHash}).
 */
@Component
public class ClientAddressHasher {

    private final CommentRepository repository;
    private final KeyedHash keyedHash;

    ClientAddressHasher(CommentRepository repository, KeyedHash keyedHash) {
        this.repository = repository;
        this.keyedHash = keyedHash;
        // Before any request is hashed: a key kept in the database by earlier versions is carried
        // over into the key file (or dropped, where the key is configured), never left there.
        if (keyedHash.configured()) {
            var dropped = repository.takeLegacyHashKey();
        } else {
            var unused = keyedHash.of("", repository::takeLegacyHashKey);
        }
    }

    public String hash(String clientAddress) {
        return keyedHash.of(ClientAddress.key(clientAddress));
    }
}
