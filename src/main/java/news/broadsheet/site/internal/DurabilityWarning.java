package news.broadsheet.site.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warns once at start-up when the database is set up so that a write Broadsheet acknowledged can be
 * lost in a power cut or an operating-system crash (see docs/crash-and-power-loss.md): SQLite below
 * {@code synchronous=FULL}, PostgreSQL with {@code fsync}, {@code synchronous_commit} or {@code
 * full_page_writes} off. It only reads the settings and never changes them.
 */
@Component
class DurabilityWarning {

    private static final Logger log = LoggerFactory.getLogger(DurabilityWarning.class);

    private final DataSource dataSource;

    DurabilityWarning(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnIfWeak() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            Map<String, String> settings = new LinkedHashMap<>();
            List<String> names = product.contains("sqlite")
                    ? List.of("synchronous", "journal_mode")
                    : List.of("fsync", "synchronous_commit", "full_page_writes");
            for (String name : names) {
                String query = product.contains("sqlite") ? "PRAGMA " + name : "SHOW " + name;
                try (ResultSet result = statement.executeQuery(query)) {
                    if (result.next()) {
                        settings.put(name, result.getString(1));
                    }
                }
            }
            for (String weakness : weaknesses(product, settings)) {
                log.warn(
                        "{}: an acknowledged write can be lost in a power cut (docs/crash-and-power-loss.md)",
                        weakness);
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("Could not read the database's durability settings: {}", e.toString());
        }
    }

    /** What falls short of "an acknowledged commit survives a power cut", given the settings as the database reports them. */
    static List<String> weaknesses(String product, Map<String, String> settings) {
        List<String> found = new ArrayList<>();
        if (product.contains("sqlite")) {
            // PRAGMA synchronous answers a number: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA.
            String synchronous = settings.getOrDefault("synchronous", "");
            if (synchronous.equals("0") || synchronous.equals("1")) {
                found.add("SQLite runs with synchronous=" + (synchronous.equals("0") ? "OFF" : "NORMAL")
                        + " (set synchronous=FULL in spring.datasource.url)");
            }
            String journal = settings.getOrDefault("journal_mode", "").toLowerCase(Locale.ROOT);
            if (journal.equals("off") || journal.equals("memory")) {
                found.add("SQLite runs with journal_mode=" + journal + " (set journal_mode=WAL)");
            }
        } else if (product.contains("postgres")) {
            for (String name : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                if ("off".equalsIgnoreCase(settings.get(name))) {
                    found.add("PostgreSQL runs with " + name + "=off");
                }
            }
        }
        return found;
    }
}
