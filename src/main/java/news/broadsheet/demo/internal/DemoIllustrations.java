package news.broadsheet.demo.internal;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Draws the demo stories' pictures: layered hills under a sky, in colours of the story's section and
 * a shape of its own, so the demo front page shows what a lead picture and picture cards look like
 * without shipping anyone's photographs.
 */
public final class DemoIllustrations {

    /** A drawn picture and the words that describe it to readers who cannot see it. */
    public record Illustration(byte[] jpeg, String altText) {}

    private record Palette(String name, Color skyTop, Color skyHorizon, Color sun, Color far, Color near) {}

    private static final Palette[] PALETTES = {
        new Palette("an evening sky", rgb(0x27335c), rgb(0xf0a36b), rgb(0xffe2a8), rgb(0x7d6a8c), rgb(0x1d2238)),
        new Palette("a dawn sky", rgb(0x5b4a7a), rgb(0xf6c1b0), rgb(0xfff1dc), rgb(0x9a8aa8), rgb(0x2e2740)),
        new Palette("a clear noon sky", rgb(0x3f7fbf), rgb(0xcfe6f2), rgb(0xfffbe8), rgb(0x7fa79a), rgb(0x24463a)),
        new Palette("a night sky", rgb(0x0d1430), rgb(0x34507a), rgb(0xe8eefc), rgb(0x30406a), rgb(0x0a0f22)),
        new Palette("a stormy sky", rgb(0x4a5560), rgb(0xb9c3c7), rgb(0xf2f4f5), rgb(0x6d7b80), rgb(0x263034)),
    };

    private DemoIllustrations() {}

    /**
     * Draws one picture.
     *
     * @param seed makes the shape (the story's slug, say): the same seed draws the same picture
     * @param paletteIndex picks the colours (the story's top-level section, say)
     */
    public static Illustration draw(String seed, int paletteIndex, int width, int height) {
        Palette palette = PALETTES[Math.floorMod(paletteIndex, PALETTES.length)];
        Random random = new Random(seed.hashCode());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int horizon = (int) (height * (0.55 + random.nextDouble() * 0.1));
            g.setPaint(new GradientPaint(0, 0, palette.skyTop(), 0, horizon, palette.skyHorizon()));
            g.fillRect(0, 0, width, height);

            float sunX = (float) (width * (0.2 + random.nextDouble() * 0.6));
            float sunY = (float) (horizon * (0.35 + random.nextDouble() * 0.4));
            float sunRadius = height * 0.08f;
            g.setPaint(new RadialGradientPaint(sunX, sunY, sunRadius * 4, new float[] {0f, 0.25f, 1f}, new Color[] {
                palette.sun(), withAlpha(palette.sun(), 90), withAlpha(palette.sun(), 0)
            }));
            g.fillOval((int) (sunX - sunRadius * 4), (int) (sunY - sunRadius * 4), (int) (sunRadius * 8), (int)
                    (sunRadius * 8));
            g.setColor(palette.sun());
            g.fillOval(
                    (int) (sunX - sunRadius), (int) (sunY - sunRadius), (int) (sunRadius * 2), (int) (sunRadius * 2));

            int layers = 4;
            for (int layer = 0; layer < layers; layer++) {
                float depth = layer / (float) (layers - 1);
                g.setColor(mix(palette.far(), palette.near(), depth));
                double base = horizon + (height - horizon) * (0.05 + depth * 0.55) - height * 0.12 * (1 - depth);
                double amplitude = height * (0.09 - depth * 0.04);
                double[] frequency = {
                    1 + random.nextDouble() * 2, 3 + random.nextDouble() * 4, 9 + random.nextDouble() * 8
                };
                double[] phase = {random.nextDouble() * 6.3, random.nextDouble() * 6.3, random.nextDouble() * 6.3};
                Path2D.Double ridge = new Path2D.Double();
                ridge.moveTo(0, height);
                for (int x = 0; x <= width; x += 8) {
                    double t = x / (double) width * Math.PI;
                    double y = base
                            - amplitude
                                    * (Math.sin(t * frequency[0] + phase[0]) * 0.6
                                            + Math.sin(t * frequency[1] + phase[1]) * 0.3
                                            + Math.sin(t * frequency[2] + phase[2]) * 0.1);
                    ridge.lineTo(x, y);
                }
                ridge.lineTo(width, height);
                ridge.closePath();
                g.fill(ridge);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Illustration(out.toByteArray(), "An illustration: layered hills under " + palette.name());
    }

    private static Color rgb(int value) {
        return new Color(value);
    }

    private static Color withAlpha(Color color, int alpha) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
    }

    private static Color mix(Color from, Color to, float amount) {
        return new Color(
                Math.round(from.getRed() + (to.getRed() - from.getRed()) * amount),
                Math.round(from.getGreen() + (to.getGreen() - from.getGreen()) * amount),
                Math.round(from.getBlue() + (to.getBlue() - from.getBlue()) * amount));
    }
}
