package news.broadsheet.comment.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import news.broadsheet.account.StaffPrincipal;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.article.Articles;
import news.broadsheet.comment.CommentRefusedException;
import news.broadsheet.comment.CommentView;
import news.broadsheet.comment.Comments;
import news.broadsheet.comment.PostComment;
import news.broadsheet.comment.PostedComment;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
 * with a notice; anything that cannot be accepted re-shows what the reader wrote with a message
 * beside the field, under the matching 4xx status.
 */
@Controller
class CommentController {

    /** Control characters other than tab and line breaks: invisible, and refused by PostgreSQL (NUL). */
    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

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
            @AuthenticationPrincipal @Nullable StaffPrincipal staff,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if ("cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
            // Another site's page submitted this form on the reader's behalf.
            return refuse(
                    HttpStatus.FORBIDDEN,
                    null,
                    form,
                    Map.of(),
                    "Comments can only be posted from this site.",
                    false,
                    response,
                    model);
        }
        ArticleSummary article = parseId(articleId).flatMap(articles::liveById).orElse(null);
        if (article == null) {
            return refuse(
                    HttpStatus.NOT_FOUND,
                    null,
                    form,
                    Map.of(),
                    "This story is not available, so your comment could not be posted. Your text is below.",
                    false,
                    response,
                    model);
        }
        if (!comments.commentsOpen(article)) {
            return closed(article, form, response, model);
        }
        Map<String, String> errors = fieldErrors(binding);
        checkText(errors, "name", form.nameOrEmpty(), CommentForm.NAME_LIMIT, "Your name");
        checkText(errors, "email", form.emailOrEmpty(), 254, "Your email address");
        checkText(errors, "body", form.bodyOrEmpty(), CommentForm.BODY_LIMIT, "Your comment");
        if (form.wantsNotifications() && form.emailOrEmpty().isEmpty() && !errors.containsKey("email")) {
            errors.put("email", "Give your email address to be told about replies, or untick the box.");
        }
        if (!errors.isEmpty()) {
            return refuse(HttpStatus.UNPROCESSABLE_CONTENT, article, form, errors, null, true, response, model);
        }
        try {
            PostedComment posted = comments.post(new PostComment(
                    article.id(),
                    form.parentId(),
                    form.nameOrEmpty(),
                    form.emailOrEmpty(),
                    form.bodyOrEmpty(),
                    request.getRemoteAddr(),
                    staff == null ? null : staff.accountId(),
                    form.wantsNotifications()));
            return seeOther(afterPosting(article, posted));
        } catch (CommentRefusedException e) {
            return switch (e.reason()) {
                case COMMENTS_CLOSED -> closed(article, form, response, model);
                case REPEATED ->
                    refuse(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            article,
                            form,
                            Map.of(),
                            e.getMessage(),
                            false,
                            response,
                            model);
                case FLOODED -> {
                    response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
                    yield refuse(
                            HttpStatus.TOO_MANY_REQUESTS,
                            article,
                            form,
                            Map.of(),
                            e.getMessage(),
                            true,
                            response,
                            model);
                }
                case PARENT_UNAVAILABLE ->
                    refuse(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            article,
                            new CommentForm(form.name(), form.email(), form.body(), null, form.notifyReplies()),
                            Map.of("parent", e.getMessage()),
                            null,
                            true,
                            response,
                            model);
            };
        }
    }

    private ModelAndView closed(ArticleSummary article, CommentForm form, HttpServletResponse response, Model model) {
        return refuse(
                HttpStatus.FORBIDDEN,
                article,
                form,
                Map.of(),
                "Comments are closed on this story, so your comment was not posted. Your text is below.",
                false,
                response,
                model);
    }

    /** Back to the story: to the new comment if it shows, else to the comments with a notice. */
    private static String afterPosting(ArticleSummary article, PostedComment posted) {
        return switch (posted.status()) {
            case APPROVED -> article.url() + "?comment=published#comment-" + posted.id();
            case REJECTED, SPAM -> article.url() + "?comment=rejected-" + posted.rejectionKey() + "#comments";
            case PENDING -> article.url() + "?comment=pending#comments";
        };
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

    /**
     * Shows the reader's text again with what went wrong.
     *
     * @param article the story, or null when it is unknown or not published
     * @param submittable whether sending the form again can succeed
     */
    private ModelAndView refuse(
            HttpStatus status,
            @Nullable ArticleSummary article,
            CommentForm form,
            Map<String, String> errors,
            @Nullable String problem,
            boolean submittable,
            HttpServletResponse response,
            Model model) {
        response.setStatus(status.value());
        String replyingTo = article == null || form.parentId() == null
                ? null
                : comments.replyTarget(article.id(), form.parentId())
                        .map(CommentView::authorName)
                        .orElse(null);
        CommentFormView view = CommentForms.filled(article, form, replyingTo, errors, problem, submittable);
        model.addAttribute(
                "page",
                new CommentFormPage(
                        article == null ? null : article.headline(), article == null ? null : article.url(), view));
        return new ModelAndView("comment/form-page");
    }

    private static Map<String, String> fieldErrors(BindingResult binding) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : binding.getFieldErrors()) {
            boolean parent = "parentId".equals(error.getField());
            String message = error.isBindingFailure()
                    ? parent ? "The comment you are replying to is not available." : "Please check this field."
                    : error.getDefaultMessage();
            errors.putIfAbsent(parent ? "parent" : error.getField(), message);
        }
        return errors;
    }

    /** Length in characters as a reader counts them (code points), and no invisible control characters. */
    private static void checkText(Map<String, String> errors, String field, String value, int limit, String what) {
        if (errors.containsKey(field)) {
            return;
        }
        String text = value.strip();
        int length = text.codePointCount(0, text.length());
        if (length > limit) {
            NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.ENGLISH);
            errors.put(
                    field,
                    what + " is " + numbers.format(length) + " characters long; please keep it to "
                            + numbers.format(limit) + " or fewer.");
        } else if (CONTROL_CHARACTERS.matcher(text).find()) {
            errors.put(field, what + " contains invisible control characters; please remove them.");
        }
    }
}
