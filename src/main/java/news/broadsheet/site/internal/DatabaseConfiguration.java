package news.broadsheet.site.internal;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import javax.sql.DataSource;
import news.broadsheet.shared.GroupCommit;
import news.broadsheet.shared.SqliteUrls;
import news.broadsheet.site.DataStoreUnusableException;
import news.broadsheet.site.MigrationDialect;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets one set of migrations serve SQLite and PostgreSQL, makes sure the SQLite file's directory
 * exists before the first connection, compacts a SQLite file its migrations left mostly free, and
 * on SQLite begins transactions one at a time (see {@link SerializedWritesTransactionManager}).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final String SQLITE_PREFIX = "jdbc:sqlite:";

    /**
     * Migrations write {@code ${id}} for an auto-numbered primary key and {@code ${blob}} for
     * binary data: the column types whose spelling differs between the two databases.
     */
    @Bean
    FlywayConfigurationCustomizer dialectPlaceholders() {
        return configuration -> {
            configuration.placeholders(MigrationDialect.placeholders(productName(configuration.getDataSource())));
        };
    }

    /**
     * Migrates as Spring Boot would, then, on SQLite, gives back the space a migration that rewrote
     * a table left free in the file ({@link SqliteCompaction}). Commands, which run beside a site
     * ({@code broadsheet.database.upgrade=false}), create a new database's schema but refuse to
     * upgrade an existing one: that is the site's to do, since a migration holds its writers off
     * and an older site should not run on a newer schema.
     */
    @Bean
    FlywayMigrationStrategy migrateThenCompact(@Value("${broadsheet.database.upgrade:true}") boolean upgrade) {
        return flyway -> {
            if (!upgrade) {
                MigrationInfoService info = flyway.info();
                if (info.applied().length > 0 && info.pending().length > 0) {
                    throw new DataStoreUnusableException(
                            "The database is at schema version "
                                    + info.current().getVersion()
                                    + ", older than this Broadsheet's ("
                                    + info.pending()[info.pending().length - 1].getVersion()
                                    + "), and a command does not upgrade it. Nothing was changed.",
                            "Upgrade the site first: start it with this version, which upgrades the database"
                                    + " before it serves. Then run the command again.");
                }
            }
            MigrateResult result = flyway.migrate();
            DataSource dataSource = flyway.getConfiguration().getDataSource();
            if (upgrade && result.migrationsExecuted > 0 && isSqlite(dataSource)) {
                try {
                    SqliteCompaction.compactIfMostlyFree(dataSource);
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot read the database's size after migrating it", e);
                }
            }
        };
    }

    /**
     * Replaces Spring Boot's transaction manager (same type, same customizers); on SQLite, one that
     * queues transactions in this process instead of in SQLite's sleeping busy handler.
     */
    @Bean
    JdbcTransactionManager transactionManager(
            DataSource dataSource,
            SQLExceptionTranslator exceptionTranslator,
            ObjectProvider<TransactionManagerCustomizers> customizers) {
        JdbcTransactionManager manager = isSqlite(dataSource)
                ? new SerializedWritesTransactionManager(dataSource, busyTimeout(dataSource))
                : new JdbcTransactionManager(dataSource);
        manager.setExceptionTranslator(exceptionTranslator);
        customizers.ifAvailable(each -> each.customize(manager));
        return manager;
    }

    /**
     * On SQLite, writes that arrive together share a transaction and its flush to disk ({@link
     * SqliteGroupCommit}); PostgreSQL groups concurrent commits' flushes itself, so there each write
     * has its own transaction.
     */
    @Bean
    GroupCommit groupCommit(DataSource dataSource, JdbcTransactionManager transactionManager) {
        if (isSqlite(dataSource)) {
            return new SqliteGroupCommit(transactionManager);
        }
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        return new GroupCommit() {
            @Override
            public <T> T write(Supplier<T> work) {
                return transaction.execute(status -> work.get());
            }
        };
    }

    /** Used by Spring Boot's {@code JdbcTemplate} (and so {@code JdbcClient}) and by the transaction manager. */
    @Bean
    SQLExceptionTranslator sqlExceptionTranslator() {
        return new SqliteBusyTranslator();
    }

    static boolean isSqlite(DataSource dataSource) {
        return dataSource instanceof HikariDataSource hikari
                && hikari.getJdbcUrl() != null
                && hikari.getJdbcUrl().startsWith(SQLITE_PREFIX);
    }

    /** The URL's {@code busy_timeout}, so a queued transaction is as patient as SQLite would be. */
    static Duration busyTimeout(DataSource dataSource) {
        String url = ((HikariDataSource) dataSource).getJdbcUrl();
        int query = url.indexOf('?');
        if (query >= 0) {
            for (String pair : url.substring(query + 1).split("&")) {
                if (pair.startsWith("busy_timeout=")) {
                    try {
                        return Duration.ofMillis(Long.parseLong(pair.substring("busy_timeout=".length())));
                    } catch (NumberFormatException e) {
                        break;
                    }
                }
            }
        }
        return Duration.ofMillis(3000); // sqlite-jdbc's own default
    }

    @Bean
    static BeanPostProcessor sqlitePoolPreparer() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
                    createParentDirectory(hikari.getJdbcUrl());
                    if (hikari.getJdbcUrl().startsWith(SQLITE_PREFIX)) {
                        // sqlite-jdbc notes "not auto-commit" before its BEGIN runs; when that BEGIN is
                        // refused as busy, the connection believes in a transaction SQLite never
                        // started, and its next commit fails. Such a connection is closed, not reused.
                        hikari.setExceptionOverride(new SQLExceptionOverride() {
                            @java.lang.Override
                            public SQLExceptionOverride.Override adjudicate(SQLException e) {
                                return SqliteBusyTranslator.isBusy(e)
                                        ? SQLExceptionOverride.Override.MUST_EVICT
                                        : SQLExceptionOverride.Override.CONTINUE_EVICT;
                            }
                        });
                    }
                }
                return bean;
            }
        };
    }

    static void createParentDirectory(String jdbcUrl) {
        Path file = SqliteUrls.file(jdbcUrl);
        if (file == null) {
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the database directory " + parent, e);
        }
    }

    private static String productName(DataSource dataSource) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)
                    .toLowerCase(Locale.ROOT);
        } catch (MetaDataAccessException e) {
            String where = dataSource instanceof HikariDataSource hikari ? hikari.getJdbcUrl() : dataSource.toString();
            throw new IllegalStateException("Cannot connect to the database at " + where, e);
        }
    }
}
