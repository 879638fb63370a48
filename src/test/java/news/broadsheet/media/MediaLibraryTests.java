package news.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaLibraryTests {

    @Test
    void describesSizesTheWayPeopleReadThem() {
        assertThat(MediaLibrary.describe(10L * 1024 * 1024)).isEqualTo("10 MB");
        assertThat(MediaLibrary.describe(13_002_342)).isEqualTo("12.4 MB");
        assertThat(MediaLibrary.describe(10L * 1024 * 1024 + 1)).isEqualTo("10.1 MB");
        assertThat(MediaLibrary.describe(50 * 1024)).isEqualTo("50 KB");
        assertThat(MediaLibrary.describe(1536)).isEqualTo("1.5 KB");
        assertThat(MediaLibrary.describe(900)).isEqualTo("900 bytes");
    }
}
