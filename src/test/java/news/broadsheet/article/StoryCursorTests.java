package news.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoryCursorTests {

    @Test
    void roundTripsThroughItsToken() {
        StoryCursor cursor = new StoryCursor(Instant.ofEpochMilli(1_780_000_000_123L), 42);

        assertThat(cursor.token()).isEqualTo("1780000000123.42");
        assertThat(StoryCursor.parse(cursor.token())).contains(cursor);
    }

    @Test
    void refusesAnythingElse() {
        assertThat(StoryCursor.parse("")).isEmpty();
        assertThat(StoryCursor.parse("abc")).isEmpty();
        assertThat(StoryCursor.parse("1.2.3")).isEmpty();
        assertThat(StoryCursor.parse("-1.2")).isEmpty();
        assertThat(StoryCursor.parse("9".repeat(40) + ".1")).isEmpty();
    }
}
