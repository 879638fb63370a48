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
}
