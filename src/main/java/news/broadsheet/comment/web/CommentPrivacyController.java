package news.broadsheet.comment.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import news.broadsheet.comment.CommentPrivacy;
import news.broadsheet.comment.CommentPrivacy.ReaderComments;
import news.broadsheet.comment.CommentStatus;
import news.broadsheet.shared.DisplayTime;
import news.broadsheet.shared.RateLimits;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * Readers' own comments: a form asks for the e-mail address they commented with and mails a link
 * ({@link CommentPrivacy}); the link shows the comments, downloads them as JSON and erases them.
 * Works without JavaScript. Pages reached through the link carry its token in their address, so
 * no cache keeps them and no link from them sends the address on.
 */
@Controller
class CommentPrivacyController {

    /** The comment form's own check of an address's form. */
    private static final Pattern EMAIL = Pattern.compile(CommentForm.EMAIL_SHAPE);

    private final CommentPrivacy privacy;
    private final RateLimits rateLimits;
    private final RateLimits.Limit requests;
    private final SiteSettings site;
    private final JsonMapper json;

    CommentPrivacyController(
            CommentPrivacy privacy,
            RateLimits rateLimits,
            SiteSettings site,
            JsonMapper json,
            @Value("${broadsheet.rate-limit.privacy-per-hour:10}") int requestsPerHour) {
        this.privacy = privacy;
        this.rateLimits = rateLimits;
        this.requests = RateLimits.Limit.perHour("privacy", requestsPerHour);
        this.site = site;
        this.json = json;
    }

    @GetMapping("/comments/privacy")
    String form(Model model) {
        model.addAttribute("email", "");
        model.addAttribute("problem", null);
        return "comment/privacy";
    }

    @PostMapping("/comments/privacy")
    String request(
            @RequestParam(defaultValue = "") String email,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        response.setHeader("Cache-Control", "no-store");
        String address = email.strip();
        model.addAttribute("email", address);
        if (address.isEmpty()
                || address.length() > CommentForm.EMAIL_LIMIT
                || !EMAIL.matcher(address).matches()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute(
                    "problem",
                    address.isEmpty()
                            ? "Please enter the e-mail address you gave with your comments."
                            : "Please enter a valid e-mail address, such as name@example.org.");
            return "comment/privacy";
        }
        Duration wait = rateLimits.take(requests, request.getRemoteAddr());
        if (!wait.isZero()) {
            long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", String.valueOf(wait.toSeconds() + 1));
            model.addAttribute(
                    "problem",
                    "Too many requests from your connection. Please try again in " + minutes
                            + (minutes == 1 ? " minute." : " minutes."));
            return "comment/privacy";
        }
        privacy.requestLink(address);
        return "comment/privacy-sent";
    }

    @GetMapping("/comments/privacy/{token}")
    String comments(@PathVariable String token, HttpServletResponse response, Model model) {
        TokenPages.keepPrivate(response);
        Optional<ReaderComments> comments = privacy.open(token);
        if (comments.isEmpty()) {
            return TokenPages.unknown(response, "comment/privacy-unknown");
        }
        model.addAttribute("page", page(comments.get(), token, null));
        return "comment/privacy-comments";
    }

    /** The reader's comments as a JSON file: what they wrote, where, when, and how it stands. */
    @GetMapping("/comments/privacy/{token}/comments.json")
    @Nullable
    String export(@PathVariable String token, HttpServletResponse response) throws IOException {
        TokenPages.keepPrivate(response);
        Optional<ReaderComments> comments = privacy.open(token);
        if (comments.isEmpty()) {
            return TokenPages.unknown(response, "comment/privacy-unknown");
        }
        List<Map<String, Object>> items = comments.get().comments().stream()
                .map(item -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("id", item.comment().id());
                    entry.put(
                            "story",
                            item.article() == null ? null : item.article().headline());
                    entry.put(
                            "url",
                            item.article() == null
                                    ? null
                                    : site.baseUrl() + item.article().url() + "#comment-"
                                            + item.comment().id());
                    entry.put("inReplyTo", item.comment().parentId());
                    entry.put("postedAt", item.comment().postedAt().toString());
                    entry.put("name", item.comment().authorName());
                    entry.put("text", item.comment().body());
                    entry.put("status", item.comment().status().dbValue());
                    return entry;
                })
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("site", site.name());
        body.put("email", comments.get().email());
        body.put("comments", items);
        response.setHeader("Content-Disposition", "attachment; filename=\"comments.json\"");
        return JsonAnswer.write(json, response, HttpStatus.OK, body);
    }

    @PostMapping("/comments/privacy/{token}/erase")
    String erase(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String confirm,
            HttpServletResponse response,
            Model model) {
        TokenPages.keepPrivate(response);
        if (!"yes".equals(confirm)) {
            Optional<ReaderComments> comments = privacy.open(token);
            if (comments.isEmpty()) {
                return TokenPages.unknown(response, "comment/privacy-unknown");
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute(
                    "page",
                    page(comments.get(), token, "Please tick the box to confirm that your comments should be erased."));
            return "comment/privacy-comments";
        }
        Optional<Integer> erased = privacy.erase(token);
        if (erased.isEmpty()) {
            return TokenPages.unknown(response, "comment/privacy-unknown");
        }
        model.addAttribute("erased", erased.get());
        return "comment/privacy-erased";
    }

    private PrivacyPage page(ReaderComments comments, String token, @Nullable String problem) {
        return new PrivacyPage(
                comments.email(),
                token,
                comments.comments().stream()
                        .map(item -> new PrivacyPage.Item(
                                item.article() == null ? null : item.article().headline(),
                                item.article() == null
                                        ? null
                                        : item.article().url() + "#comment-"
                                                + item.comment().id(),
                                DisplayTime.of(item.comment().postedAt(), site.timeZone()),
                                status(item.comment().status()),
                                CommentForms.excerpt(item.comment().body())))
                        .toList(),
                problem);
    }

    private static String status(CommentStatus status) {
        return switch (status) {
            case APPROVED -> "Published";
            case PENDING -> "Waiting for a moderator";
            case REJECTED, SPAM -> "Not published";
        };
    }
}
