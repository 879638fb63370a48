package news.broadsheet.media.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Re-encodes an image at the widths pages ask for in {@code srcset}. Only pixels are written, so
 * the upload's metadata (EXIF with camera serial numbers and GPS position, comments, XMP) never
 * reaches readers: a privacy feature for sources and photographers, not an accident.
 */
@Component
public class VariantRenderer {

    /** The widths offered to browsers, where the original is wider. */
    static final List<Integer> WIDTHS = List.of(480, 960, 1440, 1920);

    /** The original's own width is offered too, up to this. */
    static final int MAX_WIDTH = 2400;

    private static final float JPEG_QUALITY = 0.82f;

    /** Crops are made this wide where the original allows: the width Google asks for in Discover. */
    static final int CROP_WIDTH = 1200;

    /** Search engines ignore pictures with fewer pixels; no smaller crop is made. */
    static final int MIN_CROP_PIXELS = 50_000;

    /** The aspect ratios Google asks for in article structured data, widest first. */
    static final List<Ratio> CROP_RATIOS = List.of(new Ratio(16, 9), new Ratio(4, 3), new Ratio(1, 1));

    /** An aspect ratio, {@code 16x9} as text. */
    record Ratio(int across, int down) {
        String label() {
            return across + "x" + down;
        }
    }

    /** The variants, narrowest first: JPEG for opaque images, PNG where any pixel is see-through. */
    public List<EncodedVariant> render(BufferedImage image) {
        boolean transparent = isTransparent(image);
        List<Integer> widths = widthsFor(image.getWidth());
        List<EncodedVariant> variants = new ArrayList<>();
        // Widest first, so each variant starts from the smallest halving that is still wide enough.
        BufferedImage level = image;
        for (int width : widths.reversed()) {
            while (level.getWidth() / 2 >= width) {
                level = resize(level, level.getWidth() / 2, Math.max(1, level.getHeight() / 2), transparent, false);
            }
            int height = Math.max(1, Math.round((float) image.getHeight() * width / image.getWidth()));
            BufferedImage variant = resize(level, width, height, transparent, true);
            variants.addFirst(new EncodedVariant(
                    width, height, transparent ? "png" : "jpg", transparent ? png(variant) : jpeg(variant)));
        }
        return variants;
    }

    /**
     * Centre crops at 16:9, 4:3 and 1:1, each {@link #CROP_WIDTH} wide or as wide as the original
     * allows (never enlarged), in exactly its ratio; a ratio whose crop would have fewer than
     * {@link #MIN_CROP_PIXELS} pixels is left out.
     */
    public List<EncodedCrop> crops(BufferedImage image) {
        boolean transparent = isTransparent(image);
        List<EncodedCrop> crops = new ArrayList<>();
        for (Ratio ratio : CROP_RATIOS) {
            Crop crop = cropFor(image.getWidth(), image.getHeight(), ratio);
            if (crop == null) {
                continue;
            }
            BufferedImage region = image.getSubimage(crop.x(), crop.y(), crop.sourceWidth(), crop.sourceHeight());
            BufferedImage pixels = scaled(region, crop.width(), crop.height(), transparent);
            crops.add(new EncodedCrop(
                    ratio.label(),
                    crop.width(),
                    crop.height(),
                    transparent ? "png" : "jpg",
                    transparent ? png(pixels) : jpeg(pixels)));
        }
        return crops;
    }

    /** Where to cut and how large to make one crop; null when it would be too small. */
    record Crop(int x, int y, int sourceWidth, int sourceHeight, int width, int height) {}

    static @Nullable Crop cropFor(int originalWidth, int originalHeight, Ratio ratio) {
        // The largest region of this ratio inside the original, centred.
        int sourceWidth = Math.min(originalWidth, (int) ((long) originalHeight * ratio.across() / ratio.down()));
        int sourceHeight = Math.min(originalHeight, (int) ((long) sourceWidth * ratio.down() / ratio.across()));
        // Whole multiples of the ratio, so the crop has exactly that shape.
        int units = Math.min(sourceWidth, CROP_WIDTH) / ratio.across();
        int width = units * ratio.across();
        int height = units * ratio.down();
        if ((long) width * height < MIN_CROP_PIXELS) {
            return null;
        }
        return new Crop(
                (originalWidth - sourceWidth) / 2,
                (originalHeight - sourceHeight) / 2,
                sourceWidth,
                sourceHeight,
                width,
                height);
    }

    /** The image at a smaller size: halving steps while at least twice as large, then one bicubic step. */
    private static BufferedImage scaled(BufferedImage source, int width, int height, boolean transparent) {
        BufferedImage level = source;
        while (level.getWidth() / 2 >= width && level.getHeight() / 2 >= height) {
            level = resize(level, level.getWidth() / 2, Math.max(1, level.getHeight() / 2), transparent, false);
        }
        return resize(level, width, height, transparent, true);
    }

    static List<Integer> widthsFor(int originalWidth) {
        int largest = Math.min(originalWidth, MAX_WIDTH);
        List<Integer> widths =
                new ArrayList<>(WIDTHS.stream().filter(w -> w < largest).toList());
        widths.add(largest);
        return widths;
    }

    /**
     * Draws the image at the new size into a plain RGB or ARGB raster. Halving steps use bilinear
     * filtering; the last, smaller step bicubic. One bilinear step over a larger reduction would
     * skip source pixels and alias.
     */
    private static BufferedImage resize(
            BufferedImage source, int width, int height, boolean transparent, boolean bicubic) {
        BufferedImage target = new BufferedImage(
                width, height, transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION,
                    bicubic ? RenderingHints.VALUE_INTERPOLATION_BICUBIC : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** Whether any pixel is not fully opaque; a PNG with an unused alpha channel is still a photo. */
    private static boolean isTransparent(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return false;
        }
        int width = image.getWidth();
        int[] row = new int[width];
        return IntStream.range(0, image.getHeight()).anyMatch(y -> {
            image.getRGB(0, y, width, 1, row, 0, width);
            return IntStream.of(row).anyMatch(argb -> argb >>> 24 != 0xFF);
        });
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = writer("jpeg");
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
        // Progressive: a blurred whole picture first on a slow connection, and usually fewer bytes.
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        return write(writer, image, param);
    }

    private static byte[] png(BufferedImage image) {
        ImageWriter writer = writer("png");
        return write(writer, image, writer.getDefaultWriteParam());
    }

    private static ImageWriter writer(String format) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new IllegalStateException("No ImageIO writer for " + format + " on the class path");
        }
        return writers.next();
    }

    /** Writes pixels only: no metadata is passed, so none is written. */
    private static byte[] write(ImageWriter writer, BufferedImage image, ImageWriteParam param) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(output);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode an image in memory", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
