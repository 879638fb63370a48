package news.broadsheet.article;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import news.broadsheet.article.internal.VisibilityTimetable;
import news.broadsheet.author.Author;
import news.broadsheet.shared.CacheTags;
import org.springframework.stereotype.Service;

/**
 * What shows a story, for whatever keeps copies of pages: its cache tags, and when stories come
 * out or come down by the clock alone (schedules, embargoes, expiries).
 */
@Service
public class StoryVisibility {

    private final Articles articles;
    private final VisibilityTimetable timetable;

    StoryVisibility(Articles articles, VisibilityTimetable timetable) {
        this.articles = articles;
        this.timetable = timetable;
    }

    /**
     * The cache tags of the responses a change to this story concerns: the story itself wherever it
     * is shown, the sitemaps, and while it is live the listings of its section, tags and bylines
     * (it may have just joined them). Site-wide listings only when it comes out or goes ({@code
     * comesOrGoes}): otherwise they showed it or not as before. Listings it has left showed it, so
     * they carry the story's own tag.
     */
    public Set<String> cacheTags(long articleId, boolean comesOrGoes) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(CacheTags.article(articleId));
        tags.add(CacheTags.ARCHIVE);
        if (comesOrGoes) {
            tags.add(CacheTags.ALL_STORIES);
        }
        articles.liveById(articleId).ifPresent(story -> {
            tags.add(CacheTags.sectionStories(story.section().id()));
            for (Author author : story.authors()) {
                tags.add(CacheTags.authorStories(author.id()));
            }
            for (Tag tag : articles.tagsOf(List.of(articleId)).getOrDefault(articleId, List.of())) {
                tags.add(CacheTags.tagStories(tag.id()));
            }
        });
        return tags;
    }

    /** Whether readers can see the story now. */
    public boolean isLive(long articleId) {
        return articles.liveById(articleId).isPresent();
    }

    /** Stories that come out or come down after one moment and up to another. */
    public List<Long> changingBetween(Instant after, Instant upTo) {
        return timetable.changingBetween(after, upTo);
    }

    /** The next moment after this one at which a story comes out or comes down by the clock. */
    public Optional<Instant> nextChangeAfter(Instant after) {
        return timetable.nextChangeAfter(after);
    }
}
