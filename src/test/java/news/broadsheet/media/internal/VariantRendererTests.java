package news.broadsheet.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VariantRendererTests {

    @Test
    void offersStandardWidthsNarrowerThanTheOriginalAndTheOriginal() {
        assertThat(VariantRenderer.widthsFor(2000)).containsExactly(480, 960, 1440, 1920, 2000);
        assertThat(VariantRenderer.widthsFor(1920)).containsExactly(480, 960, 1440, 1920);
        assertThat(VariantRenderer.widthsFor(961)).containsExactly(480, 960, 961);
        assertThat(VariantRenderer.widthsFor(480)).containsExactly(480);
        assertThat(VariantRenderer.widthsFor(20)).containsExactly(20);
    }

    @Test
    void capsTheOriginalWidthAt2400() {
        assertThat(VariantRenderer.widthsFor(6000)).containsExactly(480, 960, 1440, 1920, 2400);
        assertThat(VariantRenderer.widthsFor(2400)).containsExactly(480, 960, 1440, 1920, 2400);
    }

    private static final VariantRenderer.Ratio WIDE = new VariantRenderer.Ratio(16, 9);
    private static final VariantRenderer.Ratio SQUARE = new VariantRenderer.Ratio(1, 1);

    @Test
    void cropsFromTheCentreAt1200PixelsInExactlyTheRatio() {
        // A portrait photo: the 16:9 crop takes its whole width and the middle of its height.
        assertThat(VariantRenderer.cropFor(3000, 4000, WIDE))
                .isEqualTo(new VariantRenderer.Crop(0, 1156, 3000, 1687, 1200, 675));
        // A panorama: the square crop takes its whole height and the middle of its width.
        assertThat(VariantRenderer.cropFor(4000, 1000, SQUARE))
                .isEqualTo(new VariantRenderer.Crop(1500, 0, 1000, 1000, 1000, 1000));
    }

    @Test
    void neverEnlargesAndKeepsTheRatioExactWhenSmaller() {
        VariantRenderer.Crop crop = VariantRenderer.cropFor(1000, 700, WIDE);
        assertThat(crop.width()).isEqualTo(992);
        assertThat(crop.height()).isEqualTo(558);
        assertThat(crop.width() * 9).isEqualTo(crop.height() * 16);
    }

    @Test
    void leavesOutCropsUnder50000Pixels() {
        assertThat(VariantRenderer.cropFor(300, 160, WIDE))
                .as("288 x 162 = 46,656")
                .isNull();
        assertThat(VariantRenderer.cropFor(400, 225, WIDE)).isNotNull();
        assertThat(VariantRenderer.cropFor(5000, 200, SQUARE)).isNull();
    }
}
