package news.broadsheet.comment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.broadsheet.article.ArticleNotFoundException;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.comment.internal.CommentNotifications;
import news.broadsheet.comment.internal.CommentPosting;
import news.broadsheet.comment.internal.CommentRepository;
import news.broadsheet.comment.internal.CommentRow;
import news.broadsheet.comment.internal.CommentText;
import news.broadsheet.comment.internal.ModerationDesk;
import news.broadsheet.comment.internal.ModerationSettings;
import news.broadsheet.shared.Actor;
import news.broadsheet.shared.DisplayTime;
import news.broadsheet.shared.Keyset;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Posting reader comments and reading approved threads: the comment module's public face, which
 * reads threads itself and hands posting, the desk, the moderation settings and notifications to
 * their own classes in {@code internal}.
 */
@Service
public class Comments {

    private final CommentRepository repository;
    private final CommentPosting posting;
    private final ModerationDesk desk;
    private final ModerationSettings moderationSettings;
    private final CommentNotifications notifications;
    private final SiteSettings site;

    Comments(
            CommentRepository repository,
            CommentPosting posting,
            ModerationDesk desk,
            ModerationSettings moderationSettings,
            CommentNotifications notifications,
            SiteSettings site) {
        this.repository = repository;
        this.posting = posting;
        this.desk = desk;
        this.moderationSettings = moderationSettings;
        this.notifications = notifications;
        this.site = site;
    }

    /**
     * Stores a comment on a live article: held for moderation or shown at once, as the moderation
     * policy says. Once this returns, the comment is committed to the database.
     *
     * @throws ArticleNotFoundException if the article is unknown or not live
     * @throws CommentRefusedException if comments are closed or the parent cannot be replied to
     */
    public PostedComment post(PostComment command) {
        return posting.post(command);
    }

    /**
     * As {@link #post(PostComment)}, for a caller that has just looked the live story up itself (the
     * comment form and the API do, to answer in its terms): loading it again cost a tenth of a post.
     *
     * @throws IllegalArgumentException if the command is for another story
     */
    public PostedComment post(ArticleSummary article, PostComment command) {
        return posting.post(article, command);
    }

    /** The story a comment belongs to, if the comment exists (in any status). */
    public Optional<Long> articleOf(long commentId) {
        return repository.findArticleId(commentId);
    }

    /** The moderation policy in force for the story: its own, its section's, or the site's. */
    public ModerationPolicy moderationPolicy(ArticleSummary article) {
        return moderationSettings.moderationPolicy(article);
    }

    /** Whether readers may comment on the story now: not closed by hand, and not closed by its age. */
    public boolean commentsOpen(ArticleSummary article) {
        return moderationSettings.commentsOpen(article);
    }

    /** Whether this is the token of a comment's reply notifications (the link in every notification). */
    public boolean isUnsubscribeToken(String token) {
        return notifications.isUnsubscribeToken(token);
    }

    /** Ends reply notifications for whoever holds this token; false if no comment has it. */
    public boolean unsubscribe(String token) {
        return notifications.unsubscribe(token);
    }

    /** The approved comment a reader may reply to on this article, if there is one. */
    public Optional<CommentView> replyTarget(long articleId, long commentId) {
        return repository
                .findApproved(articleId, commentId)
                .map(row -> new CommentView(
                        row.id(),
                        row.authorName(),
                        CommentText.toHtml(row.body()),
                        time(row),
                        List.of(),
                        null,
                        null,
                        row.featured(),
                        row.staff(),
                        row.body()));
    }

    /**
     * The article's approved comments, oldest first, with replies under their parents down to
     * {@link CommentThread#MAX_DEPTH} levels; deeper replies are listed in order at the last level,
     * each naming the comment it answers. A reply whose parent is not approved is left out with
     * it: without its parent it has no context.
     */
    public CommentThread thread(long articleId) {
        return thread(articleId, null);
    }

