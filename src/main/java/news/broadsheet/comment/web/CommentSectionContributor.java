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
import news.broadsheet.shared.CacheTags;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/** Puts the comment count under the article's byline and the thread and form under its body. */
@Component
@Order(100)
class CommentSectionContributor implements ArticlePageContributor {

    /** Posting, replying and reporting without leaving the page, when JavaScript runs. */
    private static final String SCRIPT = "/assets/js/comments.js";

    private final Comments comments;
    private final TemplateEngine templates;
    private final SiteSettings site;
    private final ResourceUrlProvider resourceUrls;

    CommentSectionContributor(
            Comments comments, TemplateEngine templates, SiteSettings site, ResourceUrlProvider resourceUrls) {
        this.comments = comments;
        this.templates = templates;
        this.site = site;
        this.resourceUrls = resourceUrls;
    }

    @Override
    public ArticlePageContribution contribute(ArticlePageRequest request) {
        ArticleView article = request.article();
        CacheTags.tag(CacheTags.comments(article.id()), CacheTags.COMMENT_SETTINGS);
        CommentThread thread = comments.thread(article.id(), request.parameter("comments"));
        boolean open = comments.commentsOpen(article.summary());
        CommentNotices.Notice notice = CommentNotices.of(request.parameter("comment"));
        CommentSectionView section = new CommentSectionView(
                thread,
                notice == null ? null : notice.text(),
                notice == null || notice.commentAnchor() == null ? null : "#" + notice.commentAnchor(),
                notice == null ? null : notice.linkLabel(),
                open ? form(article, request.parameter("replyto")) : null,
                open ? null : "Comments are closed on this story.",
                article.url() + "?replyto=",
                scriptUrl());
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
                article.summary(),
                empty,
                parent.orElse(null),
                Map.of(),
                null,
                true,
                comments.moderationPolicy(article.summary()));
    }

    private String scriptUrl() {
        String url = resourceUrls.getForLookupPath(SCRIPT);
        return url != null ? url : SCRIPT;
    }

    private static Optional<Long> parseId(@Nullable String value) {
        if (value == null || !value.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value));
    }
}
