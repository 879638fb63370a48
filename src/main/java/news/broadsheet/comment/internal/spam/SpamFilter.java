package news.broadsheet.comment.internal.spam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The spam filter as the site runs it: scores new comments with the newest stored model, and
 * learns. Examples are the moderators' decisions (approved, including comments released from the
 * spam queue, and held as spam) and the labelled comments an admin uploaded. A node trains when the
 * decisions have changed since the newest model, at most every {@code
 * broadsheet.comments.spam.train-every} (one hour), holding a claim in the database so nodes train
 * one at a time; every node reads the newest model within a minute. Until there are {@value
 * SpamTrainer#MINIMUM_PER_CLASS} examples of each kind, there is no model and the rules alone decide;
 * until there are {@value SpamTrainer#READERS_BEFORE_HOLDING} readers' comments, it holds nothing and
 * only marks likely spam.
 */
@Component
public class SpamFilter {

    /** The desk's reason for rejecting a comment that makes the rejection a spam example. */
    public static final String SPAM_REJECTION_REASON = "Spam or advertising";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SpamFilter.class);
    private static final Duration CLAIM = Duration.ofMinutes(10);

    private final SpamModelStore store;
    private final Clock clock;
    private final boolean enabled;
    private final Duration trainEvery;
    private volatile @Nullable Loaded current;
    /** No model was stored when last looked: posting does not ask again until {@link #refresh} finds one. */
    private volatile boolean none;

    private volatile Instant lastTrainingCheck = Instant.EPOCH;

    SpamFilter(
            SpamModelStore store,
            Clock clock,
            @Value("${broadsheet.comments.spam.enabled:true}") boolean enabled,
            @Value("${broadsheet.comments.spam.train-every:PT1H}") Duration trainEvery) {
        this.store = store;
        this.clock = clock;
        this.enabled = enabled;
        this.trainEvery = trainEvery;
    }

    private record Loaded(SpamModelStore.StoredModel stored, SpamModel model) {}

    /** How a comment scored, and what the site does with it. */
    public record Verdict(double score, Level level, List<SpamModel.Reason> reasons) {

        /** The reason recorded with the comment, shown on the desk. */
        public String describe() {
            String weighed = reasons.stream()
                    .filter(reason -> reason.weight() > 0)
                    .limit(4)
                    .map(SpamModel.Reason::label)
                    .collect(Collectors.joining(", "));
            String what = level == Level.HOLD ? "held as spam" : "likely spam";
            return String.format(
                    Locale.ROOT,
                    "spam filter: %s, score %.2f%s",
                    what,
                    score,
                    weighed.isEmpty() ? "" : " (" + weighed + ")");
        }
    }

    public enum Level {
        /** At or above the hold threshold: held in the spam queue. */
        HOLD,
        /** Between the two thresholds: pending, marked likely spam. */
        LIKELY,
        /** Below both: the site's policy applies. */
        NONE
    }

    /** What the newest model says of a comment; empty while there is no model. */
    public Optional<Verdict> judge(String author, String text) {
        Loaded loaded = loaded();
        if (!enabled || loaded == null) {
            return Optional.empty();
        }
        double score = loaded.model().score(author, text);
        SpamTrainer.Thresholds thresholds = loaded.stored().thresholds();
        Level level =
                score >= thresholds.hold() ? Level.HOLD : score >= thresholds.likely() ? Level.LIKELY : Level.NONE;
        List<SpamModel.Reason> reasons =
                level == Level.NONE ? List.of() : loaded.model().reasons(author, text, 8);
        return Optional.of(new Verdict(score, level, reasons));
    }

    /** The model in use, for the desk's settings page. */
    public Optional<SpamModelStore.StoredModel> model() {
        Loaded loaded = loaded();
        return loaded == null ? Optional.empty() : Optional.of(loaded.stored());
    }

    public boolean enabled() {
        return enabled;
    }

    /** Examples there are to learn from: decisions and uploads. */
    public int examples() {
        return store.countDecisions() + store.countUploaded();
    }

    /**
     * Trains a model on every example now, unless another node is training.
     *
     * @return the model stored, or empty if there was too little to learn from or another node trained
     */
    public Optional<SpamModelStore.StoredModel> trainNow() {
        Instant now = clock.instant();
        if (!store.claim(now, CLAIM)) {
            return Optional.empty();
        }
        try {
            List<SpamTrainer.Example> examples = new ArrayList<>(store.uploaded());
            examples.addAll(store.decisions());
            if (!SpamTrainer.enough(examples)) {
                return Optional.empty();
            }
            long started = System.nanoTime();
            SpamTrainer.TrainedFilter filter = SpamTrainer.train(examples);
            store.insert(filter, now);
            log.info(
                    "Spam filter trained on {} examples in {} ms: {}",
                    examples.size(),
                    (System.nanoTime() - started) / 1_000_000,
                    filter.thresholds().holds()
                            ? String.format(
                                    Locale.ROOT,
                                    "held from %.3f, estimated false-positive rate %.2f%%",
                                    filter.thresholds().hold(),
                                    100 * filter.atHold().falsePositiveRate())
                            : SpamTrainer.holdsNothingYet(filter.hamExamples()));
            current = null;
            none = false;
            return model();
        } finally {
            store.release();
        }
    }

    /** Learns again when the examples changed since the newest model, at most every {@code train-every}. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void trainWhenDue() {
        Instant now = clock.instant();
        if (!enabled || now.isBefore(lastTrainingCheck.plus(trainEvery))) {
            return;
        }
        lastTrainingCheck = now;
        try {
            Optional<SpamModelStore.StoredModel> newest = store.newest();
            // What the next model would learn from: the newest decisions up to the cap, and the uploads.
            int examples = Math.min(store.countDecisions(), SpamModelStore.MAX_DECISIONS) + store.countUploaded();
            boolean changed = newest.isEmpty()
                    || newest.get().spamExamples() + newest.get().hamExamples() != examples
                    || newest.get().trainedAt().isBefore(now.minus(trainEvery.multipliedBy(24)));
            if (changed) {
                trainNow();
            }
        } catch (DataAccessException e) {
            log.warn("Spam filter not trained: {}", e.getMessage());
        }
    }

    /** Reads the newest model another node may have stored (every minute, and when asked). */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    public void refresh() {
        try {
            Optional<Long> version = store.newestVersion();
            Loaded loaded = current;
            if (version.isEmpty()) {
                current = null;
                none = true;
            } else if (version.isPresent() && (loaded == null || loaded.stored().version() != version.get())) {
                current = null;
                none = false;
                loaded();
            }
        } catch (DataAccessException e) {
            log.debug("Spam model not refreshed: {}", e.getMessage());
        }
    }

    private @Nullable Loaded loaded() {
        Loaded loaded = current;
        if (loaded == null && !none) {
            loaded = store.newest()
                    .map(stored -> new Loaded(stored, SpamModel.fromBytes(stored.weights())))
                    .orElse(null);
            current = loaded;
            none = loaded == null;
        }
        return loaded;
    }
}
