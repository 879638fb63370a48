package news.broadsheet.media.internal;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * The EXIF orientation of a JPEG: phones store pixels as the sensor saw them and say in EXIF which
 * way is up. The library drops EXIF (see {@link VariantRenderer}), so it turns the pixels upright
 * first; otherwise portrait photos would be published lying on their side.
 */
final class ExifOrientation {

    private static final ExifOrientation UPRIGHT = new ExifOrientation(1);
    private static final int ORIENTATION_TAG = 0x0112;
    private static final int SHORT = 3;

    /** 1 to 8, as in the EXIF specification; 1 is upright. */
    private final int value;

    private ExifOrientation(int value) {
        this.value = value;
    }

    /** The orientation in a JPEG's EXIF block, upright when there is none or it is unreadable. */
    static ExifOrientation of(byte[] jpeg) {
        int pos = 2; // after SOI
        while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
            int marker = jpeg[pos + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                break; // image data starts: EXIF comes before it
            }
            int length = u16(jpeg, pos + 2, true);
            if (marker == 0xE1 && length >= 8 && startsWithExif(jpeg, pos + 4)) {
                return fromTiff(jpeg, pos + 10, Math.min(jpeg.length, pos + 2 + length));
            }
            pos += 2 + length;
        }
        return UPRIGHT;
    }

    private static boolean startsWithExif(byte[] b, int at) {
        return at + 6 <= b.length
                && b[at] == 'E'
                && b[at + 1] == 'x'
                && b[at + 2] == 'i'
                && b[at + 3] == 'f'
                && b[at + 4] == 0
                && b[at + 5] == 0;
    }

    /** Looks for the orientation tag in IFD0 of the TIFF structure between start and end. */
    private static ExifOrientation fromTiff(byte[] b, int start, int end) {
        if (start + 8 > end) {
            return UPRIGHT;
        }
        boolean bigEndian = b[start] == 'M' && b[start + 1] == 'M';
        boolean littleEndian = b[start] == 'I' && b[start + 1] == 'I';
        if (!bigEndian && !littleEndian) {
            return UPRIGHT;
        }
        long ifd = start + u32(b, start + 4, bigEndian);
        if (ifd + 2 > end) {
            return UPRIGHT;
        }
        int entries = u16(b, (int) ifd, bigEndian);
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + 12 * i;
            if (entry + 12 > end) {
                break;
            }
            if (u16(b, entry, bigEndian) == ORIENTATION_TAG && u16(b, entry + 2, bigEndian) == SHORT) {
                int value = u16(b, entry + 8, bigEndian);
                return value >= 1 && value <= 8 ? new ExifOrientation(value) : UPRIGHT;
            }
        }
        return UPRIGHT;
    }

    /** The image turned and mirrored so that it shows the right way up. */
    BufferedImage upright(BufferedImage image) {
        if (value == 1) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swapsSides = value >= 5;
        AffineTransform transform = switch (value) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0); // mirrored
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h); // mirrored upside down
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // mirrored, turned
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0); // needs a quarter turn clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // mirrored, turned
            default -> new AffineTransform(0, -1, 1, 0, 0, w); // 8: a quarter turn anticlockwise
        };
        BufferedImage turned = new BufferedImage(swapsSides ? h : w, swapsSides ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = turned.createGraphics();
        try {
            g.drawImage(image, transform, null);
        } finally {
            g.dispose();
        }
        return turned;
    }

    private static int u16(byte[] b, int at, boolean bigEndian) {
        int first = b[at] & 0xFF;
        int second = b[at + 1] & 0xFF;
        return bigEndian ? first << 8 | second : second << 8 | first;
    }

    private static long u32(byte[] b, int at, boolean bigEndian) {
        long high = u16(b, bigEndian ? at : at + 2, bigEndian);
        long low = u16(b, bigEndian ? at + 2 : at, bigEndian);
        return high << 16 | low;
    }
}
