package news.broadsheet.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import news.broadsheet.media.TestImages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExifOrientationTests {

    /**
     * A 40 × 20 picture with a red mark in its stored top-left corner: after turning, the mark is
     * where the EXIF orientation says the top-left corner belongs.
     */
    @ParameterizedTest
    @CsvSource({
        "1, 40, 20, top-left",
        "2, 40, 20, top-right",
        "3, 40, 20, bottom-right",
        "4, 40, 20, bottom-left",
        "5, 20, 40, top-left",
        "6, 20, 40, top-right",
        "7, 20, 40, bottom-right",
        "8, 20, 40, bottom-left"
    })
    void turnsPixelsTheWayExifSays(int orientation, int width, int height, String corner) {
        byte[] jpeg = TestImages.withSegment(
                TestImages.encode(TestImages.picture(8, 8), "jpeg"), 0xE1, TestImages.exif(orientation, "Phone"));

        BufferedImage upright = ExifOrientation.of(jpeg).upright(marked());

        assertThat(upright.getWidth()).isEqualTo(width);
        assertThat(upright.getHeight()).isEqualTo(height);
        int x = corner.endsWith("left") ? 1 : width - 2;
        int y = corner.startsWith("top") ? 1 : height - 2;
        assertThat(new Color(upright.getRGB(x, y))).isEqualTo(Color.RED);
        assertThat(new Color(upright.getRGB(width - 1 - x, height - 1 - y))).isEqualTo(Color.BLACK);
    }

    @ParameterizedTest
    @CsvSource({"0", "9", "65535"})
    void leavesPixelsAloneForUnknownOrientations(int orientation) {
        byte[] jpeg = TestImages.withSegment(
                TestImages.encode(TestImages.picture(8, 8), "jpeg"), 0xE1, TestImages.exif(orientation, "Phone"));
        BufferedImage picture = marked();

        assertThat(ExifOrientation.of(jpeg).upright(picture)).isSameAs(picture);
    }

    private static BufferedImage marked() {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 4, 4);
        g.dispose();
        return image;
    }
}
