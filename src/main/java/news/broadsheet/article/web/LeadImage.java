package news.broadsheet.article.web;

import java.util.List;
import news.broadsheet.media.ImageCrop;
import news.broadsheet.media.ImageVariant;
import news.broadsheet.media.StoredImage;

/**
 * A story's lead image as pages draw it: a responsive {@code <img>} with its caption and credit.
 *
 * @param variants every stored width, narrowest first, for structured data
 * @param crops the centre crops search engines and link previews ask for, widest ratio first
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
        List<ImageVariant> variants,
        List<ImageCrop> crops) {

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
                image.variants(),
                image.crops());
    }

    /** The crop at this ratio ({@code 16x9}, {@code 4x3}, {@code 1x1}), if there is one. */
    java.util.Optional<ImageCrop> crop(String ratio) {
        return crops.stream().filter(c -> c.ratio().equals(ratio)).findFirst();
    }

    /** The lead story's picture on the front page: the width of its column. */
    public String leadSizes() {
        return "(min-width: 64rem) 40rem, (min-width: 48rem) 62vw, 100vw";
    }

    /**
     * The sizes hint for the pictures in story lists: a thumbnail beside the headline on phones, the
     * width of a grid column above it on wider screens (site.css, {@code .card}).
     */
    public String cardSizes() {
        return "(min-width: 64rem) 15rem, (min-width: 48rem) 22vw, 7rem";
    }

    /** The sizes hint for the thumbnails of section, tag and author listings: 7rem at every width (site.css, {@code .card__image}). */
    public String thumbnailSizes() {
        return "7rem";
    }
}
