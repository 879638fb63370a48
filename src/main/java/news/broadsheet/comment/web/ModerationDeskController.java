package news.broadsheet.comment.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import news.broadsheet.account.StaffPrincipal;
import news.broadsheet.article.Articles;
import news.broadsheet.comment.CommentStatus;
import news.broadsheet.comment.Comments;
import news.broadsheet.comment.ModerationAction;
import news.broadsheet.comment.QueuedComment;
import news.broadsheet.comment.internal.CommentText;
import news.broadsheet.section.Section;
import news.broadsheet.section.Sections;
import news.broadsheet.shared.DisplayTime;
import news.broadsheet.shared.Keyset;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The moderation desk at {@code /admin/comments}: queues by status with counts, filters by section
 * and article, newest first with keyset paging, and actions on one comment or many at once.
 */
@Controller
class ModerationDeskController {

    static final int PAGE_SIZE = 50;
    static final List<String> REJECTION_REASONS = List.of(
            "Off-topic", "Abusive or hateful", "Personal attack", "Spam or advertising", "Misinformation", "Other");
    private static final List<CommentStatus> QUEUES =
            List.of(CommentStatus.PENDING, CommentStatus.APPROVED, CommentStatus.REJECTED, CommentStatus.SPAM);

    private final Comments comments;
    private final Articles articles;
    private final Sections sections;
    private final SiteSettings site;
    private final Clock clock;

    ModerationDeskController(Comments comments, Articles articles, Sections sections, SiteSettings site, Clock clock) {
        this.comments = comments;
        this.articles = articles;
        this.sections = sections;
        this.site = site;
        this.clock = clock;
    }

    @GetMapping("/admin/comments")
    String desk(
            @RequestParam(defaultValue = "pending") String queue,
            @RequestParam(defaultValue = "") String section,
            @RequestParam(defaultValue = "") String article,
            @RequestParam(defaultValue = "") String before,
            @RequestParam(required = false) @Nullable String done,
            Model model) {
        boolean reported = queue.equals("reported");
        CommentStatus status = reported
                ? CommentStatus.APPROVED
                : QUEUES.stream()
                        .filter(q -> q.dbValue().equals(queue))
                        .findFirst()
                        .orElse(CommentStatus.PENDING);
        String queueName = reported ? "reported" : status.dbValue();
        Section sectionFilter = section.matches("\\d{1,18}")
                ? sections.byId(Long.parseLong(section)).orElse(null)
                : null;
        Collection<Long> articleIds = null;
        if (article.matches("\\d{1,18}")) {
            articleIds = List.of(Long.parseLong(article));
        } else if (sectionFilter != null) {
            articleIds = articles.idsInSection(sectionFilter);
        }
        Keyset position = Keyset.parse(before).orElse(null);
        Instant beforeTime = position == null ? null : position.time();
        Long beforeId = position == null ? null : position.id();
        List<QueuedComment> found = reported
                ? comments.reportedQueue(articleIds, beforeTime, beforeId, PAGE_SIZE + 1)
                : comments.queue(status, articleIds, beforeTime, beforeId, PAGE_SIZE + 1);
        boolean more = found.size() > PAGE_SIZE;
        List<QueuedComment> shown = more ? found.subList(0, PAGE_SIZE) : found;
        Map<Long, String> headlines =
                articles.headlines(shown.stream().map(QueuedComment::articleId).toList());
        List<DeskPage.Row> rows = shown.stream()
                .map(c -> new DeskPage.Row(
                        c.id(),
                        c.authorName(),
                        c.email(),
                        CommentText.toHtml(c.body()),
                        DisplayTime.of(c.postedAt(), site.timeZone()),
                        headlines.getOrDefault(c.articleId(), "#" + c.articleId()),
                        "/admin/articles/" + c.articleId() + "/edit",
                        c.parentExcerpt(),
                        c.approvedBefore(),
                        c.rejectedBefore(),
                        c.reasons(),
                        c.featured(),
                        c.rejectionReason()))
                .toList();
        Map<CommentStatus, Integer> counts = comments.queueCounts(articleIds);
        List<DeskPage.Tab> tabs = new ArrayList<>();
        for (CommentStatus q : QUEUES) {
            tabs.add(new DeskPage.Tab(
                    q.dbValue(),
                    label(q),
                    counts.getOrDefault(q, 0),
                    url(q.dbValue(), section, article, null),
                    !reported && q == status));
            if (q == CommentStatus.PENDING) {
                tabs.add(new DeskPage.Tab(
                        "reported",
                        "Reported",
                        comments.reportedCount(articleIds),
                        url("reported", section, article, null),
                        reported));
            }
        }
        List<DeskPage.Option> sectionOptions = sections.all().stream()
                .map(s -> new DeskPage.Option(
                        s.id(), "/" + s.path(), sectionFilter != null && sectionFilter.id() == s.id()))
                .toList();
        String older = more
                ? url(
                        queueName,
                        section,
                        article,
                        new Keyset(shown.getLast().postedAt(), shown.getLast().id()).token())
                : null;
        model.addAttribute(
                "page",
                new DeskPage(
                        tabs,
                        queueName,
                        sectionOptions,
                        article.matches("\\d{1,18}") ? article : "",
                        rows,
                        REJECTION_REASONS,
                        older,
                        done != null && done.matches("\\d{1,4}") ? done + " comment(s) updated." : null,
                        url(queueName, section, article, null)));
        return "admin/comment/desk";
    }

