package news.broadsheet.comment.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import news.broadsheet.article.ArticleNotFoundException;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.article.Articles;
import news.broadsheet.comment.Comments;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Readers report a comment (spam, abuse, off-topic, other) through a small form that works
 * without JavaScript; past a threshold the comment enters the desk's reported queue.
 */
@Controller
class ReportController {

    static final List<String> REASONS = List.of("spam", "abuse", "off-topic", "other");

    private final Comments comments;
    private final Articles articles;

    ReportController(Comments comments, Articles articles) {
        this.comments = comments;
        this.articles = articles;
    }

    @GetMapping("/comments/{id}/report")
    String form(@PathVariable String id, Model model) {
        ArticleSummary article = articleOf(id);
        model.addAttribute("page", new ReportPage(Long.parseLong(id), article.headline(), article.url()));
        return "comment/report";
    }

    @PostMapping("/comments/{id}/report")
    String report(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String reason,
            HttpServletRequest request,
            Model model) {
        if ("cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Reports come from this site only");
        }
        ArticleSummary article = articleOf(id);
        if (!REASONS.contains(reason)) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "Choose a reason");
        }
        comments.report(Long.parseLong(id), request.getRemoteAddr(), reason);
        return "redirect:" + article.url() + "?comment=reported#comment-" + id;
    }

    private ArticleSummary articleOf(String id) {
        Optional<Long> articleId =
                id.matches("\\d{1,18}") ? comments.articleOfApproved(Long.parseLong(id)) : Optional.empty();
        return articleId.flatMap(articles::liveById).orElseThrow(() -> new ArticleNotFoundException("comment " + id));
    }
}
