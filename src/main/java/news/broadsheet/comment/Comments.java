package news.broadsheet.comment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.broadsheet.article.ArticleNotFoundException;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.article.Articles;
import news.broadsheet.comment.internal.ClientAddressHasher;
import news.broadsheet.comment.internal.CommentRepository;
import news.broadsheet.comment.internal.CommentRow;
import news.broadsheet.comment.internal.CommentText;
import news.broadsheet.comment.internal.ModerationDecider;
import news.broadsheet.comment.internal.ModerationRulesStore;
import news.broadsheet.mail.MailOutbox;
import news.broadsheet.shared.Actor;
import news.broadsheet.shared.DisplayTime;
import news.broadsheet.shared.GroupCommit;
import news.broadsheet.shared.Keyset;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Posting reader comments and reading approved threads. */
@Service
public class Comments {

    private static final java.security.SecureRandom TOKENS = new java.security.SecureRandom();

    private final CommentRepository repository;
    private final Articles articles;
    private final ClientAddressHasher addressHasher;
    private final ModerationDecider decider;
    private final ModerationRulesStore rulesStore;
    private final CommentSettings settings;
    private final MailOutbox outbox;
    private final news.broadsheet.account.Accounts accounts;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final SiteSettings site;
    private final Clock clock;
    private final GroupCommit groupCommit;

    Comments(
            CommentRepository repository,
            Articles articles,
            ClientAddressHasher addressHasher,
            ModerationDecider decider,
            ModerationRulesStore rulesStore,
            CommentSettings settings,
            MailOutbox outbox,
            news.broadsheet.account.Accounts accounts,
            org.springframework.context.ApplicationEventPublisher events,
            SiteSettings site,
            Clock clock,
            GroupCommit groupCommit) {
        this.repository = repository;
        this.articles = articles;
        this.addressHasher = addressHasher;
        this.decider = decider;
        this.rulesStore = rulesStore;
        this.settings = settings;
        this.outbox = outbox;
        this.accounts = accounts;
        this.events = events;
        this.site = site;
        this.clock = clock;
        this.groupCommit = groupCommit;
    }

    /**
     * Stores a comment on a live article: held for moderation or shown at once, as the moderation
     * policy says. Once this returns, the comment is committed to the database.
     *
     * @throws ArticleNotFoundException if the article is unknown or not live
     * @throws CommentRefusedException if comments are closed or the parent cannot be replied to
     */
    public PostedComment post(PostComment command) {
        ArticleSummary article = articles.liveById(command.articleId())
                .orElseThrow(() -> new ArticleNotFoundException("#" + command.articleId()));
        return post(article, command);
    }

