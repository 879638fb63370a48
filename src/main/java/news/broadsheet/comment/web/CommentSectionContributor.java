package news.broadsheet.comment.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import news.broadsheet.article.ArticlePageContribution;
import news.broadsheet.article.ArticlePageContributor;
import news.broadsheet.article.ArticlePageRequest;
import news.broadsheet.article.ArticleView;
import news.broadsheet.comment.CommentThread;
import news.broadsheet.comment.CommentView;
import news.broadsheet.comment.Comments;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Puts the comment count under the article's byline and the thread and form under its body. */
@Component
@Order(100)
class CommentSectionContributor implements ArticlePageContributor {

    private final Comments comments;
    private final TemplateEngine templates;
    private final SiteSettings site;

    CommentSectionContributor(Comments comments, TemplateEngine templates, SiteSettings site) {
        this.comments = comments;
        this.templates = templates;
        this.site = site;
    }

    @Override
    public ArticlePageContribution contribute(ArticlePageRequest request) {
        ArticleView article = request.article();
        CommentThread thread = comments.thread(article.id(), request.parameter("comments"));
        boolean open = comments.commentsOpen(article.summary());
        CommentSectionView section = new CommentSectionView(
                thread,
                notice(request.parameter("comment")),
                open ? form(article, request.parameter("replyto")) : null,
                open ? null : "Comments are closed on this story.",
                article.url() + "?replyto=");
        String label = CommentSectionView.countLabel(thread.count());
        Content byline = output -> templates.render("comment/count.jte", Map.of("label", label), output);
        Content afterBody = output -> templates.render("comment/section.jte", Map.of("section", section), output);
        return new ArticlePageContribution(byline, afterBody, structuredData(article, thread));
    }

    /** The schema.org count and the approved comments this page shows, replies nested under their parents. */
    private Map<String, Object> structuredData(ArticleView article, CommentThread thread) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("commentCount", thread.count());
        if (!thread.isEmpty()) {
            String pageUrl = site.absolute(article.url());
            data.put(
                    "comment",
                    thread.comments().stream().map(c -> comment(c, pageUrl)).toList());
        }
        return data;
    }

    private Map<String, Object> comment(CommentView comment, String pageUrl) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@type", "Comment");
        data.put("@id", pageUrl + "#" + comment.anchor());
        data.put("url", pageUrl + "#" + comment.anchor());
        data.put("text", comment.text());
        data.put("dateCreated", comment.postedAt().datetime());
        data.put("author", Map.of("@type", "Person", "name", comment.authorName()));
        if (!comment.replies().isEmpty()) {
            data.put(
                    "comment",
                    comment.replies().stream()
                            .map(reply -> comment(reply, pageUrl))
                            .toList());
        }
        return data;
    }

    private CommentFormView form(ArticleView article, @Nullable String replyTo) {
        Optional<CommentView> parent = parseId(replyTo).flatMap(id -> comments.replyTarget(article.id(), id));
        CommentForm empty = CommentForm.empty(parent.map(CommentView::id).orElse(null));
        return CommentForms.filled(
                article.summary(), empty, parent.map(CommentView::authorName).orElse(null), Map.of(), null, true);
    }

    private static @Nullable String notice(@Nullable String outcome) {
        if ("pending".equals(outcome)) {
            return "Thank you. Your comment has been received and will appear once a moderator has approved it.";
        }
        if ("published".equals(outcome)) {
            return "Thank you. Your comment has been published.";
        }
        if ("reported".equals(outcome)) {
            return "Thank you for your report. A moderator will look at the comment.";
        }
        if ("rejected-language".equals(outcome)) {
            return "Your comment was not published: it contains language we do not allow.";
        }
        if (outcome != null && outcome.startsWith("rejected")) {
            return "Your comment was not published because it breaks our community rules.";
        }
        return null;
    }

    private static Optional<Long> parseId(@Nullable String value) {
        if (value == null || !value.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value));
    }
}
