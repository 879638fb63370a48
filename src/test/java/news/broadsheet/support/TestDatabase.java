package news.broadsheet.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Gives each test application context a database and a data directory of its own: a new SQLite
 * file, or, when the build runs with {@code -Pbroadsheet.test.database=postgresql} (see .ci/run), a
 * new schema on the local PostgreSQL server, dropped when the context closes.
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String SELECTOR = "broadsheet.test.database";

    public static boolean isPostgresql() {
        return "postgresql".equals(System.getProperty(SELECTOR, "sqlite").toLowerCase(Locale.ROOT));
    }

    /** Base URL of the PostgreSQL test database, overridable for other set-ups. */
    public static String postgresqlUrl() {
        return System.getenv().getOrDefault("BROADSHEET_TEST_POSTGRESQL_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    public static String postgresqlUser() {
        return System.getenv().getOrDefault("BROADSHEET_TEST_POSTGRESQL_USER", "postgres");
    }

    /** Creates a fresh database and returns the properties that point the application at it. */
    public static Map<String, Object> create(Path scratch) {
        // A data directory of its own on either database: features keep files there (media).
        Path dataDir = newDataDir(scratch);
        if (isPostgresql()) {
            String schema =
                    "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            execute("CREATE SCHEMA " + schema);
            // Spring keeps up to 32 test contexts alive; small pools keep them all under PostgreSQL's
            // 100 connections.
            return Map.of(
                    "spring.datasource.hikari.maximum-pool-size",
                    "4",
                    "spring.datasource.hikari.minimum-idle",
                    "1",
                    "spring.datasource.url",
                    postgresqlUrl() + "?currentSchema=" + schema,
                    "spring.datasource.username",
                    postgresqlUser(),
                    "spring.datasource.password",
                    "",
                    "broadsheet.test.schema",
                    schema,
                    "broadsheet.data-dir",
                    dataDir.toString());
        }
        return Map.of("broadsheet.data-dir", dataDir.toString());
    }

    private static Path newDataDir(Path scratch) {
        try {
            Files.createDirectories(scratch);
            return Files.createTempDirectory(scratch, "db-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Connections, outside any application context, to the database that settings such as those
     * {@link #create} returns point at (on SQLite the file in the data directory, with foreign keys
     * enforced as the application enforces them).
     */
    public static DriverManagerDataSource dataSource(Map<String, Object> properties) {
        Object url = properties.get("spring.datasource.url");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                url != null
                        ? url.toString()
                        : "jdbc:sqlite:" + properties.get("broadsheet.data-dir") + "/broadsheet.db?foreign_keys=true");
        Object user = properties.get("spring.datasource.username");
        if (user != null) {
            dataSource.setUsername(user.toString());
            dataSource.setPassword("");
        }
        return dataSource;
    }

    public static void drop(Map<String, Object> properties) {
        Object schema = properties.get("broadsheet.test.schema");
        if (schema != null) {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(postgresqlUrl(), postgresqlUser(), "")) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test database unavailable at " + postgresqlUrl(), e);
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = create(Path.of("target", "test-data"));
        var sources = context.getEnvironment().getPropertySources();
        sources.addFirst(new MapPropertySource("testDatabase", properties));
        // Lowest precedence: a test that wants demo content says so in its properties.
        // Every test signs in from 127.0.0.1: the per-address limit is tested in a context of its own.
        sources.addLast(new MapPropertySource(
                "testDefaults",
                Map.of(
                        "broadsheet.demo-content.enabled", "false",
                        "broadsheet.sign-in.address-limit", "100000",
                        // Every test comments from 127.0.0.1: floods and repeats are tested in contexts of their own.
                        "broadsheet.comments.flood-per-minute", "100000",
                        "broadsheet.comments.repeat-window-minutes", "0",
                        // Every test searches from 127.0.0.1: the rate limits are tested in a context of their own.
                        "broadsheet.rate-limit.search-per-minute", "0",
                        "broadsheet.rate-limit.suggest-per-minute", "0",
                        "broadsheet.rate-limit.api-per-minute", "0",
                        "broadsheet.rate-limit.reports-per-hour", "0",
                        "broadsheet.rate-limit.privacy-per-hour", "0")));
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                drop(properties);
            }
        });
    }
}
