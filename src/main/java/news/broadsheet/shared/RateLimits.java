package news.broadsheet.shared;

import java.time.Duration;

/**
 * How often one client (by {@link ClientAddress#key}) may do something, counted for the whole site:
 * on PostgreSQL the counts live in the database every node shares, on SQLite (one node) in memory.
 * Asked before any expensive work is done.
 */
public interface RateLimits {

    /**
     * Counts one use of the limit by this client.
     *
     * @param clientAddress the address as the servlet container reports it
     * @return {@link Duration#ZERO} when the client may go on, otherwise how long until it may
     */
    Duration take(Limit limit, String clientAddress);

    /**
     * A token bucket: {@code burst} uses at once, refilled at {@code perPeriod} uses every
     * {@code period}. A limit whose {@code perPeriod} is 0 or less is off.
     *
     * @param name short and unique (at most 20 characters): the counts of two limits never mix
     */
    record Limit(String name, int burst, int perPeriod, Duration period) {

        public Limit {
            if (name.isEmpty() || name.length() > 20) {
                throw new IllegalArgumentException("A limit's name has 1 to 20 characters: " + name);
            }
        }

        /** {@code count} a minute, with a burst of a third of that. */
        public static Limit perMinute(String name, int count) {
            return new Limit(name, Math.max(1, count / 3), count, Duration.ofMinutes(1));
        }

        /** {@code count} an hour, with a burst of a third of that. */
        public static Limit perHour(String name, int count) {
            return new Limit(name, Math.max(1, count / 3), count, Duration.ofHours(1));
        }

        public boolean off() {
            return perPeriod <= 0;
        }
    }
}