    /**
     * As {@link #post(PostComment)}, for a caller that has just looked the live story up itself (the
     * comment form and the API do, to answer in its terms): loading it again cost a tenth of a post.
     *
     * @throws IllegalArgumentException if the command is for another story
     */
    public PostedComment post(ArticleSummary article, PostComment command) {
        if (article.id() != command.articleId()) {
            throw new IllegalArgumentException(
                    "Comment for story " + command.articleId() + " posted with story " + article.id());
        }
        // Checked and decided before the write transaction (reads only), so that on SQLite, where
        // writers take turns, a comment holds the write lock only to store itself.
        Instant now = clock.instant();
        if (!commentsOpen(article)) {
            throw new CommentRefusedException(
                    CommentRefusedException.Reason.COMMENTS_CLOSED, "Comments are closed on this story.");
        }
        if (command.parentId() != null
                && replyTarget(article.id(), command.parentId()).isEmpty()) {
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
                byte[] token = new byte[24];
                TOKENS.nextBytes(token);
                repository.enableReplyNotifications(id, java.util.HexFormat.of().formatHex(token));
            }
            if (decision.status() == CommentStatus.APPROVED) {
                events.publishEvent(new CommentPublished(article.id(), id));
                notifyParent(id);
            } else if (decision.status() == CommentStatus.PENDING) {
                alertModerators();
            }
            return new PostedComment(id, decision.status(), decision.reasons());
        });
        return java.util.Objects.requireNonNull(posted);
    }

    /** The story a comment belongs to, if the comment exists (in any status). */
    public Optional<Long> articleOf(long commentId) {
        return repository.findArticleId(commentId);
    }

    /** The moderation policy in force for the story: its own, its section's, or the site's. */
    public ModerationPolicy moderationPolicy(ArticleSummary article) {
        return decider.policy(article);
    }

    /** Whether readers may comment on the story now: not closed by hand, and not closed by its age. */
    public boolean commentsOpen(ArticleSummary article) {
        return article.commentsOpen() && !decider.closedByAge(article, clock.instant());
    }

    /** Queues an e-mail to the author of the comment this approved reply answers, if they asked for one. */
    private void notifyParent(long replyId) {
        repository
                .findReplyNotice(replyId)
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
    private void alertModerators() {
        // Counting stops at the threshold: the write path never walks a long queue, let alone the table.
        if (repository.countPendingUpTo(settings.pendingAlertThreshold()) < settings.pendingAlertThreshold()
                || outbox.queuedSince("pending-alert", java.time.Duration.ofHours(1))) {
            return;
        }
        int pending = repository.countPending();
        for (var account : accounts.all()) {
            boolean moderates = account.role() != news.broadsheet.account.Role.REPORTER;
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

    /** Whether this is the token of a comment's reply notifications (the link in every notification). */
    public boolean isUnsubscribeToken(String token) {
        return token.matches("[0-9a-f]{48}") && repository.hasUnsubscribeToken(token);
    }

    /** Ends reply notifications for whoever holds this token; false if no comment has it. */
    @Transactional
    public boolean unsubscribe(String token) {
        return token.matches("[0-9a-f]{48}") && repository.unsubscribe(token);
    }

    /** Drops control characters other than tab and line breaks: no database or page needs them. */
    private static String clean(String text) {
        return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "").strip();
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

    /**
     * Stores comments written elsewhere, as {@link #importComment} does, in one batch: a reply's
     * parent must be stored already (in an earlier call).
     *
     * @return the new comments' ids, in the order given
     */
    @Transactional
    public List<Long> importComments(List<ImportedComment> comments) {
        return repository.insertImported(comments, addressHasher.hash("imported"));
    }

    /** One page of a moderation queue, newest first, with each commenter's record. */
    public List<QueuedComment> queue(
            CommentStatus status,
            java.util.@Nullable Collection<Long> articleIds,
            @Nullable Instant beforeTime,
            @Nullable Long beforeId,
            int limit) {
        return enrich(repository.findQueue(status, articleIds, beforeTime, beforeId, limit));
    }

    private List<QueuedComment> enrich(List<QueuedComment> found) {
        // One history lookup per commenter on the page, not per comment: a flood comes from one source.
        Map<String, CommentRepository.History> histories = new java.util.HashMap<>();
        Map<Long, Map<String, Integer>> reports =
                repository.reportReasons(found.stream().map(QueuedComment::id).toList());
        return found.stream()
                .map(c -> {
                    String address = repository.addressHashOf(c.id());
                    // Keyed on the email when there is one, else on the address: never a mix of both.
                    var history = histories.computeIfAbsent(
                            c.email() != null
                                    ? "email:" + c.email().toLowerCase(java.util.Locale.ROOT)
                                    : "address:" + address,
                            key -> repository.history(c.email(), address));
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

    /** How many comments wait in the pending queue. */
    public int pendingCount() {
        return repository.countPending();
    }

    public Map<CommentStatus, Integer> queueCounts(java.util.@Nullable Collection<Long> articleIds) {
        return repository.countByStatus(articleIds);
    }

    /** Approved comments readers reported at least as often as the threshold, newest first. */
    public List<QueuedComment> reportedQueue(
            java.util.@Nullable Collection<Long> articleIds,
            @Nullable Instant beforeTime,
            @Nullable Long beforeId,
            int limit) {
        return enrich(repository.findQueue(
                CommentStatus.APPROVED, settings.reportThreshold(), articleIds, beforeTime, beforeId, limit));
    }

    public int reportedCount(java.util.@Nullable Collection<Long> articleIds) {
        return repository.countReported(settings.reportThreshold(), articleIds);
    }

    /**
     * A reader reports an approved comment on a live story; each reader (by client address) counts
     * once per comment.
     *
     * @return false when the comment is not there to report
     */
    @Transactional
    public boolean report(long commentId, String clientAddress, String reason) {
        Optional<CommentRow> comment = repository.findApprovedById(commentId);
        if (comment.isEmpty() || articles.liveById(comment.get().articleId()).isEmpty()) {
            return false;
        }
        repository.report(commentId, addressHasher.hash(clientAddress), reason, clock.instant());
        return true;
    }

    /** The story an approved comment belongs to. */
    public Optional<Long> articleOfApproved(long commentId) {
        return repository.findApprovedById(commentId).map(CommentRow::articleId);
    }

    public List<CommentRepository.Ban> activeBans() {
        return repository.findActiveBans(clock.instant());
    }

    @Transactional
    public void liftBan(Actor actor, long banId) {
        repository.liftBan(banId, clock.instant());
        events.publishEvent(new ModerationSettingsChanged(actor, "ban", banId, "Ban lifted"));
    }

    /**
     * Acts on comments from the desk; each action is recorded in the audit log, in the same
     * transaction.
     *
     * @param reason why a comment was rejected (shown to moderators, recorded in the log)
     */
    @Transactional
    public int moderate(Actor actor, List<Long> commentIds, ModerationAction action, @Nullable String reason) {
        return moderate(actor, commentIds, action, reason, null).count();
    }

    /**
     * @param banUntil for {@link ModerationAction#BAN}: when the ban ends, or null for good
     * @return what the action changed, to undo it with {@link #undo}
     */
    @Transactional
    public ModerationUndo moderate(
            Actor actor,
            List<Long> commentIds,
            ModerationAction action,
            @Nullable String reason,
            @Nullable Instant banUntil) {
        List<CommentRepository.ModerationState> before = new ArrayList<>();
        List<Long> bans = new ArrayList<>();
        Instant now = clock.instant();
        for (long id : new java.util.LinkedHashSet<>(commentIds)) {
            Optional<CommentRepository.ModerationState> state = repository.findModerationState(id);
            if (state.isEmpty()) {
                continue;
            }
            before.add(state.get());
            switch (action) {
                case APPROVE -> {
                    boolean wasApproved = repository.findStatus(id).orElse(null) == CommentStatus.APPROVED;
                    repository.moderate(id, CommentStatus.APPROVED, actor.name(), null, now);
                    repository.clearReports(id);
                    if (!wasApproved) {
                        notifyParent(id);
                    }
                }
                case BAN -> {
                    bans.add(repository.insertBan(
                            repository.emailOf(id),
                            repository.addressHashOf(id),
                            reason == null ? "Banned" : reason,
                            banUntil,
                            actor.name(),
                            now));
                    repository.moderate(id, CommentStatus.REJECTED, actor.name(), reason, now);
                }
                case REJECT -> repository.moderate(id, CommentStatus.REJECTED, actor.name(), reason, now);
                case SPAM -> repository.moderate(id, CommentStatus.SPAM, actor.name(), "spam", now);
                case FEATURE -> repository.setFeatured(id, true);
                case UNFEATURE -> repository.setFeatured(id, false);
            }
            String detail = reason == null ? "" : reason;
            if (action == ModerationAction.BAN) {
                detail = detail + (banUntil == null ? " (ban: for good)" : " (ban until " + banUntil + ")");
            }
            events.publishEvent(new CommentModerated(actor, action, id, detail));
        }
        return new ModerationUndo(
                List.copyOf(before),
                List.copyOf(bans),
                before.stream()
                        .map(CommentRepository.ModerationState::authorName)
                        .toList());
    }

    /**
     * Puts the comments back as they were before a desk action (status, featured, rejection
     * reason, readers' reports) and lifts the bans it made. An e-mail the action queued (a reply
     * notification) is not called back.
     */
    @Transactional
    public void undo(Actor actor, ModerationUndo undo) {
        Instant now = clock.instant();
        for (CommentRepository.ModerationState state : undo.before()) {
            repository.restore(state, now);
            events.publishEvent(new CommentModerationUndone(
                    actor, state.id(), "back to " + state.status().dbValue() + (state.featured() ? ", featured" : "")));
        }
        for (long banId : undo.banIds()) {
            repository.liftBan(banId, now);
            events.publishEvent(new ModerationSettingsChanged(actor, "ban", banId, "Ban lifted (undo)"));
        }
    }

    public ModerationRules rules() {
        return rulesStore.current();
    }

    @Transactional
    public void saveRules(Actor actor, ModerationRules rules) {
        rulesStore.save(rules);
        events.publishEvent(new ModerationSettingsChanged(
                actor,
                "rules",
                null,
                rules.bannedWords().size() + " banned and "
                        + rules.suspectWords().size() + " suspect words; links "
                        + rules.maxLinks() + ", flood " + rules.floodPerMinute() + "/min, repeat window "
                        + rules.repeatWindowMinutes() + " min"));
    }

    /** A section's or story's override, or empty when it inherits everything. */
    public Optional<PolicyOverride> policyOverride(String scope, long id) {
        return repository
                .policy(scope, id)
                .map(p -> new PolicyOverride(ModerationPolicy.parse(p.moderation()), p.closeAfterDays()));
    }

    /**
     * Sets (or with nulls, removes) the policy override of a section or a story.
     *
     * @param scope {@code section} or {@code article}
     */
    @Transactional
    public void setPolicy(
            Actor actor, String scope, long id, @Nullable ModerationPolicy policy, @Nullable Integer closeAfterDays) {
        repository.savePolicy(scope, id, policy == null ? null : policy.value(), closeAfterDays);
        events.publishEvent(new ModerationSettingsChanged(
                actor,
                scope,
                id,
                "policy " + (policy == null ? "inherited" : policy.value()) + ", closes after "
                        + (closeAfterDays == null ? "inherited" : closeAfterDays + " days")));
    }

    /**
     * For the feed module: the newest comments readers can see on an article, newest first (the
     * same comments the article page shows). The caller checks that the article is live.
     */
    /** When a moderator last decided on a comment of this article (a comment taken down leaves no other trace). */
    public Optional<Instant> lastModeration(long articleId) {
        return repository.findLastModeration(articleId);
    }

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
    @Transactional
    public void approve(long commentId) {
        repository.updateStatus(commentId, CommentStatus.APPROVED);
        articleOf(commentId).ifPresent(article -> events.publishEvent(new CommentPublished(article, commentId)));
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
