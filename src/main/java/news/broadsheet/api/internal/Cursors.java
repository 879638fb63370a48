package news.broadsheet.api.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import news.broadsheet.shared.Keyset;

/** Opaque page cursors: base64url of a keyset position, so clients cannot depend on its shape. */
public final class Cursors {

    private Cursors() {}

    public static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    public static String encode(Keyset keyset) {
        return encode(keyset.token());
    }

    /** The position in a cursor; empty when it is not one this API made. */
    public static Optional<String> decode(String cursor) {
        if (cursor.length() > 200) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The keyset in a cursor, or a 400 problem. */
    public static Keyset keyset(String cursor) {
        return decode(cursor)
                .flatMap(Keyset::parse)
                .orElseThrow(
                        () -> ApiProblem.badRequest("The cursor is not valid; use nextCursor from a previous page."));
    }
}
