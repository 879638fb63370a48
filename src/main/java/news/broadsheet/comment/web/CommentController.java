package news.broadsheet.comment.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import news.broadsheet.article.ArticleNotFoundException;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.article.Articles;
import news.broadsheet.comment.CommentRefusedException;
import news.broadsheet.comment.CommentStatus;
import news.broadsheet.comment.CommentView;
import news.broadsheet.comment.Comments;
import news.broadsheet.comment.PostComment;
import news.broadsheet.comment.PostedComment;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Receives the "Leave a Comment" form. Success redirects back to the article (Post/Redirect/Get)
 * with a notice; anything that cannot be accepted re-shows the form with the reader's text and a
 * message beside the field, under the matching 4xx status.
 */
@Controller
class CommentController {

    private final Articles articles;
    private final Comments comments;

    CommentController(Articles articles, Comments comments) {
        this.articles = articles;
        this.comments = comments;
    }

    @PostMapping("/articles/{articleId}/comments")
    ModelAndView post(
            @PathVariable String articleId,
            @Valid CommentForm form,
            BindingResult binding,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        ArticleSummary article = parseId(articleId)
                .flatMap(articles::liveById)
                .orElseThrow(() -> new ArticleNotFoundException("#" + articleId));
        if (!article.commentsOpen()) {
            return refuse(
                    HttpStatus.FORBIDDEN,
                    article,
                    form,
                    Map.of(),
                    "Comments are closed on this story.",
                    response,
                    model);
        }
        Map<String, String> errors = fieldErrors(binding);
        checkLength(errors, "name", form.nameOrEmpty().strip(), CommentForm.NAME_LIMIT, "Your name");
        checkLength(errors, "body", form.bodyOrEmpty().strip(), CommentForm.BODY_LIMIT, "Your comment");
        if (!errors.isEmpty()) {
            return refuse(HttpStatus.UNPROCESSABLE_CONTENT, article, form, errors, null, response, model);
        }
        try {
            PostedComment posted = comments.post(new PostComment(
                    article.id(),
                    form.parentId(),
                    form.nameOrEmpty(),
                    form.emailOrEmpty(),
                    form.bodyOrEmpty(),
                    request.getRemoteAddr()));
            return seeOther(afterPosting(article, posted));
        } catch (CommentRefusedException e) {
            return switch (e.reason()) {
                case COMMENTS_CLOSED ->
                    refuse(HttpStatus.FORBIDDEN, article, form, Map.of(), e.getMessage(), response, model);
                case PARENT_UNAVAILABLE ->
                    refuse(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            article,
                            new CommentForm(form.name(), form.email(), form.body(), null),
                            Map.of("parent", e.getMessage()),
                            null,
                            response,
                            model);
            };
        }
    }

    private static ModelAndView seeOther(String url) {
        RedirectView redirect = new RedirectView(url);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        redirect.setExposeModelAttributes(false);
        redirect.setExpandUriTemplateVariables(false);
        return new ModelAndView(redirect);
    }

    private static Optional<Long> parseId(String value) {
        return value.matches("\\d{1,18}") ? Optional.of(Long.parseLong(value)) : Optional.empty();
    }

    /** Back to the story: to the new comment if it shows, else to the comments with a notice. */
    private static String afterPosting(ArticleSummary article, PostedComment posted) {
        return posted.status() == CommentStatus.APPROVED
                ? article.url() + "?comment=published#comment-" + posted.id()
                : article.url() + "?comment=pending#comments";
    }

    private ModelAndView refuse(
            HttpStatus status,
            ArticleSummary article,
            CommentForm form,
            Map<String, String> errors,
            @Nullable String problem,
            HttpServletResponse response,
            Model model) {
        response.setStatus(status.value());
        String replyingTo = form.parentId() == null
                ? null
                : comments.replyTarget(article.id(), form.parentId())
                        .map(CommentView::authorName)
                        .orElse(null);
        CommentFormView view = CommentForms.filled(article, form, replyingTo, errors, problem);
        model.addAttribute("page", new CommentFormPage(article.headline(), article.url(), view));
        return new ModelAndView("comment/form-page");
    }

    private static Map<String, String> fieldErrors(BindingResult binding) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : binding.getFieldErrors()) {
            String message = error.isBindingFailure()
                    ? "parentId".equals(error.getField())
                            ? "The comment you are replying to is not available."
                            : "Please check this field."
                    : error.getDefaultMessage();
            errors.putIfAbsent("parentId".equals(error.getField()) ? "parent" : error.getField(), message);
        }
        return errors;
    }

    private static void checkLength(Map<String, String> errors, String field, String value, int limit, String what) {
        int length = value.codePointCount(0, value.length());
        if (length > limit && !errors.containsKey(field)) {
            NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.ENGLISH);
            errors.put(
                    field,
                    what + " is " + numbers.format(length) + " characters long; please keep it to "
                            + numbers.format(limit) + " or fewer.");
        }
    }
}
