package news.broadsheet.article;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A keyset position in a newest-first list: the publication time and id of the last story shown.
 * Written into "Older stories" links as {@code before=<epoch millis>.<id>}, so paging never scans
 * with OFFSET.
 */
public record StoryCursor(Instant publishedAt, long id) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,15})\\.(\\d{1,18})");

    public String token() {
        return publishedAt.toEpochMilli() + "." + id;
    }

    /** Reads a token made by {@link #token()}; anything else is empty. */
    public static Optional<StoryCursor> parse(String token) {
        var match = FORMAT.matcher(token);
        if (!match.matches()) {
            return Optional.empty();
        }
        return Optional.of(
                new StoryCursor(Instant.ofEpochMilli(Long.parseLong(match.group(1))), Long.parseLong(match.group(2))));
    }
}
