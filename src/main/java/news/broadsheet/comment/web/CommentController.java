package news.broadsheet.comment.web;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import news.broadsheet.account.StaffFormToken;
import news.broadsheet.account.StaffPrincipal;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.article.Articles;
import news.broadsheet.comment.CommentRefusedException;
import news.broadsheet.comment.CommentStatus;
import news.broadsheet.comment.CommentView;
import news.broadsheet.comment.Comments;
import news.broadsheet.comment.PostComment;
import news.broadsheet.comment.PostedComment;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives the "Leave a Comment" form. Success redirects back to the article's notice
 * (Post/Redirect/Get); anything that cannot be accepted, a banned word included, re-shows what the
 * reader wrote with the message as an error, under the matching 4xx status. A request that accepts
 * JSON (the page's script) gets the same outcome as JSON, with HTML the page can put in place.
 */
@Controller
class CommentController {

    private static final Logger log = LoggerFactory.getLogger(CommentController.class);

    /** Control characters other than tab and line breaks: invisible, and refused by PostgreSQL (NUL). */
    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private final Articles articles;
    private final Comments comments;
    private final TemplateEngine templates;
    private final JsonMapper json;
    private final StaffFormToken formToken;

    CommentController(
            Articles articles, Comments comments, TemplateEngine templates, JsonMapper json, StaffFormToken formToken) {
        this.formToken = formToken;
        this.articles = articles;
        this.comments = comments;
        this.templates = templates;
        this.json = json;
    }

    @PostMapping("/articles/{articleId}/comments")
    @Nullable
    ModelAndView post(
            @PathVariable String articleId,
            @Valid CommentForm form,
            BindingResult binding,
            @AuthenticationPrincipal @Nullable StaffPrincipal staff,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            return accept(articleId, form, binding, staff, request, response, model);
        } catch (CannotCreateTransactionException
                | TransientDataAccessException
                | DataAccessResourceFailureException e) {
            // The database could not even be read (it is down): the story is not at hand, the text still is.
            log.warn("A comment on story {} was not saved, the database is unavailable: {}", articleId, e.getMessage());
            response.setHeader("Retry-After", "2");
            CommentFormView view = CommentForms.retry(
                    parseId(articleId).orElse(0L),
                    form,
                    "The site could not save your comment just now."
                            + " Your text is below: please send it again in a few seconds.");
            return answer(HttpStatus.SERVICE_UNAVAILABLE, null, view, Map.of(), request, response, model);
        }
    }

    private @Nullable ModelAndView accept(
            String articleId,
            CommentForm form,
            BindingResult binding,
            @Nullable StaffPrincipal staff,
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
                    request,
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
                    request,
                    response,
                    model);
        }
        if (!comments.commentsOpen(article)) {
            return closed(article, form, request, response, model);
        }
        Map<String, String> errors = fieldErrors(binding);
        checkText(errors, "name", form.nameOrEmpty(), CommentForm.NAME_LIMIT, "Your name");
        checkText(errors, "email", form.emailOrEmpty(), 254, "Your email address");
        checkText(errors, "body", form.bodyOrEmpty(), CommentForm.BODY_LIMIT, "Your comment");
        if (form.wantsNotifications() && form.emailOrEmpty().isEmpty() && !errors.containsKey("email")) {
            errors.put("email", "Give your email address to be told about replies, or untick the box.");
        }
        if (!errors.isEmpty()) {
            return refuse(
                    HttpStatus.UNPROCESSABLE_CONTENT, article, form, errors, null, true, request, response, model);
        }
        try {
            PostedComment posted = comments.post(
                    article,
                    new PostComment(
                            article.id(),
                            form.parentId(),
                            form.nameOrEmpty(),
                            form.emailOrEmpty(),
                            form.bodyOrEmpty(),
                            request.getRemoteAddr(),
                            // A staff session speaks for the newsroom only with its form token;
                            // without it (another site's form) the comment is a reader's like any other.
                            staff == null || !formToken.carriedBy(request) ? null : staff.accountId(),
                            form.wantsNotifications(),
                            form.botSign()));
            return switch (posted.status()) {
                // Held as spam (by the bot checks or the learned filter) is answered as awaiting review:
                // a program learns nothing, and a reader the filter mistook waits for a moderator's release.
                case APPROVED, PENDING, SPAM -> accepted(article, posted, form, request, response);
                case REJECTED -> rejected(article, posted, form, request, response, model);
            };
        } catch (CommentRefusedException e) {
            return switch (e.reason()) {
                case COMMENTS_CLOSED -> closed(article, form, request, response, model);
                case REPEATED ->
                    refuse(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            article,
                            form,
                            Map.of(),
                            e.getMessage(),
                            false,
                            request,
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
                            request,
                            response,
                            model);
                }
                case PARENT_UNAVAILABLE ->
                    refuse(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            article,
                            new CommentForm(
                                    form.name(), form.email(), form.body(), null, form.notifyReplies(), null, null),
                            Map.of("parent", e.getMessage()),
                            null,
                            true,
                            request,
                            response,
                            model);
            };
        } catch (CannotCreateTransactionException
                | TransientDataAccessException
                | DataAccessResourceFailureException e) {
            // A spike kept this writer waiting past its patience and nothing was saved: the text stays.
            log.warn(
                    "A comment on story {} was not saved, the database is unavailable: {}",
                    article.id(),
                    e.getMessage());
            response.setHeader("Retry-After", "2");
            return refuse(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    article,
                    form,
                    Map.of(),
                    "The site is very busy and could not save your comment just now."
                            + " Your text is below: please send it again in a few seconds.",
                    true,
                    request,
                    response,
                    model);
        }
    }

    private @Nullable ModelAndView closed(
            ArticleSummary article,
            CommentForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return refuse(
                HttpStatus.FORBIDDEN,
                article,
                form,
                Map.of(),
                "Comments are closed on this story, so your comment was not posted. Your text is below.",
                false,
                request,
                response,
                model);
    }

    /**
     * Back to the story's notice, which links to the new comment when it shows. The script gets
     * the notice and, for a comment that shows at once, the comment to put in the thread.
     */
    private @Nullable ModelAndView accepted(
            ArticleSummary article,
            PostedComment posted,
            CommentForm form,
            HttpServletRequest request,
            HttpServletResponse response) {
        boolean shows = posted.status() == CommentStatus.APPROVED;
        if (!wantsJson(request)) {
            return seeOther(article.url()
                    + CommentNotices.redirectSuffix(shows ? "published" : "pending", shows ? posted.id() : null));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", shows ? "published" : "pending");
        answer.put("notice", shows ? CommentNotices.PUBLISHED : CommentNotices.PENDING);
        answer.put("commentId", posted.id());
        answer.put("parentId", form.parentId());
        if (shows) {
            comments.replyTarget(article.id(), posted.id()).ifPresent(comment -> {
                StringOutput html = new StringOutput();
                Map<String, Object> params = new HashMap<>();
                params.put("comment", comment);
                params.put("replyUrl", article.url() + "?replyto=" + comment.id() + "#comment-form");
                templates.render("comment/item.jte", params, html);
                answer.put("commentHtml", html.toString());
            });
        }
        return JsonAnswer.write(json, response, HttpStatus.OK, answer);
    }

    /**
     * The rules rejected the comment (it is kept, rejected, for the moderators' record): the reader
     * is told why as an error, with their text, and may edit out a banned word and send it again.
     */
    private @Nullable ModelAndView rejected(
            ArticleSummary article,
            PostedComment posted,
            CommentForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if ("language".equals(posted.rejectionKey())) {
            return refuse(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    article,
                    form,
                    Map.of(),
                    "Your comment was not posted: it contains language we do not allow. Please change it and"
                            + " send it again.",
                    true,
                    request,
                    response,
                    model);
        }
        return refuse(
                HttpStatus.FORBIDDEN,
                article,
                form,
                Map.of(),
                "Your comment was not posted because it breaks our community rules. Your text is below.",
                false,
                request,
                response,
                model);
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
    private @Nullable ModelAndView refuse(
            HttpStatus status,
            @Nullable ArticleSummary article,
            CommentForm form,
            Map<String, String> errors,
            @Nullable String problem,
            boolean submittable,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        CommentView replyingTo = article == null || form.parentId() == null
                ? null
                : comments.replyTarget(article.id(), form.parentId()).orElse(null);
        CommentFormView view = CommentForms.filled(
                article,
                form,
                replyingTo,
                errors,
                problem,
                submittable,
                article == null ? null : comments.moderationPolicy(article));
        return answer(status, article, view, errors, request, response, model);
    }

    /** The form as the page's script wants it (JSON) or as a page of its own. */
    private @Nullable ModelAndView answer(
            HttpStatus status,
            @Nullable ArticleSummary article,
            CommentFormView view,
            Map<String, String> errors,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String problem = view.problem();
        if (wantsJson(request)) {
            // The script swaps in the form as the server draws it: errors beside fields, text kept.
            StringOutput html = new StringOutput();
            templates.render("comment/form.jte", Map.of("form", view), html);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("problem", problem != null ? problem : "Your comment was not posted.");
            answer.put("errors", errors);
            answer.put("formHtml", html.toString());
            return JsonAnswer.write(json, response, status, answer);
        }
        response.setStatus(status.value());
        model.addAttribute(
                "page",
                new CommentFormPage(
                        article == null ? null : article.headline(), article == null ? null : article.url(), view));
        return new ModelAndView("comment/form-page");
    }

    /** The page's script asks for JSON; a browser's own form submission never does. */
    static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("application/json");
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
