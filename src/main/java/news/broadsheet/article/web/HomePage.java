package news.broadsheet.article.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The front page: the lead story and the next newest beside it, then the latest from each
 * top-level section (the first few, as the masthead shows them).
 */
public record HomePage(@Nullable StoryCard lead, List<StoryCard> topStories, List<SectionFront> fronts) {

    /** A top-level section's latest stories on the front page. */
    public record SectionFront(Crumb section, List<StoryCard> stories) {}
}
