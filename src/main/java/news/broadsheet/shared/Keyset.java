package news.broadsheet.shared;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A keyset position in a list ordered by time and id: the time and id of the last row shown.
 * Written into "older" and "more" links as {@code <epoch millis>.<id>}, so paging never scans with
 * OFFSET. Stories, comments, desk queues and the editor's list all page this way.
 */
public record Keyset(Instant time, long id) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,15})\\.(\\d{1,18})");

    public String token() {
        return time.toEpochMilli() + "." + id;
    }

    /** Reads a token made by {@link #token()}; anything else is empty. */
    public static Optional<Keyset> parse(String token) {
        var match = FORMAT.matcher(token);
        if (!match.matches()) {
            return Optional.empty();
        }
        return Optional.of(
                new Keyset(Instant.ofEpochMilli(Long.parseLong(match.group(1))), Long.parseLong(match.group(2))));
    }
}
