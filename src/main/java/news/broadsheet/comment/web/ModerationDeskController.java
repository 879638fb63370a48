package news.broadsheet.comment.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.broadsheet.account.Role;
import news.broadsheet.account.StaffPrincipal;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.article.Articles;
import news.broadsheet.comment.CommentStatus;
import news.broadsheet.comment.Comments;
import news.broadsheet.comment.ModerationAction;
import news.broadsheet.comment.ModerationUndo;
import news.broadsheet.comment.QueuedComment;
import news.broadsheet.comment.internal.CommentText;
import news.broadsheet.comment.internal.RuleHits;
import news.broadsheet.comment.internal.spam.SpamFilter;
import news.broadsheet.section.Section;
import news.broadsheet.section.Sections;
import news.broadsheet.shared.DisplayTime;
import news.broadsheet.shared.Keyset;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The moderation desk at {@code /admin/comments}: queues by status with counts, filters by section
 * and article, newest first with keyset paging, and actions on one comment or many at once, each
 * answered with a sentence saying what was done and an Undo.
 */
@Controller
class ModerationDeskController {

    static final int PAGE_SIZE = 50;
    /** Acting in place and the keyboard shortcuts, when JavaScript runs. */
    private static final String SCRIPT = "/assets/js/desk.js";

    static final List<String> REJECTION_REASONS = List.of(
            "Off-topic",
            "Abusive or hateful",
            "Personal attack",
            SpamFilter.SPAM_REJECTION_REASON,
            "Misinformation",
            "Other");
    static final List<DeskPage.Option> BAN_LENGTHS = List.of(
            new DeskPage.Option("1", "1 day", false),
            new DeskPage.Option("7", "7 days", true),
            new DeskPage.Option("30", "30 days", false),
            new DeskPage.Option("0", "for good", false));
    /** The report form's reasons as moderators read them. */
    private static final Map<String, String> REPORT_LABELS =
            Map.of("spam", "spam", "abuse", "abusive", "off-topic", "off-topic", "other", "other");

    private static final List<CommentStatus> QUEUES =
            List.of(CommentStatus.PENDING, CommentStatus.APPROVED, CommentStatus.REJECTED, CommentStatus.SPAM);

    private final Comments comments;
    private final Articles articles;
    private final Sections sections;
    private final SiteSettings site;
    private final Clock clock;
    private final JsonMapper json;
    private final ResourceUrlProvider resourceUrls;

    ModerationDeskController(
            Comments comments,
            Articles articles,
            Sections sections,
            SiteSettings site,
            Clock clock,
            JsonMapper json,
            ResourceUrlProvider resourceUrls) {
        this.json = json;
        this.resourceUrls = resourceUrls;
        this.comments = comments;
        this.articles = articles;
        this.sections = sections;
        this.site = site;
        this.clock = clock;
    }

