package news.broadsheet.shared;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A moment as a page shows it: the machine-readable value for {@code <time datetime>} and the
 * label a reader sees, in the newsroom's time zone.
 */
public record DisplayTime(String datetime, String label) {

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z", Locale.ENGLISH);

    public static DisplayTime of(Instant instant, ZoneId zone) {
        return new DisplayTime(DateTimeFormatter.ISO_INSTANT.format(instant), LABEL.format(instant.atZone(zone)));
    }
}
