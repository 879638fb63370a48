package news.broadsheet.comment.internal;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for what a commenter posted before: the flood and repeat checks and their record of decisions. */
@Repository
public class CommenterRecordRepository {

    private final JdbcClient jdbc;

    CommenterRecordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Comments since a moment from this email (when given) or this client address, whichever is
     * more, counted up to {@code enough}: a flood check needs to know whether the limit is reached,
     * not how far beyond it a flooder went.
     */
    public int countRecent(@Nullable String email, String addressHash, Instant since, int enough) {
        int byAddress = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM comment WHERE client_address_hash = ?"
                        + " AND created_at >= ? LIMIT ?) recent")
                .params(addressHash, since.toEpochMilli(), enough)
                .query(Integer.class)
                .single();
        if (email == null || byAddress >= enough) {
            return byAddress;
        }
        int byEmail = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM comment WHERE LOWER(author_email) = LOWER(?)"
                        + " AND created_at >= ? LIMIT ?) recent")
                .params(email, since.toEpochMilli(), enough)
                .query(Integer.class)
                .single();
        return Math.max(byAddress, byEmail);
    }

    /** The oldest of the comments counted by {@link #countRecent}, to tell a flooder when to try again. */
    public Optional<Instant> oldestRecent(@Nullable String email, String addressHash, Instant since) {
        return jdbc
                .sql(
                        "SELECT MIN(created_at) FROM comment WHERE (client_address_hash = :address OR LOWER(author_email) = LOWER(:email))"
                                + " AND created_at >= :since")
                .param("address", addressHash)
                .param("email", email == null ? "" : email)
                .param("since", since.toEpochMilli())
                .query((rs, n) -> rs.getLong(1))
                .list()
                .stream()
                .filter(millis -> millis > 0)
                .findFirst()
                .map(Instant::ofEpochMilli);
    }

    public boolean postedSameTextSince(@Nullable String email, String addressHash, String body, Instant since) {
        return jdbc.sql(
                                "SELECT COUNT(*) FROM (SELECT 1 FROM comment WHERE (client_address_hash = :address"
                                        + " OR LOWER(author_email) = LOWER(:email)) AND body = :body AND created_at >= :since LIMIT 1) same")
                        .param("address", addressHash)
                        .param("email", email == null ? "" : email)
                        .param("body", body)
                        .param("since", since.toEpochMilli())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** How a commenter's comments were decided: approved and rejected (spam included) counts. */
    public record History(int approved, int rejected) {}

    private static final String RECORD_COUNTS = "SELECT"
            + " SUM(CASE WHEN status = 'approved' THEN 1 ELSE 0 END) AS approved,"
            + " SUM(CASE WHEN status IN ('rejected', 'spam') THEN 1 ELSE 0 END) AS rejected";

    private static final RowMapper<History> HISTORY =
            (rs, n) -> new History(rs.getInt("approved"), rs.getInt("rejected"));

    /**
     * The commenter's record over their newest comments posted since a moment: at most {@code
     * newest} of them, so a prolific regular costs no more to judge than anyone else.
     */
    public History history(@Nullable String email, String addressHash, Instant since, int newest) {
        return byCommenter(
                        RECORD_COUNTS + " FROM (SELECT status FROM comment WHERE " + commenter(email)
                                + " AND created_at >= :since ORDER BY created_at DESC LIMIT :newest) AS recent",
                        email,
                        addressHash)
                .param("since", since.toEpochMilli())
                .param("newest", newest)
                .query(HISTORY)
                .single();
    }

    /** The commenter's whole record, as the moderation desk shows it. */
    public History history(@Nullable String email, String addressHash) {
        return byCommenter(RECORD_COUNTS + " FROM comment WHERE " + commenter(email), email, addressHash)
                .query(HISTORY)
                .single();
    }

    /** The commenter's approved comments, counted up to {@code enough}: all a trust check needs. */
    public int approvedUpTo(@Nullable String email, String addressHash, int enough) {
        return byCommenter(
                        "SELECT COUNT(*) FROM (SELECT 1 FROM comment WHERE " + commenter(email)
                                + " AND status = 'approved' LIMIT :enough) AS approved",
                        email,
                        addressHash)
                .param("enough", enough)
                .query(Integer.class)
                .single();
    }

    /** A commenter is known by their e-mail address when they gave one, else by their address's hash. */
    private static String commenter(@Nullable String email) {
        return email == null ? "client_address_hash = :address" : "LOWER(author_email) = LOWER(:email)";
    }

    private JdbcClient.StatementSpec byCommenter(String sql, @Nullable String email, String addressHash) {
        return jdbc.sql(sql).param("address", addressHash).param("email", email == null ? "" : email);
    }
}
