package news.broadsheet.article.web;

import java.util.List;
import news.broadsheet.media.ImageVariant;
import news.broadsheet.media.StoredImage;

/**
 * A story's lead image as pages draw it: a responsive {@code <img>} with its caption and credit.
 *
 * @param variants every stored width, narrowest first, for structured data
 */
public record LeadImage(
        String url,
        String srcset,
        String sizes,
        int width,
        int height,
        String alt,
        String caption,
        String credit,
        List<ImageVariant> variants) {

    static LeadImage of(StoredImage image) {
        return new LeadImage(
                image.url(),
                image.srcset(),
                image.sizes(),
                image.width(),
                image.height(),
                image.altText(),
                image.caption(),
                image.credit(),
                image.variants());
    }

    /** The sizes hint for the small pictures in story lists. */
    public String cardSizes() {
        return "(min-width: 48rem) 16rem, 33vw";
    }
}
