package news.broadsheet.site.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DurabilityWarningTests {

    @Test
    void acceptsSqliteInWalWithFullSynchronous() {
        assertThat(DurabilityWarning.weaknesses("sqlite", Map.of("synchronous", "2", "journal_mode", "wal")))
                .isEmpty();
    }

    @Test
    void warnsOfSqliteBelowFullSynchronous() {
        assertThat(DurabilityWarning.weaknesses("sqlite", Map.of("synchronous", "1", "journal_mode", "wal")))
                .singleElement()
                .asString()
                .contains("synchronous=NORMAL");
        assertThat(DurabilityWarning.weaknesses("sqlite", Map.of("synchronous", "0", "journal_mode", "off")))
                .hasSize(2);
    }

    @Test
    void warnsOfPostgresqlThatDoesNotFlushCommits() {
        assertThat(DurabilityWarning.weaknesses(
                        "postgresql", Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on")))
                .isEmpty();
        assertThat(DurabilityWarning.weaknesses(
                        "postgresql", Map.of("fsync", "on", "synchronous_commit", "off", "full_page_writes", "on")))
                .containsExactly("PostgreSQL runs with synchronous_commit=off");
        // local and remote_write still flush the commit record on the primary before answering.
        assertThat(DurabilityWarning.weaknesses(
                        "postgresql", Map.of("fsync", "on", "synchronous_commit", "local", "full_page_writes", "on")))
                .isEmpty();
    }
}
