package news.broadsheet.demo;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The shape of {@code demo/newsroom.yml}. */
record DemoNewsroom(
        List<Author> authors,
        List<Section> sections,
        List<Article> articles,
        @DefaultValue List<Page> pages) {

    /** A static page, linked from the footer at this position. */
    record Page(String slug, String title, String description, int footerPosition, String body) {}

    record Author(String slug, String name, String bio) {}

    record Section(
            String slug,
            String name,
            String description,
            @DefaultValue List<Section> children) {}

    record Article(
            String slug,
            String section,
            String headline,
            String standfirst,
            List<String> authors,
            @DefaultValue List<String> tags,
            int hoursAgo,
            @Nullable Integer updatedHoursAgo,
            @DefaultValue("true") boolean commentsOpen,
            @DefaultValue List<String> retiredSlugs,
            String body,
            @DefaultValue List<Comment> comments) {}

    record Comment(
            String name,
            @Nullable String email,
            int minutesAfter,
            String body,
            @DefaultValue List<Comment> replies) {}
}