    /**
     * A page of the thread: on the first page the featured comments, then the first {@link
     * CommentThread#PAGE_SIZE} others; later pages continue after the token. Only the comments on
     * the page, and their replies, are loaded.
     */
    public CommentThread thread(long articleId, @Nullable String pageToken) {
        Keyset position = pageToken == null ? null : Keyset.parse(pageToken).orElse(null);
        Instant afterTime = position == null ? null : position.time();
        Long afterId = position == null ? null : position.id();
        List<CommentRow> roots = new ArrayList<>();
        if (afterTime == null) {
            roots.addAll(repository.findApprovedRoots(articleId, true, null, null, CommentThread.PAGE_SIZE));
        }
        List<CommentRow> others =
                repository.findApprovedRoots(articleId, false, afterTime, afterId, CommentThread.PAGE_SIZE + 1);
        boolean more = others.size() > CommentThread.PAGE_SIZE;
        List<CommentRow> page = more ? others.subList(0, CommentThread.PAGE_SIZE) : others;
        roots.addAll(page);
        Map<Long, List<CommentRow>> repliesByParent = new LinkedHashMap<>();
        for (CommentRow reply : repository.findApprovedReplies(
                roots.stream().map(CommentRow::id).toList())) {
            repliesByParent
                    .computeIfAbsent(reply.parentId(), k -> new ArrayList<>())
                    .add(reply);
        }
        int[] shown = {0};
        List<CommentView> comments = roots.stream()
                .map(row -> view(row, null, 1, repliesByParent, shown))
                .toList();
        String next =
                more ? new Keyset(page.getLast().createdAt(), page.getLast().id()).token() : null;
        return new CommentThread(comments, repository.countVisible(articleId), next);
    }

    /**
     * Stores a comment written elsewhere (demo content, an import) with its original time and
     * status, bypassing the reader-facing checks.
     */
    public long importComment(
            long articleId,
            @Nullable Long parentId,
            String name,
            @Nullable String email,
            String body,
            CommentStatus status,
            Instant postedAt) {
        return posting.importComment(articleId, parentId, name, email, body, status, postedAt);
    }

    /**
     * Stores comments written elsewhere, as {@link #importComment} does, in one batch: a reply's
     * parent must be stored already (in an earlier call).
     *
     * @return the new comments' ids, in the order given
     */
    public List<Long> importComments(List<ImportedComment> comments) {
        return posting.importComments(comments);
    }

    /** One page of a moderation queue, newest first, with each commenter's record. */
    public List<QueuedComment> queue(
            CommentStatus status,
            java.util.@Nullable Collection<Long> articleIds,
            @Nullable Instant beforeTime,
            @Nullable Long beforeId,
            int limit) {
        return desk.queue(status, articleIds, beforeTime, beforeId, limit);
    }

    /** How many comments wait in the pending queue. */
    public int pendingCount() {
        return desk.pendingCount();
    }

    public Map<CommentStatus, Integer> queueCounts(java.util.@Nullable Collection<Long> articleIds) {
        return desk.queueCounts(articleIds);
    }

    /** Approved comments readers reported at least as often as the threshold, newest first. */
    public List<QueuedComment> reportedQueue(
            java.util.@Nullable Collection<Long> articleIds,
            @Nullable Instant beforeTime,
            @Nullable Long beforeId,
            int limit) {
        return desk.reportedQueue(articleIds, beforeTime, beforeId, limit);
    }

    public int reportedCount(java.util.@Nullable Collection<Long> articleIds) {
        return desk.reportedCount(articleIds);
    }

    /**
     * A reader reports an approved comment on a live story; each reader (by client address) counts
     * once per comment.
     *
     * @return false when the comment is not there to report
     */
    public boolean report(long commentId, String clientAddress, String reason) {
        return desk.report(commentId, clientAddress, reason);
    }

    /** The story an approved comment belongs to. */
    public Optional<Long> articleOfApproved(long commentId) {
        return repository.findApprovedById(commentId).map(CommentRow::articleId);
    }

    public List<CommentRepository.Ban> activeBans() {
        return desk.activeBans();
    }

    public void liftBan(Actor actor, long banId) {
        desk.liftBan(actor, banId);
    }

    /**
     * Acts on comments from the desk; each action is recorded in the audit log, in the same
     * transaction.
     *
     * @param reason why a comment was rejected (shown to moderators, recorded in the log)
     */
    public int moderate(Actor actor, List<Long> commentIds, ModerationAction action, @Nullable String reason) {
        return desk.moderate(actor, commentIds, action, reason, null).count();
    }

    /**
     * @param banUntil for {@link ModerationAction#BAN}: when the ban ends, or null for good
     * @return what the action changed, to undo it with {@link #undo}
     */
    public ModerationUndo moderate(
            Actor actor,
            List<Long> commentIds,
            ModerationAction action,
            @Nullable String reason,
            @Nullable Instant banUntil) {
        return desk.moderate(actor, commentIds, action, reason, banUntil);
    }

