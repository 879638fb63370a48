package news.broadsheet.account.internal;

import news.broadsheet.account.Accounts;
import news.broadsheet.account.CreateAccount;
import news.broadsheet.account.Role;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin on the first start, from {@code broadsheet.admin.username} and
 * {@code broadsheet.admin.password} (or BROADSHEET_ADMIN_USERNAME and BROADSHEET_ADMIN_PASSWORD).
 * There is never a default password: with no accounts and no such settings, the log says how to
 * make one.
 */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final Accounts accounts;
    private final @Nullable String username;
    private final @Nullable String password;
    private final String email;

    FirstAdmin(
            Accounts accounts,
            @Value("${broadsheet.admin.username:#{null}}") @Nullable String username,
            @Value("${broadsheet.admin.password:#{null}}") @Nullable String password,
            @Value("${broadsheet.admin.email:admin@localhost.localdomain}") String email) {
        this.accounts = accounts;
        this.username = username;
        this.password = password;
        this.email = email;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        if (username == null || username.isBlank() || password == null || password.isBlank()) {
            log.warn("No newsroom accounts yet. To create the first admin, start Broadsheet once with"
                    + " BROADSHEET_ADMIN_USERNAME and BROADSHEET_ADMIN_PASSWORD set (or --broadsheet.admin.username"
                    + " and --broadsheet.admin.password).");
            return;
        }
        try {
            accounts.create(new CreateAccount(username, "Administrator", email, Role.ADMIN, password), null);
            log.info("Created the first admin account, {}", username);
        } catch (news.broadsheet.account.AccountException e) {
            log.error("Could not create the first admin account: {}", e.getMessage());
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            log.info("The first admin was created by another node");
        }
    }
}
