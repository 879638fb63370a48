package news.broadsheet.search.web;

import java.util.List;

/** The related-stories block under an article. */
public record RelatedStories(List<Story> stories) {

    /** One related story. */
    public record Story(String headline, String url, String sectionName, String datetime, String dateLabel) {}
}
