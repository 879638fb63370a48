package news.broadsheet.comment.internal;

import java.security.SecureRandom;
import news.broadsheet.account.Accounts;
import news.broadsheet.account.Role;
import news.broadsheet.article.Articles;
import news.broadsheet.comment.CommentSettings;
import news.broadsheet.mail.MailOutbox;
import news.broadsheet.shared.SiteSettings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The e-mails comments give rise to, for {@link news.broadsheet.comment.Comments} (which documents
 * each method): a reply to the author of the comment it answers until they unsubscribe, and an alert
 * to the moderators while the pending queue is long.
 */
@Component
public class CommentNotifications {

    private static final SecureRandom TOKENS = new SecureRandom();

    private final ReplyNotificationRepository replies;
    private final ModerationDeskRepository desk;
    private final Articles articles;
    private final MailOutbox outbox;
    private final Accounts accounts;
    private final CommentSettings settings;
    private final SiteSettings site;

    CommentNotifications(
            ReplyNotificationRepository replies,
            ModerationDeskRepository desk,
            Articles articles,
            MailOutbox outbox,
            Accounts accounts,
            CommentSettings settings,
            SiteSettings site) {
        this.replies = replies;
        this.desk = desk;
        this.articles = articles;
        this.outbox = outbox;
        this.accounts = accounts;
        this.settings = settings;
        this.site = site;
    }

    /** Sends the comment's author an e-mail about each reply approved under it, until they unsubscribe. */
    public void subscribeToReplies(long commentId) {
        byte[] token = new byte[24];
        TOKENS.nextBytes(token);
        replies.enableReplyNotifications(commentId, java.util.HexFormat.of().formatHex(token));
    }

    /** Queues an e-mail to the author of the comment this approved reply answers, if they asked for one. */
    public void notifyParent(long replyId) {
        replies.findReplyNotice(replyId)
                .ifPresent(notice -> articles.liveById(notice.articleId()).ifPresent(article -> {
                    String excerpt = notice.replyBody().length() > 300
                            ? notice.replyBody().substring(0, 300) + "…"
                            : notice.replyBody();
                    String unsubscribe = site.baseUrl() + "/comments/unsubscribe?token=" + notice.parentToken();
                    outbox.queueUnsubscribable(
                            "reply",
                            notice.parentEmail(),
                            "New reply to your comment on \"" + article.headline() + "\"",
                            notice.replyAuthor() + " replied to your comment on " + site.name() + ":\n\n" + excerpt
                                    + "\n\nRead it: " + site.baseUrl() + article.url() + "#comment-" + replyId
                                    + "\n\nStop these e-mails: " + unsubscribe + "\n",
                            unsubscribe);
                }));
    }

    /** Tells the moderators once an hour at most while the pending queue is longer than the threshold. */
    public void alertModerators() {
        // Counting stops at the threshold: the write path never walks a long queue, let alone the table.
        if (desk.countPendingUpTo(settings.pendingAlertThreshold()) < settings.pendingAlertThreshold()
                || outbox.queuedSince("pending-alert", java.time.Duration.ofHours(1))) {
            return;
        }
        int pending = desk.countPending();
        for (var account : accounts.all()) {
            boolean moderates = account.role() != Role.REPORTER;
            if (account.enabled() && moderates) {
                outbox.queue(
                        "pending-alert",
                        account.email(),
                        pending + " comments are waiting for moderation",
                        pending + " comments are waiting in the pending queue of " + site.name() + ".\n\n"
                                + site.baseUrl() + "/admin/comments?queue=pending\n");
            }
        }
    }

    public boolean isUnsubscribeToken(String token) {
        return token.matches("[0-9a-f]{48}") && replies.hasUnsubscribeToken(token);
    }

    @Transactional
    public boolean unsubscribe(String token) {
        return token.matches("[0-9a-f]{48}") && replies.unsubscribe(token);
    }
}
