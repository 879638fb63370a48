package news.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The index writer's buffer is kept within the heap whatever the setting says; settings that cannot work are refused. */
class SearchSettingsTests {

    private static final long MB = 1024 * 1024;

    @Test
    void theBufferIsAtMostAQuarterOfTheHeap() {
        // ./broadsheet's heap: the default 128 MB buffer ran a 100,000-story rebuild out of memory.
        assertThat(withBuffer(128).ramBufferMbWithin(160 * MB)).isEqualTo(40);
    }

    @Test
    void aBufferThatFitsIsUsedAsSet() {
        assertThat(withBuffer(128).ramBufferMbWithin(2048 * MB)).isEqualTo(128);
        assertThat(withBuffer(20).ramBufferMbWithin(160 * MB)).isEqualTo(20);
    }

    @Test
    void aTinyHeapStillGetsTheSmallestUsefulBuffer() {
        assertThat(withBuffer(128).ramBufferMbWithin(32 * MB)).isEqualTo(SearchSettings.MINIMUM_RAM_BUFFER_MB);
    }

    @Test
    void aFacetSampleOfNoStoriesIsRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> settings(128, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broadsheet.search.facet-sample must be at least 1");
        assertThat(settings(128, 1).facetSample()).isEqualTo(1);
    }

    private static SearchSettings withBuffer(int ramBufferMb) {
        return settings(ramBufferMb, 5000);
    }

    private static SearchSettings settings(int ramBufferMb, int facetSample) {
        return new SearchSettings(
                Duration.ofMillis(300),
                10,
                2000,
                100,
                Duration.ofHours(24),
                false,
                ramBufferMb,
                Duration.ofMinutes(5),
                20000,
                facetSample,
                "",
                Duration.ofHours(6),
                2000);
    }
}
