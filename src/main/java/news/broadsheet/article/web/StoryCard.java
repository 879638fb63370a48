package news.broadsheet.article.web;

import java.util.List;
import news.broadsheet.shared.DisplayTime;
import org.jspecify.annotations.Nullable;

/** A story in a list: what a reader needs to decide whether to open it. */
public record StoryCard(
        String headline,
        String url,
        String standfirst,
        Crumb section,
        List<Crumb> authors,
        DisplayTime publishedAt,
        @Nullable LeadImage image) {}
