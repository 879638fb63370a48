package news.broadsheet.media;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An image in the library, with everything a page needs for a responsive {@code <img>}: {@code
 * src}, {@code srcset}, {@code sizes}, {@code alt} and its intrinsic size.
 *
 * @param width the width of the largest variant, for the {@code width} attribute
 * @param height the height of the largest variant, for the {@code height} attribute
 * @param variants at least one, narrowest first
 * @param crops centre crops at the aspect ratios search engines ask for, widest ratio first; none
 *     for an image too small for any of them (or not cropped yet)
 */
public record StoredImage(
        long id,
        String altText,
        String caption,
        String credit,
        int width,
        int height,
        List<ImageVariant> variants,
        List<ImageCrop> crops) {

    public StoredImage {
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("An image has at least one variant");
        }
        variants = variants.stream()
                .sorted(Comparator.comparingInt(ImageVariant::width))
                .toList();
        crops = crops.stream()
                .sorted(Comparator.comparingDouble(c -> -(double) c.width() / c.height()))
                .toList();
    }

    /** The crop at this ratio ({@code 16x9}, {@code 4x3}, {@code 1x1}), if the image was large enough. */
    public Optional<ImageCrop> crop(String ratio) {
        return crops.stream().filter(c -> c.ratio().equals(ratio)).findFirst();
    }

    /** The largest variant, for {@code src}. */
    public String url() {
        return variants.getLast().url();
    }

    /** Every variant with its width, for example {@code /media/2026/05/ab…-480.jpg 480w, …}. */
    public String srcset() {
        return variants.stream().map(v -> v.url() + " " + v.width() + "w").collect(Collectors.joining(", "));
    }

    /** The image fills the story column: 42rem on a wide screen, the whole viewport on a phone. */
    public String sizes() {
        return "(min-width: 48rem) 42rem, 100vw";
    }
}
