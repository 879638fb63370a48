package news.broadsheet.comment.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.broadsheet.article.ArticlePageContributor;
import news.broadsheet.article.ArticleView;
import news.broadsheet.comment.CommentView;
import news.broadsheet.comment.Comments;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Puts the comment count in the article's byline and the thread and form under its body. */
@Component
@Order(100)
class CommentSectionContributor implements ArticlePageContributor {

    private final Comments comments;
    private final TemplateEngine templates;

    CommentSectionContributor(Comments comments, TemplateEngine templates) {
        this.comments = comments;
        this.templates = templates;
    }

    @Override
    public Content byline(ArticleView article) {
        String label = CommentSectionView.countLabel(comments.approvedCount(article.id()));
        return output -> templates.render("comment/count.jte", Map.of("label", label), output);
    }

    @Override
    public Content afterBody(ArticleView article, Map<String, String> query) {
        List<CommentView> thread = comments.thread(article.id());
        CommentSectionView section = new CommentSectionView(
                comments.approvedCount(article.id()),
                thread,
                notice(query.get("comment")),
                article.summary().commentsOpen() ? form(article, query.get("replyto")) : null,
                article.summary().commentsOpen() ? null : "Comments are closed on this story.",
                article.url() + "?replyto=");
        return output -> templates.render("comment/section.jte", Map.of("section", section), output);
    }

    private CommentFormView form(ArticleView article, @Nullable String replyTo) {
        Optional<CommentView> parent = parseId(replyTo).flatMap(id -> comments.replyTarget(article.id(), id));
        CommentForm empty = CommentForm.empty(parent.map(CommentView::id).orElse(null));
        return CommentForms.filled(
                article.summary(), empty, parent.map(CommentView::authorName).orElse(null), Map.of(), null);
    }

    private static @Nullable String notice(@Nullable String outcome) {
        if ("pending".equals(outcome)) {
            return "Thank you. Your comment has been received and will appear once a moderator has approved it.";
        }
        if ("published".equals(outcome)) {
            return "Thank you. Your comment has been published.";
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
