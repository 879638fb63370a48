package news.broadsheet.account.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import news.broadsheet.account.Account;
import news.broadsheet.account.Role;
import news.broadsheet.shared.SqlValues;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the {@code account} table. */
@Repository
public class AccountRepository {

    /** The password hash of an account that has no password: no encoder ever matches it. */
    public static final String NO_PASSWORD = "{none}";

    private static final String COLUMNS =
            "id, username, display_name, email, role, enabled, author_id, (password_hash <> '" + NO_PASSWORD
                    + "') AS has_password";

    private static final RowMapper<Account> ROW = (rs, n) -> new Account(
            rs.getLong("id"),
            rs.getString("username"),
            rs.getString("display_name"),
            rs.getString("email"),
            Role.fromDb(rs.getString("role")),
            rs.getBoolean("enabled"),
            SqlValues.nullableLong(rs, "author_id"),
            rs.getBoolean("has_password"));

    /** An account with its password hash, for signing in only. */
    public record Credentials(Account account, String passwordHash) {}

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = ?")
                .param(id)
                .query(ROW)
                .optional();
    }

    public Optional<Account> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE username = ?")
                .param(username)
                .query(ROW)
                .optional();
    }

    /** The account using this e-mail address, compared without regard to case. */
    public Optional<Account> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE lower(email) = lower(?)")
                .param(email)
                .query(ROW)
                .optional();
    }

    public Optional<Credentials> findCredentials(String username) {
        return jdbc.sql("SELECT " + COLUMNS + ", password_hash FROM account WHERE username = ?")
                .param(username)
                .query((rs, n) -> new Credentials(ROW.mapRow(rs, n), rs.getString("password_hash")))
                .optional();
    }

    public String findPasswordHash(long id) {
        return jdbc.sql("SELECT password_hash FROM account WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    public List<Account> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account ORDER BY username")
                .query(ROW)
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single();
    }

    public long countEnabledAdmins() {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE role = 'admin' AND enabled = TRUE")
                .query(Long.class)
                .single();
    }

    public long insert(String username, String displayName, String email, Role role, String passwordHash, Instant now) {
        return jdbc.sql("""
                        INSERT INTO account (username, display_name, email, password_hash, role, enabled,
                            created_at, password_changed_at)
                        VALUES (?, ?, ?, ?, ?, TRUE, ?, ?) RETURNING id""")
                .params(
                        username,
                        displayName,
                        email,
                        passwordHash,
                        role.dbValue(),
                        now.toEpochMilli(),
                        now.toEpochMilli())
                .query(Long.class)
                .single();
    }

    public void updateRole(long id, Role role) {
        jdbc.sql("UPDATE account SET role = ? WHERE id = ?")
                .params(role.dbValue(), id)
                .update();
    }

    public void updateEnabled(long id, boolean enabled) {
        jdbc.sql("UPDATE account SET enabled = ? WHERE id = ?")
                .params(enabled, id)
                .update();
    }

    public void updatePassword(long id, String passwordHash, Instant now) {
        jdbc.sql("UPDATE account SET password_hash = ?, password_changed_at = ? WHERE id = ?")
                .params(passwordHash, now.toEpochMilli(), id)
                .update();
    }

    public void updateProfile(long id, String displayName, String email) {
        jdbc.sql("UPDATE account SET display_name = ?, email = ? WHERE id = ?")
                .params(displayName, email, id)
                .update();
    }

    public void updateAuthor(long id, Long authorId) {
        jdbc.sql("UPDATE account SET author_id = ? WHERE id = ?")
                .params(authorId, id)
                .update();
    }
}
