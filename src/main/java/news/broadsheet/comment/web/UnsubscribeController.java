package news.broadsheet.comment.web;

import news.broadsheet.comment.Comments;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The one-click unsubscribe link in every reply notification. Whatever the token, the page says
 * the same, so it tells a visitor nothing about anyone's subscriptions.
 */
@Controller
class UnsubscribeController {

    private final Comments comments;

    UnsubscribeController(Comments comments) {
        this.comments = comments;
    }

    @GetMapping("/comments/unsubscribe")
    String unsubscribe(@RequestParam(defaultValue = "") String token, Model model) {
        comments.unsubscribe(token);
        return "comment/unsubscribed";
    }
}
