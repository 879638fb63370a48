package news.broadsheet.search.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import news.broadsheet.article.ArticlePageContribution;
import news.broadsheet.article.ArticlePageContributor;
import news.broadsheet.article.ArticlePageRequest;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.search.SiteSearch;
import news.broadsheet.shared.CacheTags;
import news.broadsheet.shared.SiteSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Puts up to four related stories (same section first) under the article body, before the comments. */
@Component
@Order(50)
class RelatedStoriesContributor implements ArticlePageContributor {

    private static final Logger log = LoggerFactory.getLogger(RelatedStoriesContributor.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final SiteSearch search;
    private final TemplateEngine templates;
    private final SiteSettings site;

    RelatedStoriesContributor(SiteSearch search, TemplateEngine templates, SiteSettings site) {
        this.search = search;
        this.templates = templates;
        this.site = site;
    }

    @Override
    public ArticlePageContribution contribute(ArticlePageRequest request) {
        List<ArticleSummary> related;
        try {
            related = search.related(request.article().summary());
        } catch (RuntimeException e) {
            // Related stories are a nicety: the article page must render without them.
            log.warn(
                    "Related stories unavailable for article {}: {}",
                    request.article().id(),
                    e.toString());
            related = List.of();
        }
        if (related.isEmpty()) {
            return new ArticlePageContribution(null, null);
        }
        // The block shows these stories (headline, address, section): a change to any of them drops the page.
        related.forEach(story -> CacheTags.tag(
                CacheTags.article(story.id()), CacheTags.section(story.section().id())));
        RelatedStories view = new RelatedStories(related.stream()
                .map(story -> new RelatedStories.Story(
                        story.headline(),
                        story.url(),
                        story.section().name(),
                        DAY.format(story.publishedAt().atZone(site.timeZone())),
                        LABEL.format(story.publishedAt().atZone(site.timeZone()))))
                .toList());
        Content afterBody = output -> templates.render("search/related.jte", Map.of("related", view), output);
        return new ArticlePageContribution(null, afterBody);
    }
}
