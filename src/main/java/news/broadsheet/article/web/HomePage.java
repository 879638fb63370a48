package news.broadsheet.article.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The front page: the lead story, then the latest from each top-level section. */
public record HomePage(@Nullable StoryCard lead, List<SectionFront> fronts) {

    /** A top-level section's latest stories on the front page. */
    public record SectionFront(Crumb section, List<StoryCard> stories) {}
}
