package news.broadsheet.site.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The site's icon as raster images: a newspaper page on the accent colour, drawn with the same
 * shapes as {@code static/img/icon.svg}, for {@code /favicon.ico} (which browsers and auditors
 * still ask for) and the PNG sizes web app manifests and home screens need. Drawn once per size.
 */
@Component
public class SiteIcon {

    /** The sizes packed into {@code favicon.ico}. */
    static final List<Integer> ICO_SIZES = List.of(16, 32, 48);

    /** The site's colours, shared with {@link SiteCard} (the same as the stylesheet's). */
    static final Color ACCENT = new Color(0x8a1c1c);

    static final Color PAPER = new Color(0xfdfcf9);
    private static final Color INK = new Color(0x1a1a1a);
    private static final Color MUTED = new Color(0x5c5c5c);

    private final Map<Integer, byte[]> pngs = new ConcurrentHashMap<>();
    private volatile byte @Nullable [] ico;

    /** The icon as a PNG image of {@code size} × {@code size} pixels. */
    public byte[] png(int size) {
        return pngs.computeIfAbsent(size, s -> encode(draw(s))).clone();
    }

    /** A Windows icon file holding the icon at 16, 32 and 48 pixels, each as an embedded PNG. */
    public byte[] ico() {
        byte[] bytes = ico;
        if (bytes == null) {
            bytes = pack(ICO_SIZES, ICO_SIZES.stream().map(this::png).toList());
            ico = bytes;
        }
        return bytes.clone();
    }

    /** The shapes of icon.svg on a 64-unit grid, scaled to the size asked for. */
    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.scale(size / 64.0, size / 64.0);
            g.setColor(ACCENT);
            g.fill(new RoundRectangle2D.Double(0, 0, 64, 64, 24, 24));
            g.setColor(PAPER);
            g.fill(new Rectangle2D.Double(12, 9, 40, 46));
            g.setColor(INK);
            g.fill(new Rectangle2D.Double(17, 14, 30, 7));
            g.fill(new Rectangle2D.Double(17, 24, 30, 2));
            g.setColor(MUTED);
            for (int column : new int[] {17, 34}) {
                for (int line : new int[] {30, 36, 42}) {
                    g.fill(new Rectangle2D.Double(column, line, 13, 3));
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** A drawn image as PNG bytes (also used by {@link SiteCard}). */
    static byte[] encode(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The ICO container: a 6-byte header, a 16-byte entry per image, then the images. Browsers
     * have read PNG-compressed entries since Windows Vista's format change.
     */
    static byte[] pack(List<Integer> sizes, List<byte[]> pngImages) {
        int headerSize = 6 + 16 * pngImages.size();
        int total = headerSize + pngImages.stream().mapToInt(png -> png.length).sum();
        ByteBuffer buffer = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putShort((short) 0).putShort((short) 1).putShort((short) pngImages.size());
        int offset = headerSize;
        for (int i = 0; i < pngImages.size(); i++) {
            int size = sizes.get(i);
            byte[] png = pngImages.get(i);
            buffer.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size));
            buffer.put((byte) 0).put((byte) 0);
            buffer.putShort((short) 1).putShort((short) 32);
            buffer.putInt(png.length).putInt(offset);
            offset += png.length;
        }
        pngImages.forEach(buffer::put);
        return buffer.array();
    }
}
