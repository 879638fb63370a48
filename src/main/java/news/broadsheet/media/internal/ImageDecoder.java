package news.broadsheet.media.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import news.broadsheet.media.ImageRejectedException;
import news.broadsheet.media.ImageRejectedException.Reason;
import org.springframework.stereotype.Component;

/**
 * Decodes an upload safely: the format comes from the bytes, and the dimensions are read from the
 * header before any pixel is, so a small file claiming a huge image (a decompression bomb) is
 * refused before it can exhaust memory.
 */
@Component
public class ImageDecoder {

    /** 40 megapixels: more than any newsroom camera, far less than a bomb. */
    static final long MAX_PIXELS = 40_000_000;

    public DecodedImage decode(byte[] bytes) {
        ImageFormat format = ImageFormat.detect(bytes)
                .orElseThrow(
                        () -> rejected(Reason.UNSUPPORTED_TYPE, "That file is not a JPEG, PNG, WebP or GIF image."));
        ImageReader reader = readerFor(format);
        List<String> truncation = new ArrayList<>();
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width * height > MAX_PIXELS) {
                throw rejected(
                        Reason.TOO_MANY_PIXELS,
                        "Images can have at most %d megapixels; this one is %d × %d."
                                .formatted(MAX_PIXELS / 1_000_000, width, height));
            }
            reader.addIIOReadWarningListener(truncationInto(truncation));
            // Animated GIF and WebP: the first frame stands for the image.
            BufferedImage image = reader.read(0);
            if (!truncation.isEmpty()) {
                throw new IOException(String.join("; ", truncation));
            }
            if (format == ImageFormat.JPEG) {
                image = ExifOrientation.of(bytes).upright(image);
            }
            return new DecodedImage(format, image);
        } catch (ImageRejectedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Decoders signal a damaged file with all sorts of unchecked exceptions, too.
            throw rejected(Reason.UNREADABLE, "That image file is damaged or incomplete, so it cannot be read.", e);
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader readerFor(ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName());
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format + " on the class path");
        }
        return readers.next();
    }

    /**
     * The JPEG decoder fills the missing part of a truncated file with grey and only warns
     * ("Premature end of JPEG file"): publish no half picture. Other warnings (extraneous bytes,
     * odd scan parameters) are common in phone and camera files that show perfectly well.
     */
    private static IIOReadWarningListener truncationInto(List<String> truncation) {
        return (source, warning) -> {
            if (warning.toLowerCase(Locale.ROOT).contains("premature end")) {
                truncation.add(warning);
            }
        };
    }

    private static ImageRejectedException rejected(Reason reason, String message) {
        return new ImageRejectedException(reason, "image", message);
    }

    private static ImageRejectedException rejected(Reason reason, String message, Exception cause) {
        ImageRejectedException rejected = rejected(reason, message);
        rejected.initCause(cause);
        return rejected;
    }
}
