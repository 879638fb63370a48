package news.broadsheet.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Real image files made in memory for the media tests, and a few hand-built oddities. */
public final class TestImages {

    /**
     * A 24 × 16 lossy WebP (a colour gradient), made with {@code cwebp -q 80 -metadata none}:
     * ImageIO can read WebP through TwelveMonkeys but not write it.
     */
    public static final byte[] LOSSY_WEBP = Base64.getDecoder()
            .decode(
                    "UklGRnAAAABXRUJQVlA4IGQAAAAQBACdASoYABAAPm0uk0WkIqGYBABABsS2AE6ZQjgbwAAwkuxjrwCCUAD+/GtQpVLapBuCXDOO3s"
                            + "//xzjRNhmW5hk733RFMzH45uSilmW/lV7IzArpWsVXTF+fsHfN6fP4aAAA");

    /** A 24 × 16 lossless WebP, red on the left half and transparent on the right ({@code cwebp -lossless}). */
    public static final byte[] TRANSPARENT_WEBP =
            Base64.getDecoder().decode("UklGRigAAABXRUJQVlA4TBsAAAAvF8ADEA8wHoM8HvMf8BASEB74v1a3IKL/kcwA");

    private TestImages() {}

    /** A photo-like opaque picture: a gradient with some structure, so JPEG has something to encode. */
    public static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int x = 0; x < width; x += 8) {
            g.setColor(new Color((x * 255) / width, 90, 255 - (x * 255) / width));
            g.fillRect(x, 0, 8, height);
        }
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    /** Left half one colour, right half another: shows which way up a picture came out. */
    public static BufferedImage halves(int width, int height, Color left, Color right, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(left);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(right);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    /** Random pixels: they do not compress, so the file is large for its size. */
    public static BufferedImage noise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An animated GIF with one frame per colour. */
    public static byte[] animatedGif(int width, int height, Color... frames) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(output);
            writer.prepareWriteSequence(null);
            for (Color colour : frames) {
                writer.writeToSequence(
                        new IIOImage(halves(width, height, colour, colour, BufferedImage.TYPE_INT_RGB), null, null),
                        null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    public static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalStateException("Not an image ImageIO can read");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JPEG with a segment (marker and payload) inserted straight after its start-of-image marker. */
    public static byte[] withSegment(byte[] jpeg, int marker, byte[] payload) {
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + payload.length);
        out.put(jpeg, 0, 2);
        out.put((byte) 0xFF)
                .put((byte) marker)
                .putShort((short) (payload.length + 2))
                .put(payload);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** A JPEG comment (COM) segment's payload. */
    public static byte[] comment(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * An APP1 EXIF payload, big-endian, with IFD0 holding the orientation (1 to 8) and a camera make,
     * as phones write them.
     */
    public static byte[] exif(int orientation, String make) {
        byte[] makeBytes = (make + "\0").getBytes(StandardCharsets.US_ASCII);
        int ifd = 8;
        int entries = 2;
        int makeOffset = ifd + 2 + entries * 12 + 4;
        ByteBuffer tiff = ByteBuffer.allocate(makeOffset + makeBytes.length);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifd);
        tiff.putShort((short) entries);
        // 0x010F Make, ASCII, stored after the IFD.
        tiff.putShort((short) 0x010F)
                .putShort((short) 2)
                .putInt(makeBytes.length)
                .putInt(makeOffset);
        // 0x0112 Orientation, SHORT, value in the first two bytes of the field.
        tiff.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        tiff.putInt(0); // no next IFD
        tiff.put(makeBytes);
        ByteBuffer app1 = ByteBuffer.allocate(6 + tiff.capacity());
        app1.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(tiff.array());
        return app1.array();
    }

    /** The start of a PNG whose header claims the given size; no pixel data follows. */
    public static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13);
        ihdr.putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        ByteBuffer png = ByteBuffer.allocate(8 + 12 + 13 + 12);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(png, "IHDR", ihdr.array());
        chunk(png, "IEND", new byte[0]);
        return png.array();
    }

    private static void chunk(ByteBuffer png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue());
    }

    public static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }
}
