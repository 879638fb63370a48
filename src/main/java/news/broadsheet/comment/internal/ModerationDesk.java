package news.broadsheet.comment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.broadsheet.article.Articles;
import news.broadsheet.comment.CommentModerated;
import news.broadsheet.comment.CommentModerationUndone;
import news.broadsheet.comment.CommentPublished;
import news.broadsheet.comment.CommentSettings;
import news.broadsheet.comment.CommentStatus;
import news.broadsheet.comment.ModerationAction;
import news.broadsheet.comment.ModerationSettingsChanged;
import news.broadsheet.comment.ModerationUndo;
import news.broadsheet.comment.QueuedComment;
import news.broadsheet.shared.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The moderation desk's work for {@link news.broadsheet.comment.Comments} (which documents each
 * method): its queues with each commenter's record, the counts on its tabs, readers' reports, bans,
 * and desk actions, recorded in the audit log and undone.
 */
@Component
public class ModerationDesk {

    private final ModerationDeskRepository desk;
    private final CommentRepository comments;
    private final CommenterRecordRepository commenters;
    private final CommentBanRepository bans;
    private final Articles articles;
    private final ClientAddressHasher addressHasher;
    private final CommentNotifications notifications;
    private final CommentSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ModerationDesk(
            ModerationDeskRepository desk,
            CommentRepository comments,
            CommenterRecordRepository commenters,
            CommentBanRepository bans,
            Articles articles,
            ClientAddressHasher addressHasher,
            CommentNotifications notifications,
            CommentSettings settings,
            ApplicationEventPublisher events,
            Clock clock) {
        this.desk = desk;
        this.comments = comments;
        this.commenters = commenters;
        this.bans = bans;
        this.articles = articles;
        this.addressHasher = addressHasher;
        this.notifications = notifications;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    public List<QueuedComment> queue(
            CommentStatus status,
            java.util.@Nullable Collection<Long> articleIds,
            @Nullable Instant beforeTime,
            @Nullable Long beforeId,
            int limit) {
        return enrich(desk.findQueue(status, articleIds, beforeTime, beforeId, limit));
    }

    private List<QueuedComment> enrich(List<ModerationDeskRepository.QueuedRow> found) {
        // One history lookup per commenter on the page, not per comment: a flood comes from one source.
        Map<String, CommenterRecordRepository.History> histories = new java.util.HashMap<>();
        Map<Long, Map<String, Integer>> reports =
                desk.reportReasons(found.stream().map(row -> row.comment().id()).toList());
        return found.stream()
                .map(row -> {
                    QueuedComment c = row.comment();
                    String address = row.addressHash();
                    // Keyed on the email when there is one, else on the address: never a mix of both.
                    var history = histories.computeIfAbsent(
                            c.email() != null
                                    ? "email:" + c.email().toLowerCase(java.util.Locale.ROOT)
                                    : "address:" + address,
                            key -> commenters.history(c.email(), address));
                    return new QueuedComment(
                            c.id(),
                            c.articleId(),
                            c.authorName(),
                            c.email(),
                            c.body(),
                            c.status(),
                            c.featured(),
                            c.postedAt(),
                            c.reasons(),
                            c.spamScore(),
                            c.parentExcerpt(),
                            history.approved(),
                            history.rejected(),
                            c.email() != null,
                            reports.getOrDefault(c.id(), Map.of()),
                            c.rejectionReason());
                })
                .toList();
    }

    public int pendingCount() {
        return desk.countPending();
    }

    public Map<CommentStatus, Integer> queueCounts(java.util.@Nullable Collection<Long> articleIds) {
        return desk.countByStatus(articleIds);
    }

    public List<QueuedComment> reportedQueue(
            java.util.@Nullable Collection<Long> articleIds,
            @Nullable Instant beforeTime,
            @Nullable Long beforeId,
            int limit) {
        return enrich(desk.findQueue(
                CommentStatus.APPROVED, settings.reportThreshold(), articleIds, beforeTime, beforeId, limit));
    }

    public int reportedCount(java.util.@Nullable Collection<Long> articleIds) {
        return desk.countReported(settings.reportThreshold(), articleIds);
    }

    @Transactional
    public boolean report(long commentId, String clientAddress, String reason) {
        Optional<CommentRow> comment = comments.findApprovedById(commentId);
        if (comment.isEmpty() || articles.liveById(comment.get().articleId()).isEmpty()) {
            return false;
        }
        desk.report(commentId, addressHasher.hash(clientAddress), reason, clock.instant());
        return true;
    }

    public List<CommentRepository.Ban> activeBans() {
        return bans.findActiveBans(clock.instant());
    }

    @Transactional
    public void liftBan(Actor actor, long banId) {
        bans.liftBan(banId, clock.instant());
        events.publishEvent(new ModerationSettingsChanged(actor, "ban", banId, "Ban lifted"));
    }

    @Transactional
    public ModerationUndo moderate(
            Actor actor,
            List<Long> commentIds,
            ModerationAction action,
            @Nullable String reason,
            @Nullable Instant banUntil) {
        List<CommentRepository.ModerationState> before = new ArrayList<>();
        List<Long> banIds = new ArrayList<>();
        Instant now = clock.instant();
        for (long id : new LinkedHashSet<>(commentIds)) {
            Optional<CommentRepository.ModerationState> state = desk.findModerationState(id);
            if (state.isEmpty()) {
                continue;
            }
            before.add(state.get());
            switch (action) {
                case APPROVE -> {
                    boolean wasApproved = comments.findStatus(id).orElse(null) == CommentStatus.APPROVED;
                    desk.moderate(id, CommentStatus.APPROVED, actor.name(), null, now);
                    desk.clearReports(id);
                    if (!wasApproved) {
                        notifications.notifyParent(id);
                    }
                }
                case BAN -> {
                    banIds.add(bans.insertBan(
                            desk.emailOf(id),
                            desk.addressHashOf(id),
                            reason == null ? "Banned" : reason,
                            banUntil,
                            actor.name(),
                            now));
                    desk.moderate(id, CommentStatus.REJECTED, actor.name(), reason, now);
                }
                case REJECT -> desk.moderate(id, CommentStatus.REJECTED, actor.name(), reason, now);
                case SPAM -> desk.moderate(id, CommentStatus.SPAM, actor.name(), "spam", now);
                case FEATURE -> desk.setFeatured(id, true);
                case UNFEATURE -> desk.setFeatured(id, false);
            }
            String detail = reason == null ? "" : reason;
            if (action == ModerationAction.BAN) {
                detail = detail + (banUntil == null ? " (ban: for good)" : " (ban until " + banUntil + ")");
            }
            events.publishEvent(new CommentModerated(actor, action, id, detail));
        }
        return new ModerationUndo(
                List.copyOf(before),
                List.copyOf(banIds),
                before.stream()
                        .map(CommentRepository.ModerationState::authorName)
                        .toList());
    }

    @Transactional
    public void undo(Actor actor, ModerationUndo undo) {
        Instant now = clock.instant();
        for (CommentRepository.ModerationState state : undo.before()) {
            desk.restore(state, now);
            events.publishEvent(new CommentModerationUndone(
                    actor, state.id(), "back to " + state.status().dbValue() + (state.featured() ? ", featured" : "")));
        }
        for (long banId : undo.banIds()) {
            bans.liftBan(banId, now);
            events.publishEvent(new ModerationSettingsChanged(actor, "ban", banId, "Ban lifted (undo)"));
        }
    }

    @Transactional
    public void approve(long commentId) {
        comments.updateStatus(commentId, CommentStatus.APPROVED);
        comments.findArticleId(commentId)
                .ifPresent(article -> events.publishEvent(new CommentPublished(article, commentId)));
    }
}
