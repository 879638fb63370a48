package news.broadsheet.comment.internal.spam;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The spam filter's tables: the trained models by version, the examples an admin uploaded, the
 * moderators' decisions read as examples, and the claim that lets one node train at a time.
 */
@Repository
public class SpamModelStore {

    /** Models kept besides the newest, for a look back. */
    private static final int KEPT = 5;

    /** At most this many of the newest decisions are learned from. */
    static final int MAX_DECISIONS = 20_000;

    private static final int UPLOAD_BATCH = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    SpamModelStore(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** A stored model and what it promised. */
    public record StoredModel(
            long version,
            Instant trainedAt,
            int spamExamples,
            int hamExamples,
            SpamTrainer.Thresholds thresholds,
            double holdFalsePositiveRate,
            double holdF1,
            double likelyF1,
            byte[] weights) {}

    public Optional<Long> newestVersion() {
        return jdbc.sql("SELECT MAX(version) FROM spam_model").query(Long.class).optional();
    }

    public Optional<StoredModel> newest() {
        return jdbc.sql("SELECT * FROM spam_model ORDER BY version DESC LIMIT 1")
                .query((rs, n) -> new StoredModel(
                        rs.getLong("version"),
                        Instant.ofEpochMilli(rs.getLong("trained_at")),
                        rs.getInt("spam_examples"),
                        rs.getInt("ham_examples"),
                        new SpamTrainer.Thresholds(rs.getDouble("likely_threshold"), rs.getDouble("hold_threshold")),
                        rs.getDouble("hold_false_positive_rate"),
                        rs.getDouble("hold_f1"),
                        rs.getDouble("likely_f1"),
                        rs.getBytes("weights")))
                .optional();
    }

    /** Stores a model as the next version; false if another node stored that version first. */
    public boolean insert(SpamTrainer.TrainedFilter filter, Instant now) {
        long version = newestVersion().orElse(0L) + 1;
        int stored = jdbc.sql("""
                        INSERT INTO spam_model (version, trained_at, spam_examples, ham_examples, likely_threshold,
                        hold_threshold, hold_false_positive_rate, hold_f1, likely_f1, weights)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (version) DO NOTHING""")
                .params(
                        version,
                        now.toEpochMilli(),
                        filter.spamExamples(),
                        filter.hamExamples(),
                        filter.thresholds().likely(),
                        filter.thresholds().hold(),
                        filter.atHold().falsePositiveRate(),
                        filter.atHold().f1(),
                        filter.atLikely().f1(),
                        filter.model().toBytes())
                .update();
        jdbc.sql("DELETE FROM spam_model WHERE version < ?")
                .param(version - KEPT)
                .update();
        return stored == 1;
    }

    /**
     * The comments a moderator decided (not the rules alone, not erased ones): approved (also when
     * released from spam) and rejected for another reason are readers' comments; held as spam or
     * rejected as spam are spam.
     */
    private static final String DECIDED = """
            FROM comment WHERE moderated_at IS NOT NULL AND erased_at IS NULL
            AND status IN ('approved', 'rejected', 'spam')""";

    /** 1 for spam, 0 for a reader's comment, with the rejection reason that means spam as its one parameter. */
    private static final String IS_SPAM =
            "CASE WHEN status = 'spam' OR (status = 'rejected' AND rejection_reason = ?) THEN 1 ELSE 0 END AS is_spam";

    /** The moderators' decisions, newest first. */
    public List<SpamTrainer.Example> decisions() {
        return jdbc.sql("SELECT author_name, body, article_id, " + IS_SPAM + " " + DECIDED
                        + " ORDER BY moderated_at DESC LIMIT ?")
                .params(SpamFilter.SPAM_REJECTION_REASON, MAX_DECISIONS)
                .query((rs, n) -> new SpamTrainer.Example(
                        rs.getString("author_name"),
                        rs.getString("body"),
                        rs.getInt("is_spam") == 1,
                        "story " + rs.getLong("article_id")))
                .list();
    }

    /** The moderators' decisions as labelled comments, oldest first, for an admin's export. */
    public List<LabelledComments.Row> decisionRows() {
        return jdbc.sql("SELECT id, author_name, body, created_at, " + IS_SPAM + " " + DECIDED + " ORDER BY id")
                .param(SpamFilter.SPAM_REJECTION_REASON)
                .query((rs, n) -> new LabelledComments.Row(
                        String.valueOf(rs.getLong("id")),
                        rs.getString("author_name"),
                        Instant.ofEpochMilli(rs.getLong("created_at")).toString(),
                        rs.getString("body"),
                        rs.getInt("is_spam") == 1))
                .list();
    }

    /** How many decisions there are to learn from, to tell whether a new model is due. */
    public int countDecisions() {
        return jdbc.sql("SELECT COUNT(*) " + DECIDED).query(Integer.class).single();
    }

    public List<SpamTrainer.Example> uploaded() {
        // The comments of one upload came from one place: held out together.
        return jdbc.sql("SELECT author, content, spam, added_at FROM spam_example ORDER BY id")
                .query((rs, n) -> new SpamTrainer.Example(
                        rs.getString("author"),
                        rs.getString("content"),
                        rs.getBoolean("spam"),
                        "upload " + rs.getLong("added_at")))
                .list();
    }

    public int countUploaded() {
        return jdbc.sql("SELECT COUNT(*) FROM spam_example")
                .query(Integer.class)
                .single();
    }

    /** Adds the examples all together or none (one transaction, sent as JDBC batches). */
    @Transactional
    public void upload(List<LabelledComments.Row> rows, Instant now) {
        batches.batchUpdate(
                "INSERT INTO spam_example (external_id, author, content, spam, added_at) VALUES (?, ?, ?, ?, ?)",
                rows,
                UPLOAD_BATCH,
                (statement, row) -> {
                    statement.setString(1, row.id());
                    statement.setString(2, row.author());
                    statement.setString(3, row.content());
                    statement.setBoolean(4, row.spam());
                    statement.setLong(5, now.toEpochMilli());
                });
    }

    /** Takes the training claim for a while unless another node holds it. */
    public boolean claim(Instant now, Duration lease) {
        return jdbc.sql("""
                                INSERT INTO spam_training_claim (name, claimed_until) VALUES ('train', ?)
                                ON CONFLICT (name) DO UPDATE SET claimed_until = excluded.claimed_until
                                WHERE spam_training_claim.claimed_until < ?""")
                        .params(now.plus(lease).toEpochMilli(), now.toEpochMilli())
                        .update()
                == 1;
    }

    public void release() {
        jdbc.sql("UPDATE spam_training_claim SET claimed_until = 0 WHERE name = 'train'")
                .update();
    }
}
