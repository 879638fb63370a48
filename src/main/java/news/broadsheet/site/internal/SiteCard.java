package news.broadsheet.site.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The picture link previews show for pages without one of their own: the site icon and the site's
 * name on its accent colour, {@value #WIDTH} × {@value #HEIGHT} pixels (the shape Facebook, LinkedIn
 * and X crop previews to). Drawn once, on first request.
 */
@Component
public class SiteCard {

    public static final int WIDTH = 1200;
    public static final int HEIGHT = 630;

    private static final Logger log = LoggerFactory.getLogger(SiteCard.class);

    private static final Color ACCENT = SiteIcon.ACCENT;
    private static final Color PAPER = SiteIcon.PAPER;
    private static final int MARGIN = 96;
    private static final int ICON = 240;
    private static final int GAP = 64;
    private static final int LARGEST_TYPE = 120;
    private static final int SMALLEST_TYPE = 36;
    private static final int MAX_LINES = 3;

    private final SiteSettings site;
    private volatile byte @Nullable [] png;

    SiteCard(SiteSettings site) {
        this.site = site;
    }

    /** The card as a PNG image. */
    public byte[] png() {
        byte[] bytes = png;
        if (bytes == null) {
            bytes = SiteIcon.encode(draw(site.name()));
            png = bytes;
        }
        return bytes.clone();
    }

    static BufferedImage draw(String name) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(ACCENT);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.drawImage(SiteIcon.draw(ICON), MARGIN, (HEIGHT - ICON) / 2, null);
            try {
                drawName(g, name);
            } catch (RuntimeException | Error e) {
                // A server without fonts still gets a card: the icon alone on the accent colour.
                log.warn("Cannot draw the site's name on its link-preview card: {}", e.toString());
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * The name in the serif, as large as fits beside the icon on at most three lines, centred on
     * the icon, with a short rule below.
     */
    private static void drawName(Graphics2D g, String name) {
        int left = MARGIN + ICON + GAP;
        int room = WIDTH - left - MARGIN;
        Font font = new Font(Font.SERIF, Font.BOLD, LARGEST_TYPE);
        FontMetrics metrics = g.getFontMetrics(font);
        List<String> lines = wrap(name, metrics, room);
        while ((lines.size() > MAX_LINES || widest(lines, metrics) > room) && font.getSize() > SMALLEST_TYPE) {
            font = font.deriveFont((float) font.getSize() - 4);
            metrics = g.getFontMetrics(font);
            lines = wrap(name, metrics, room);
        }
        lines = lines.subList(0, Math.min(lines.size(), MAX_LINES));
        g.setFont(font);
        g.setColor(PAPER);
        int lineHeight = metrics.getHeight();
        int top = (HEIGHT - lineHeight * lines.size()) / 2;
        g.setClip(left, 0, room, HEIGHT);
        for (int i = 0; i < lines.size(); i++) {
            g.drawString(lines.get(i), left, top + i * lineHeight + metrics.getAscent());
        }
        g.fill(new Rectangle2D.Double(left, top + lineHeight * lines.size() + 16, Math.min(room, 160), 6));
        g.setClip(null);
    }

    /** The words in lines no wider than {@code room} where they can be (a single long word stays whole). */
    private static List<String> wrap(String text, FontMetrics metrics, int room) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (metrics.stringWidth(longer) <= room || line.isEmpty()) {
                line.setLength(0);
                line.append(longer);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private static int widest(List<String> lines, FontMetrics metrics) {
        return lines.stream().mapToInt(metrics::stringWidth).max().orElse(0);
    }
}
