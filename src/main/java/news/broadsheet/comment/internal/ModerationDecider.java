package news.broadsheet.comment.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.comment.CommentRefusedException;
import news.broadsheet.comment.CommentSettings;
import news.broadsheet.comment.CommentStatus;
import news.broadsheet.comment.ModerationPolicy;
import news.broadsheet.comment.ModerationRules;
import news.broadsheet.comment.internal.spam.SpamFilter;
import news.broadsheet.section.Section;
import news.broadsheet.section.Sections;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Runs every rule on a new comment and decides its status, recording why. Rules only ever make the
 * outcome stricter: the policy says approved or pending; a suspect word, too many links or a
 * poor record holds it; a banned word rejects it. A repeat or a flood refuses it outright.
 */
@Component
public class ModerationDecider {

    private static final Pattern LINK = Pattern.compile("https?://", Pattern.CASE_INSENSITIVE);
    private static final Duration FLOOD_WINDOW = Duration.ofMinutes(1);
    private static final Duration RECORD_WINDOW = Duration.ofDays(90);

    /** At most this many of a commenter's newest comments make their record. */
    private static final int RECORD_LENGTH = 200;

    private final CommenterRecordRepository commenters;
    private final CommentBanRepository bans;
    private final ModerationSettingsRepository policyOverrides;
    private final ModerationRulesStore rules;
    private final CommentSettings settings;
    private final Sections sections;
    private final SpamFilter spamFilter;

    ModerationDecider(
            CommenterRecordRepository commenters,
            CommentBanRepository bans,
            ModerationSettingsRepository policyOverrides,
            ModerationRulesStore rules,
            CommentSettings settings,
            Sections sections,
            SpamFilter spamFilter) {
        this.commenters = commenters;
        this.bans = bans;
        this.policyOverrides = policyOverrides;
        this.rules = rules;
        this.settings = settings;
        this.sections = sections;
        this.spamFilter = spamFilter;
    }

    /**
     * The decision on a new comment: its status and the reasons recorded with it.
     *
     * @param spamScore what the spam filter made of it (0 to 1), null without a model
     */
    public record Decision(
            CommentStatus status,
            List<String> reasons,
            @Nullable Double spamScore) {

        public Decision(CommentStatus status, List<String> reasons) {
            this(status, reasons, null);
        }
    }

    /**
     * @throws CommentRefusedException for a repeat of the same text or a flood (with a retry time)
     */
    public Decision decide(
            ArticleSummary article,
            String authorName,
            @Nullable String email,
            String addressHash,
            String body,
            Instant now) {
        ModerationRules current = rules.current();
        refuseFloodsAndRepeats(email, addressHash, body, now);
        List<String> reasons = new ArrayList<>();
        CommentStatus status = CommentStatus.APPROVED;
        ModerationPolicy policy = policy(article);
        if (policy == ModerationPolicy.PRE) {
            status = CommentStatus.PENDING;
            reasons.add("policy: every comment is held");
        } else if (policy == ModerationPolicy.NEW_COMMENTERS) {
            int approved = commenters.approvedUpTo(email, addressHash, settings.trustedAfter());
            if (email == null || approved < settings.trustedAfter()) {
                status = CommentStatus.PENDING;
                reasons.add("policy: new commenter (" + approved + " approved so far)");
            }
        }
        String lower = body.toLowerCase(Locale.ROOT);
        for (String word : current.suspectWords()) {
            if (contains(lower, word)) {
                status = stricter(status, CommentStatus.PENDING);
                reasons.add(RuleHits.SUSPECT_WORD + word);
            }
        }
        int links = count(LINK.matcher(body));
        if (links > current.maxLinks()) {
            status = stricter(status, CommentStatus.PENDING);
            reasons.add(RuleHits.LINKS + links + " (more than " + current.maxLinks() + ")");
        }
        // The record that counts is the recent one: people change, and so do shared addresses.
        CommenterRecordRepository.History history =
                commenters.history(email, addressHash, now.minus(RECORD_WINDOW), RECORD_LENGTH);
        int decided = history.approved() + history.rejected();
        if (decided >= current.rejectionRateMinimum()
                && history.rejected() * 100 > current.rejectionRatePercent() * decided) {
            status = stricter(status, CommentStatus.PENDING);
            reasons.add("record: " + history.rejected() + " of " + decided + " comments rejected");
        }
        // The learned filter, once the desk has taught it: holds spam in its queue, or marks it likely.
        Optional<SpamFilter.Verdict> verdict = spamFilter.judge(authorName, body);
        if (verdict.isPresent() && verdict.get().level() != SpamFilter.Level.NONE) {
            status = verdict.get().level() == SpamFilter.Level.HOLD
                    ? CommentStatus.SPAM
                    : stricter(status, CommentStatus.PENDING);
            reasons.add(verdict.get().describe());
        }
        if (bans.isBanned(email, addressHash, now)) {
            status = CommentStatus.REJECTED;
            reasons.add("banned commenter");
        }
        for (String word : current.bannedWords()) {
            if (contains(lower, word)) {
                status = CommentStatus.REJECTED;
                reasons.add(RuleHits.BANNED_WORD + word);
            }
        }
        return new Decision(
                status,
                List.copyOf(reasons),
                verdict.map(SpamFilter.Verdict::score).orElse(null));
    }

