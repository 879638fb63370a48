package news.broadsheet.comment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import news.broadsheet.comment.Comments;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The unsubscribe link in every reply notification. Following it (as mail scanners do) only asks;
 * a POST unsubscribes: the page's button, or the mail client's RFC 8058 one-click POST of {@code
 * List-Unsubscribe=One-Click}, which carries no session or CSRF token: the unguessable token in the
 * address is the authority (the public routes have no CSRF check, and cross-site posts are welcome).
 */
@Controller
class UnsubscribeController {

    private final Comments comments;

    UnsubscribeController(Comments comments) {
        this.comments = comments;
    }

    @GetMapping("/comments/unsubscribe")
    String confirm(@RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
        TokenPages.keepPrivate(response);
        if (!comments.isUnsubscribeToken(token)) {
            return TokenPages.unknown(response, "comment/unsubscribe-unknown");
        }
        model.addAttribute("action", "/comments/unsubscribe?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        return "comment/unsubscribe";
    }

    @PostMapping("/comments/unsubscribe")
    String unsubscribe(@RequestParam(defaultValue = "") String token, HttpServletResponse response) {
        TokenPages.keepPrivate(response);
        if (!comments.unsubscribe(token)) {
            return TokenPages.unknown(response, "comment/unsubscribe-unknown");
        }
        return "comment/unsubscribed";
    }
}
