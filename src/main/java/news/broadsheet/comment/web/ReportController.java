package news.broadsheet.comment.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.broadsheet.article.ArticleNotFoundException;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.article.Articles;
import news.broadsheet.comment.CommentView;
import news.broadsheet.comment.Comments;
import news.broadsheet.shared.RateLimits;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Readers report a comment (spam, abuse, off-topic, other) through a small form that works
 * without JavaScript; past a threshold the comment enters the desk's reported queue.
 */
@Controller
class ReportController {

    static final List<String> REASONS = List.of("spam", "abuse", "off-topic", "other");

    private final Comments comments;
    private final Articles articles;
    private final JsonMapper json;
    private final RateLimits rateLimits;
    private final RateLimits.Limit reports;

    ReportController(
            Comments comments,
            Articles articles,
            JsonMapper json,
            RateLimits rateLimits,
            @Value("${broadsheet.rate-limit.reports-per-hour:30}") int reportsPerHour) {
        this.comments = comments;
        this.articles = articles;
        this.json = json;
        this.rateLimits = rateLimits;
        this.reports = RateLimits.Limit.perHour("report", reportsPerHour);
    }

    @GetMapping("/comments/{id}/report")
    String form(@PathVariable String id, Model model) {
        model.addAttribute("page", page(id, null));
        return "comment/report";
    }

    /**
     * Takes the report and goes back to the story's notice, which links to the comment; the page's
     * script (asking for JSON) gets the notice instead. Without a reason the form shows again.
     */
    @PostMapping("/comments/{id}/report")
    @Nullable
    String report(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String reason,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model)
            throws java.io.IOException {
        if ("cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Reports come from this site only");
        }
        Duration wait = rateLimits.take(reports, request.getRemoteAddr());
        if (!wait.isZero()) {
            return tooMany(id, wait, request, response, model);
        }
        ReportPage page = page(id, null);
        if (!REASONS.contains(reason)) {
            String problem = "Please choose what is wrong with the comment.";
            if (CommentController.wantsJson(request)) {
                return JsonAnswer.write(json, response, HttpStatus.UNPROCESSABLE_CONTENT, Map.of("problem", problem));
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("page", page(id, problem));
            return "comment/report";
        }
        comments.report(page.commentId(), request.getRemoteAddr(), reason);
        if (CommentController.wantsJson(request)) {
            return JsonAnswer.write(json, response, HttpStatus.OK, Map.of("notice", CommentNotices.REPORTED));
        }
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader("Location", page.articleUrl() + CommentNotices.redirectSuffix("reported", page.commentId()));
        return null;
    }

    /** Over the limit: 429 with Retry-After, and the form again (or the notice for the page's script). */
    private @Nullable String tooMany(
            String id, Duration wait, HttpServletRequest request, HttpServletResponse response, Model model) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        String problem = "You have sent many reports in a short time. Please try again in " + minutes
                + (minutes == 1 ? " minute." : " minutes.");
        response.setHeader("Retry-After", String.valueOf(wait.toSeconds() + 1));
        if (CommentController.wantsJson(request)) {
            return JsonAnswer.write(json, response, HttpStatus.TOO_MANY_REQUESTS, Map.of("problem", problem));
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        model.addAttribute("page", page(id, problem));
        return "comment/report";
    }

    private ReportPage page(String id, @Nullable String problem) {
        Optional<Long> commentId = id.matches("\\d{1,18}") ? Optional.of(Long.parseLong(id)) : Optional.empty();
        ArticleSummary article = commentId
                .flatMap(comments::articleOfApproved)
                .flatMap(articles::liveById)
                .orElseThrow(() -> new ArticleNotFoundException("comment " + id));
        CommentView comment = comments.replyTarget(article.id(), commentId.get())
                .orElseThrow(() -> new ArticleNotFoundException("comment " + id));
        return new ReportPage(
                comment.id(),
                article.headline(),
                article.url(),
                comment.authorName(),
                comment.postedAt(),
                CommentForms.excerpt(comment.text()),
                problem);
    }
}