    /**
     * One form serves single and bulk actions: a row's own button sends {@code single=<id>:<action>};
     * the bulk bar sends the ticked {@code ids} and an {@code action}.
     */
    @PostMapping("/admin/comments/moderate")
    String moderate(
            @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(required = false) @Nullable List<String> ids,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String single,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "0") String banDays,
            @RequestParam(defaultValue = "/admin/comments") String returnTo) {
        List<Long> targets = new ArrayList<>();
        String chosen = action;
        if (single.matches("\\d{1,18}:[a-z]+")) {
            targets.add(Long.parseLong(single.substring(0, single.indexOf(':'))));
            chosen = single.substring(single.indexOf(':') + 1);
        } else if (ids != null) {
            ids.stream()
                    .filter(id -> id.matches("\\d{1,18}"))
                    .map(Long::valueOf)
                    .forEach(targets::add);
        }
        ModerationAction moderation = ModerationAction.parse(chosen);
        boolean needsReason = moderation == ModerationAction.REJECT || moderation == ModerationAction.BAN;
        String why = REJECTION_REASONS.contains(reason) ? reason : needsReason ? "Other" : null;
        Instant banUntil = banDays.matches("[1-9]\\d{0,3}")
                ? clock.instant().plus(Duration.ofDays(Long.parseLong(banDays)))
                : null;
        int done = moderation == null || targets.isEmpty()
                ? 0
                : comments.moderate(staff.actor(), targets, moderation, why, banUntil);
        // Only return to desk pages: the address comes from our own form, but never trust it blindly.
        String back =
                returnTo.startsWith("/admin/comments") && !returnTo.startsWith("//") ? returnTo : "/admin/comments";
        return "redirect:"
                + UriComponentsBuilder.fromUriString(back)
                        .replaceQueryParam("done", done)
                        .build()
                        .toUriString();
    }

    private static String url(String queue, String section, String article, @Nullable String before) {
        UriComponentsBuilder url =
                UriComponentsBuilder.fromPath("/admin/comments").queryParam("queue", queue);
        if (!section.isEmpty()) {
            url.queryParam("section", section);
        }
        if (!article.isEmpty()) {
            url.queryParam("article", article);
        }
        if (before != null) {
            url.queryParam("before", before);
        }
        return url.encode().build().toUriString();
    }

    private static String label(CommentStatus status) {
        return switch (status) {
            case PENDING -> "Pending";
            case APPROVED -> "Approved";
            case REJECTED -> "Rejected";
            case SPAM -> "Spam";
        };
    }
}