    @GetMapping("/admin/comments")
    String desk(
            @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(defaultValue = "pending") String queue,
            @RequestParam(defaultValue = "") String section,
            @RequestParam(defaultValue = "") String article,
            @RequestParam(defaultValue = "") String before,
            @RequestParam(defaultValue = "") String done,
            HttpSession session,
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
        List<Long> storyIds =
                shown.stream().map(QueuedComment::articleId).distinct().toList();
        Map<Long, String> headlines = articles.headlines(storyIds);
        Map<Long, ArticleSummary> live = articles.liveByIds(storyIds);
        // Moderators cannot edit stories: their headline links go to the story readers see.
        boolean editsStories = staff.hasRole(Role.ADMIN, Role.EDITOR);
        List<DeskPage.Row> rows =
                shown.stream().map(c -> row(c, headlines, live, editsStories)).toList();
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
                        String.valueOf(s.id()), "/" + s.path(), sectionFilter != null && sectionFilter.id() == s.id()))
                .toList();
        String older = more
                ? url(
                        queueName,
                        section,
                        article,
                        new Keyset(shown.getLast().postedAt(), shown.getLast().id()).token())
                : null;
        DeskActions.Done last =
                done.matches("[0-9a-f]{24}") ? DeskActions.find(session, done).orElse(null) : null;
        DeskPage.Notice notice = last == null
                ? null
                : new DeskPage.Notice(
                        last.undone() ? "Undone: " + lowerFirst(last.sentence()) : last.sentence(),
                        last.undone() || last.undo() == null ? null : done);
        String returnUrl = url(queueName, section, article, position == null ? null : before);
        model.addAttribute(
                "page",
                new DeskPage(
                        tabs,
                        queueName,
                        sectionOptions,
                        article.matches("\\d{1,18}") ? article : "",
                        rows,
                        REJECTION_REASONS,
                        BAN_LENGTHS,
                        older,
                        notice,
                        last == null ? 0 : noticeIndex(shown, last.undo()),
                        returnUrl,
                        scriptUrl()));
        return "admin/comment/desk";
    }

    /** Before the first comment no newer than the one acted on: where that comment stood. */
    private static int noticeIndex(List<QueuedComment> shown, @Nullable ModerationUndo undo) {
        if (undo == null || undo.before().isEmpty()) {
            return 0;
        }
        var acted = undo.before().getFirst();
        for (int i = 0; i < shown.size(); i++) {
            QueuedComment c = shown.get(i);
            long time = c.postedAt().toEpochMilli();
            if (time < acted.createdAt() || (time == acted.createdAt() && c.id() <= acted.id())) {
                return i;
            }
        }
        return shown.size();
    }

    private DeskPage.Row row(
            QueuedComment c, Map<Long, String> headlines, Map<Long, ArticleSummary> live, boolean editsStories) {
        ArticleSummary story = live.get(c.articleId());
        String storyUrl = story == null ? null : story.url();
        // Only approved comments are on the public page; for the others the story is the place.
        String inPlace = storyUrl == null
                ? null
                : c.status() == CommentStatus.APPROVED ? storyUrl + "#comment-" + c.id() : storyUrl;
        String record = (c.recordByEmail() ? "record by email: " : "record by network address: ") + c.approvedBefore()
                + " approved, " + c.rejectedBefore() + " rejected";
        return new DeskPage.Row(
                c.id(),
                c.authorName(),
                c.email(),
                CommentText.toHtml(c.body(), RuleHits.from(c.reasons())),
                DisplayTime.of(c.postedAt(), site.timeZone()),
                headlines.getOrDefault(c.articleId(), "#" + c.articleId()),
                editsStories ? "/admin/articles/" + c.articleId() + "/edit" : storyUrl,
                inPlace,
                c.parentExcerpt(),
                record,
                c.reasons(),
                c.spamScore() == null ? null : String.format(java.util.Locale.ROOT, "%.2f", c.spamScore()),
                c.featured(),
                c.rejectionReason(),
                c.reportCount(),
                c.reports().entrySet().stream()
                        .map(e -> new DeskPage.ReportReason(
                                REPORT_LABELS.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
                        .toList());
    }

    /**
     * One form serves single and bulk actions: a row's own button sends {@code single=<id>:<action>}
     * with that row's {@code reason-<id>} and {@code banDays-<id>}; the bulk bar sends the ticked
     * {@code ids}, an {@code action}, a {@code reason} and {@code banDays}. The page's script asks
     * for JSON and gets the notice and its Undo token instead of a redirect.
     */
    @PostMapping("/admin/comments/moderate")
    @Nullable
    String moderate(
            @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(required = false) @Nullable List<String> ids,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String single,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "0") String banDays,
            @RequestParam(defaultValue = "/admin/comments") String returnTo,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpSession session,
            Model model) {
        List<Long> targets = new ArrayList<>();
        String chosen = action;
        String why = reason;
        String days = banDays;
        if (single.matches("\\d{1,18}:[a-z]+")) {
            String id = single.substring(0, single.indexOf(':'));
            targets.add(Long.parseLong(id));
            chosen = single.substring(single.indexOf(':') + 1);
            why = parameter(request, "reason-" + id, reason);
            days = parameter(request, "banDays-" + id, banDays);
        } else if (ids != null) {
            ids.stream()
                    .filter(id -> id.matches("\\d{1,18}"))
                    .map(Long::valueOf)
                    .forEach(targets::add);
        }
        ModerationAction moderation = ModerationAction.parse(chosen);
        if (moderation == null) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "Choose what to do with the comments: approve, reject, spam, feature or ban.",
                    returnTo,
                    request,
                    response,
                    model);
        }
        boolean needsReason = moderation == ModerationAction.REJECT || moderation == ModerationAction.BAN;
        String given = REJECTION_REASONS.contains(why) ? why : needsReason ? "Other" : null;
        Instant banUntil =
                days.matches("[1-9]\\d{0,3}") ? clock.instant().plus(Duration.ofDays(Long.parseLong(days))) : null;
        ModerationUndo undo =
                targets.isEmpty() ? null : comments.moderate(staff.actor(), targets, moderation, given, banUntil);
        DeskActions.Done done = undo == null || undo.count() == 0
                ? new DeskActions.Done("Nothing was changed: no comment was chosen.", null, false)
                : new DeskActions.Done(sentence(moderation, undo, given, days), undo, false);
        String token = DeskActions.remember(session, done);
        if (CommentController.wantsJson(request)) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("notice", done.sentence());
            answer.put("undoToken", done.undo() == null ? "" : token);
            answer.put("ids", done.undo() == null ? List.of() : done.undo().commentIds());
            return JsonAnswer.write(json, response, HttpStatus.OK, answer);
        }
        return "redirect:" + backTo(returnTo, token);
    }

    /** Puts the comments of an earlier action back as they were, and lifts the bans it made. */
    @PostMapping("/admin/comments/undo")
    @Nullable
    String undo(
            @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "/admin/comments") String returnTo,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpSession session,
            Model model) {
        DeskActions.Done done =
                token.matches("[0-9a-f]{24}") ? DeskActions.find(session, token).orElse(null) : null;
        if (done == null) {
            return problem(
                    HttpStatus.NOT_FOUND,
                    "There is no such action to undo: only your recent actions, since you signed in, can be undone.",
                    returnTo,
                    request,
                    response,
                    model);
        }
        if (done.undo() == null || done.undone()) {
            return problem(
                    HttpStatus.CONFLICT, "That action has been undone already.", returnTo, request, response, model);
        }
        comments.undo(staff.actor(), done.undo());
        DeskActions.markUndone(session, token);
        if (CommentController.wantsJson(request)) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("notice", "Undone: " + lowerFirst(done.sentence()));
            answer.put("ids", done.undo().commentIds());
            return JsonAnswer.write(json, response, HttpStatus.OK, answer);
        }
        return "redirect:" + backTo(returnTo, token);
    }

    /** A refusal the moderator can read: a page with the reason and a way back, or JSON for the script. */
    private @Nullable String problem(
            HttpStatus status,
            String problem,
            String returnTo,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (CommentController.wantsJson(request)) {
            return JsonAnswer.write(json, response, status, Map.of("problem", problem));
        }
        response.setStatus(status.value());
        model.addAttribute("problem", problem);
        model.addAttribute("backUrl", safeReturn(returnTo));
        return "admin/comment/problem";
    }

    /** What was done, in a sentence: "Approved the comment by Ann.", "Rejected 3 comments as Off-topic." */
    static String sentence(ModerationAction action, ModerationUndo undo, @Nullable String reason, String banDays) {
        String which =
                undo.count() == 1 ? "the comment by " + undo.authorNames().getFirst() : undo.count() + " comments";
        String length = banDays.matches("[1-9]\\d{0,3}")
                ? "for " + banDays + (banDays.equals("1") ? " day" : " days")
                : "for good";
        return switch (action) {
            case APPROVE -> "Approved " + which + ".";
            case REJECT -> "Rejected " + which + " as " + reason + ".";
            case SPAM -> "Marked " + which + " as spam.";
            case FEATURE -> "Featured " + which + ".";
            case UNFEATURE -> "Stopped featuring " + which + ".";
            case BAN ->
                "Rejected " + which + " as " + reason + " and banned "
                        + (undo.count() == 1 ? "the commenter " : "their commenters ") + length + ".";
        };
    }

    private String scriptUrl() {
        String url = resourceUrls.getForLookupPath(SCRIPT);
        return url != null ? url : SCRIPT;
    }

    private static String lowerFirst(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }

    private static String parameter(HttpServletRequest request, String name, String fallback) {
        String value = request.getParameter(name);
        return value == null ? fallback : value;
    }

    /** Back to the same page of the same queue, scrolled to the notice. */
    private static String backTo(String returnTo, String token) {
        return UriComponentsBuilder.fromUriString(safeReturn(returnTo))
                .replaceQueryParam("done", token)
                .fragment("desk-notice")
                .build()
                .toUriString();
    }

    /** Only desk pages: the address comes from our own form, but is never trusted blindly. */
    private static String safeReturn(String returnTo) {
        return returnTo.startsWith("/admin/comments") && !returnTo.startsWith("//") ? returnTo : "/admin/comments";
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
