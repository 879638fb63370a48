package news.broadsheet.article.web;

import news.broadsheet.media.StoredImage;

/** A story's lead image as pages draw it: a responsive {@code <img>} with its caption and credit. */
public record LeadImage(
        String url, String srcset, String sizes, int width, int height, String alt, String caption, String credit) {

    static LeadImage of(StoredImage image) {
        return new LeadImage(
                image.url(),
                image.srcset(),
                image.sizes(),
                image.width(),
                image.height(),
                image.altText(),
                image.caption(),
                image.credit());
    }

    /** The sizes hint for the small pictures in story lists. */
    public String cardSizes() {
        return "(min-width: 48rem) 16rem, 33vw";
    }
}
