package news.broadsheet.article.web;

import java.util.List;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.article.StoryList;
import news.broadsheet.author.Author;
import news.broadsheet.media.MediaLibrary;
import news.broadsheet.media.StoredImage;
import news.broadsheet.shared.CacheTags;
import news.broadsheet.shared.DisplayTime;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** Turns article summaries into the cards and links that list pages show. */
@Component
class StoryCards {

    private final SiteSettings site;
    private final MediaLibrary media;

    StoryCards(SiteSettings site, MediaLibrary media) {
        this.site = site;
        this.media = media;
    }

    /** The story's lead image, if it has one that still exists. */
    @Nullable
    LeadImage image(ArticleSummary article) {
        Long id = article.leadImageId();
        return id == null ? null : media.byId(id).map(LeadImage::of).orElse(null);
    }

    StoryCard card(ArticleSummary article) {
        return card(article, image(article));
    }

    private StoryCard card(ArticleSummary article, @Nullable LeadImage image) {
        return new StoryCard(
                article.headline(),
                article.url(),
                article.standfirst(),
                new Crumb(article.section().name(), article.section().url()),
                authors(article.authors()),
                time(article.publishedAt()),
                image);
    }

    /** Cards for a list, with every lead image looked up in one query. */
    List<StoryCard> cards(StoryList list) {
        return cards(list.stories());
    }

    /** Cards for these stories, with every lead image looked up in one query. */
    List<StoryCard> cards(List<ArticleSummary> stories) {
        stories.forEach(StoryCards::tagShown);
        List<Long> imageIds = stories.stream()
                .map(ArticleSummary::leadImageId)
                .filter(java.util.Objects::nonNull)
                .toList();
        java.util.Map<Long, StoredImage> images = media.byIds(imageIds);
        return stories.stream()
                .map(story -> {
                    Long id = story.leadImageId();
                    StoredImage image = id == null ? null : images.get(id);
                    return card(story, image == null ? null : LeadImage.of(image));
                })
                .toList();
    }

    List<Crumb> authors(List<Author> authors) {
        return authors.stream().map(a -> new Crumb(a.name(), a.url())).toList();
    }

    DisplayTime time(java.time.Instant instant) {
        return DisplayTime.of(instant, site.timeZone());
    }

    /** The "Older stories" link for a list page, or null when the list has no more. */
    static @Nullable String olderUrl(String pageUrl, StoryList list) {
        if (list.olderCursor() == null) {
            return null;
        }
        return UriComponentsBuilder.fromPath(pageUrl)
                .queryParam("before", list.olderCursor().token())
                .build()
                .toUriString();
    }

    String title(String heading) {
        return heading + " | " + site.name();
    }

    /**
     * A list page's meta description: what it lists and where, so section, tag and author pages
     * each describe themselves; a later page says it holds older stories.
     */
    String description(String whatItLists, @Nullable String olderThan) {
        String sentence = whatItLists + " from " + site.name() + ".";
        return olderThan == null
                ? sentence
                : "Older " + Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }

    /** Tags the response with what a card or a story page shows of the story: itself, its section, its bylines. */
    static void tagShown(ArticleSummary story) {
        CacheTags.tag(
                CacheTags.article(story.id()), CacheTags.section(story.section().id()));
        story.authors().forEach(author -> CacheTags.tag(CacheTags.author(author.id())));
    }
}
