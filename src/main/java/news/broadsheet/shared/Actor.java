package news.broadsheet.shared;

import org.jspecify.annotations.Nullable;

/**
 * Who did something: a newsroom account, or the system itself (the scheduler, start-up tasks).
 *
 * @param accountId the account, or null for the system
 */
public record Actor(@Nullable Long accountId, String name) {

    public static final Actor SYSTEM = new Actor(null, "system");
}
