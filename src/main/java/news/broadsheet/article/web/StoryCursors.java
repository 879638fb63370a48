package news.broadsheet.article.web;

import news.broadsheet.shared.Keyset;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Reads the {@code before} parameter of list pages. */
final class StoryCursors {

    private StoryCursors() {}

    /** The cursor, null for the first page; a malformed value is a 400, not a silent first page. */
    static @Nullable Keyset parse(@Nullable String before) {
        if (before == null || before.isEmpty()) {
            return null;
        }
        return Keyset.parse(before)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "Malformed page link"));
    }
}
