package news.broadsheet.media;

/**
 * A centre crop of a stored image at one of the aspect ratios search engines ask for.
 *
 * @param ratio {@code 16x9}, {@code 4x3} or {@code 1x1}
 */
public record ImageCrop(String ratio, int width, int height, String url) {

    public static final String WIDE = "16x9";
    public static final String STANDARD = "4x3";
    public static final String SQUARE = "1x1";
}
