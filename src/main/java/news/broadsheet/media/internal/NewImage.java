package news.broadsheet.media.internal;

import java.util.List;

/**
 * An image ready to be recorded: its checked text, its variants' and crops' files and who sent it.
 *
 * @param width the upload's own width, the right way up (the variants may be narrower)
 * @param height the upload's own height, the right way up
 */
public record NewImage(
        String originalFilename,
        String contentType,
        int width,
        int height,
        String altText,
        String caption,
        String credit,
        long uploadedBy,
        long createdAt,
        List<VariantFile> variants,
        List<CropFile> crops) {

    /** A variant's size and its file name under the media folder. */
    public record VariantFile(int width, int height, String name) {}

    /** A crop's ratio ({@code 16x9}), size and file name under the media folder. */
    public record CropFile(String ratio, int width, int height, String name) {}
}
