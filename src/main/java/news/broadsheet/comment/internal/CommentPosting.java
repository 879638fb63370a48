package news.broadsheet.comment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import news.broadsheet.article.ArticleNotFoundException;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.article.Articles;
import news.broadsheet.comment.CommentPublished;
import news.broadsheet.comment.CommentRefusedException;
import news.broadsheet.comment.CommentStatus;
import news.broadsheet.comment.ImportedComment;
import news.broadsheet.comment.PostComment;
import news.broadsheet.comment.PostedComment;
import news.broadsheet.shared.GroupCommit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores new comments, a reader's once the moderation rules have decided it or an imported one as
 * it was, for {@link news.broadsheet.comment.Comments} (which documents each method).
 */
@Component
public class CommentPosting {

    private final CommentRepository repository;
    private final Articles articles;
    private final ClientAddressHasher addressHasher;
    private final ModerationDecider decider;
    private final ModerationSettings moderationSettings;
    private final CommentNotifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final GroupCommit groupCommit;

    CommentPosting(
            CommentRepository repository,
            Articles articles,
            ClientAddressHasher addressHasher,
            ModerationDecider decider,
            ModerationSettings moderationSettings,
            CommentNotifications notifications,
            ApplicationEventPublisher events,
            Clock clock,
            GroupCommit groupCommit) {
        this.repository = repository;
        this.articles = articles;
        this.addressHasher = addressHasher;
        this.decider = decider;
        this.moderationSettings = moderationSettings;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
        this.groupCommit = groupCommit;
    }

    public PostedComment post(PostComment command) {
        ArticleSummary article = articles.liveById(command.articleId())
                .orElseThrow(() -> new ArticleNotFoundException("#" + command.articleId()));
        return post(article, command);
    }

    public PostedComment post(ArticleSummary article, PostComment command) {
        if (article.id() != command.articleId()) {
            throw new IllegalArgumentException(
                    "Comment for story " + command.articleId() + " posted with story " + article.id());
        }
        // Checked and decided before the write transaction (reads only), so that on SQLite, where
        // writers take turns, a comment holds the write lock only to store itself.
        Instant now = clock.instant();
        if (!moderationSettings.commentsOpen(article)) {
            throw new CommentRefusedException(
                    CommentRefusedException.Reason.COMMENTS_CLOSED, "Comments are closed on this story.");
        }
        if (command.parentId() != null
                && repository.findApproved(article.id(), command.parentId()).isEmpty()) {
            throw new CommentRefusedException(
                    CommentRefusedException.Reason.PARENT_UNAVAILABLE,
                    "The comment you are replying to is not available. Your comment can still be posted without it.");
        }
        String email = command.email() == null || command.email().isBlank()
                ? null
                // Kept as typed (a mail server may tell cases apart); matched without regard to case.
                : clean(command.email());
        String body = clean(command.body());
        String addressHash = addressHasher.hash(command.clientAddress());
        ModerationDecider.Decision decision;
        if (command.staffAccountId() != null) {
            // The newsroom speaks for itself: staff comments appear at once, with their badge.
            decision = new ModerationDecider.Decision(CommentStatus.APPROVED, List.of("staff"));
        } else if (command.botSign() != null) {
            // Kept for the desk's record, never shown; the sender is told it awaits review.
            decider.refuseFloodsAndRepeats(email, addressHash, body, now);
            decision = new ModerationDecider.Decision(CommentStatus.SPAM, List.of("bot: " + command.botSign()));
        } else {
            decision = decider.decide(article, clean(command.name()), email, addressHash, body, now);
        }
        PostedComment posted = groupCommit.write(() -> {
            if (command.staffAccountId() == null) {
                // Again in turn: a burst or a double submit that raced the checks above.
                decider.refuseFloodsAndRepeats(email, addressHash, body, now);
            }
            long id = repository.insert(
                    article.id(),
                    command.parentId(),
                    clean(command.name()),
                    email,
                    body,
                    decision.status(),
                    now,
                    addressHash,
                    decision.reasons(),
                    decision.spamScore());
            if (command.staffAccountId() != null) {
                repository.markStaff(id, command.staffAccountId());
            }
            if (command.notifyReplies() && email != null) {
                notifications.subscribeToReplies(id);
            }
            if (decision.status() == CommentStatus.APPROVED) {
                events.publishEvent(new CommentPublished(article.id(), id));
                notifications.notifyParent(id);
            } else if (decision.status() == CommentStatus.PENDING) {
                notifications.alertModerators();
            }
            return new PostedComment(id, decision.status(), decision.reasons());
        });
        return Objects.requireNonNull(posted);
    }

    @Transactional
    public long importComment(
            long articleId,
            @Nullable Long parentId,
            String name,
            @Nullable String email,
            String body,
            CommentStatus status,
            Instant postedAt) {
        return importComments(
                        List.of(new ImportedComment(articleId, parentId, name, email, body, status, postedAt, false)))
                .getFirst();
    }

    @Transactional
    public List<Long> importComments(List<ImportedComment> comments) {
        return repository.insertImported(comments, addressHasher.hash("imported"));
    }

    /** Drops control characters other than tab and line breaks: no database or page needs them. */
    private static String clean(String text) {
        return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "").strip();
    }
}