    /** The policy in force for the article: its own override, its section's (nearest first), or the site's. */
    public ModerationPolicy policy(ArticleSummary article) {
        for (ModerationSettingsRepository.PolicyOverride override : overridesNearestFirst(article)) {
            if (override.moderation() != null) {
                return ModerationPolicy.parse(override.moderation());
            }
        }
        return settings.policy();
    }

    /** Whether comments have closed by age: the article's override, its section's, or the site's. */
    public boolean closedByAge(ArticleSummary article, Instant now) {
        Integer days = null;
        for (ModerationSettingsRepository.PolicyOverride override : overridesNearestFirst(article)) {
            if (override.closeAfterDays() != null) {
                days = override.closeAfterDays();
                break;
            }
        }
        int closeAfter = days != null ? days : settings.closeAfterDays();
        return closeAfter > 0 && now.isAfter(article.publishedAt().plus(Duration.ofDays(closeAfter)));
    }

    /** The story's override, then its section's and each parent section's, as far as they exist; one query. */
    private List<ModerationSettingsRepository.PolicyOverride> overridesNearestFirst(ArticleSummary article) {
        List<Section> trail = sections.trail(article.section()).reversed();
        ModerationSettingsRepository.PolicyOverrides found = policyOverrides.policies(
                article.id(), trail.stream().map(Section::id).toList());
        List<ModerationSettingsRepository.PolicyOverride> nearestFirst = new ArrayList<>();
        if (found.article() != null) {
            nearestFirst.add(found.article());
        }
        for (Section section : trail) {
            ModerationSettingsRepository.PolicyOverride override =
                    found.sections().get(section.id());
            if (override != null) {
                nearestFirst.add(override);
            }
        }
        return nearestFirst;
    }

    /**
     * Refuses a commenter over the flood limit, or a comment they already posted within the repeat
     * window. Checked with the other rules, and again inside the transaction that stores the
     * comment, where SQLite's writers take turns: a burst from one address stays within the limit,
     * and a double-clicked submit is stored once. Both counts stop early, so the second check is cheap.
     */
    public void refuseFloodsAndRepeats(@Nullable String email, String addressHash, String body, Instant now) {
        ModerationRules current = rules.current();
        refuseFloods(current, email, addressHash, now);
        if (current.repeatWindowMinutes() > 0
                && commenters.postedSameTextSince(
                        email, addressHash, body, now.minus(Duration.ofMinutes(current.repeatWindowMinutes())))) {
            throw new CommentRefusedException(
                    CommentRefusedException.Reason.REPEATED,
                    "You have already posted this comment. It will not be posted twice.");
        }
    }

    private void refuseFloods(ModerationRules current, @Nullable String email, String addressHash, Instant now) {
        Instant since = now.minus(FLOOD_WINDOW);
        if (commenters.countRecent(email, addressHash, since, current.floodPerMinute()) >= current.floodPerMinute()) {
            Instant oldest = commenters.oldestRecent(email, addressHash, since).orElse(now);
            long wait =
                    Math.max(1, Duration.between(now, oldest.plus(FLOOD_WINDOW)).toSeconds() + 1);
            throw new CommentRefusedException(
                    CommentRefusedException.Reason.FLOODED,
                    "You are posting comments faster than we accept them. Please wait " + wait + " seconds.",
                    wait);
        }
    }

    private static boolean contains(String lowerText, String word) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])")
                .matcher(lowerText)
                .find();
    }

    private static int count(Matcher matcher) {
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    private static CommentStatus stricter(CommentStatus current, CommentStatus candidate) {
        return current == CommentStatus.REJECTED || current == CommentStatus.SPAM ? current : candidate;
    }
}