    /**
     * Puts the comments back as they were before a desk action (status, featured, rejection
     * reason, readers' reports) and lifts the bans it made. An e-mail the action queued (a reply
     * notification) is not called back.
     */
    public void undo(Actor actor, ModerationUndo undo) {
        desk.undo(actor, undo);
    }

    public ModerationRules rules() {
        return moderationSettings.rules();
    }

    public void saveRules(Actor actor, ModerationRules rules) {
        moderationSettings.saveRules(actor, rules);
    }

    /** A section's or story's override, or empty when it inherits everything. */
    public Optional<PolicyOverride> policyOverride(String scope, long id) {
        return moderationSettings.policyOverride(scope, id);
    }

    /**
     * Sets (or with nulls, removes) the policy override of a section or a story.
     *
     * @param scope {@code section} or {@code article}
     */
    public void setPolicy(
            Actor actor, String scope, long id, @Nullable ModerationPolicy policy, @Nullable Integer closeAfterDays) {
        moderationSettings.setPolicy(actor, scope, id, policy, closeAfterDays);
    }

    /** When a moderator last decided on a comment of this article (a comment taken down leaves no other trace). */
    public Optional<Instant> lastModeration(long articleId) {
        return repository.findLastModeration(articleId);
    }

    /**
     * For the feed module: the newest comments readers can see on an article, newest first (the
     * same comments the article page shows). The caller checks that the article is live.
     */
    public List<ApprovedComment> newestApproved(long articleId, int limit) {
        return repository.findVisibleNewestFirst(articleId, limit).stream()
                .map(row -> new ApprovedComment(
                        row.id(),
                        row.articleId(),
                        row.authorName(),
                        row.body(),
                        CommentText.toHtml(row.body()),
                        row.createdAt()))
                .toList();
    }

    /** Approves a comment. Until the moderation desk exists this is for tests and demo content. */
    public void approve(long commentId) {
        desk.approve(commentId);
    }

    /**
     * Those of these comments that are still stored: an importer running an export again must not
     * hang replies on a comment erased at its writer's request since.
     */
    public java.util.Set<Long> stillStored(java.util.Collection<Long> commentIds) {
        return commentIds.isEmpty() ? java.util.Set.of() : repository.findStored(commentIds);
    }

    public Optional<CommentStatus> status(long commentId) {
        return repository.findStatus(commentId);
    }

    /** Recurses at most {@link CommentThread#MAX_DEPTH} levels, however deep readers reply. */
    private CommentView view(
            CommentRow row,
            @Nullable CommentRow parent,
            int depth,
            Map<Long, List<CommentRow>> repliesByParent,
            int[] shown) {
        shown[0]++;
        List<CommentView> replies;
        if (depth < CommentThread.MAX_DEPTH) {
            replies = repliesByParent.getOrDefault(row.id(), List.of()).stream()
                    .map(reply -> view(reply, row, depth + 1, repliesByParent, shown))
                    .toList();
        } else {
            replies = flattenedDescendants(row, repliesByParent, shown);
        }
        return new CommentView(
                row.id(),
                row.authorName(),
                CommentText.toHtml(row.body()),
                time(row),
                replies,
                depth > CommentThread.MAX_DEPTH && parent != null ? parent.authorName() : null,
                depth > CommentThread.MAX_DEPTH && parent != null ? parent.id() : null,
                row.featured(),
                row.staff(),
                row.body());
    }

    /** Every reply below a comment at the deepest level, oldest first, walked without recursion. */
    private List<CommentView> flattenedDescendants(
            CommentRow top, Map<Long, List<CommentRow>> repliesByParent, int[] shown) {
        List<CommentRow[]> found = new ArrayList<>();
        java.util.ArrayDeque<CommentRow> pending = new java.util.ArrayDeque<>(List.of(top));
        while (!pending.isEmpty()) {
            CommentRow parent = pending.pop();
            for (CommentRow reply : repliesByParent.getOrDefault(parent.id(), List.of())) {
                found.add(new CommentRow[] {reply, parent});
                pending.push(reply);
            }
        }
        found.sort(java.util.Comparator.comparing((CommentRow[] pair) -> pair[0].createdAt())
                .thenComparingLong(pair -> pair[0].id()));
        List<CommentView> views = new ArrayList<>(found.size());
        for (CommentRow[] pair : found) {
            views.add(view(pair[0], pair[1], CommentThread.MAX_DEPTH + 1, Map.of(), shown));
        }
        return views;
    }

    private DisplayTime time(CommentRow row) {
        return DisplayTime.of(row.createdAt(), site.timeZone());
    }
}
