package news.broadsheet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeysetTests {

    @Test
    void roundTripsThroughItsToken() {
        Keyset cursor = new Keyset(Instant.ofEpochMilli(1_780_000_000_123L), 42);

        assertThat(cursor.token()).isEqualTo("1780000000123.42");
        assertThat(Keyset.parse(cursor.token())).contains(cursor);
    }

    @Test
    void refusesAnythingElse() {
        assertThat(Keyset.parse("")).isEmpty();
        assertThat(Keyset.parse("abc")).isEmpty();
        assertThat(Keyset.parse("1.2.3")).isEmpty();
        assertThat(Keyset.parse("-1.2")).isEmpty();
        assertThat(Keyset.parse("9".repeat(40) + ".1")).isEmpty();
    }
}
