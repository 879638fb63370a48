package news.broadsheet.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import news.broadsheet.account.internal.AccountRepository;
import news.broadsheet.account.internal.SignedInSessions;
import news.broadsheet.shared.Actor;
import news.broadsheet.shared.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Newsroom accounts: creating them, changing roles and passwords, disabling them. Every change is
 * published as an {@link AccountEvent}; role changes and disabling also end the account's
 * sessions, so they take effect at once.
 */
@Service
public class Accounts {

    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final int MAX_PASSWORD_LENGTH = 128;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,59}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final AccountRepository repository;
    private final PasswordEncoder passwords;
    private final SignedInSessions sessions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Accounts(
            AccountRepository repository,
            PasswordEncoder passwords,
            SignedInSessions sessions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.passwords = passwords;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
    }

    public List<Account> all() {
        return repository.findAll();
    }

    public Optional<Account> byId(long id) {
        return repository.findById(id);
    }

    public Optional<Account> byUsername(String username) {
        return repository.findByUsername(username);
    }

    public long count() {
        return repository.count();
    }

    /**
     * Creates an account.
     *
     * @param actor who creates it; null only for the first admin, made at start-up
     * @throws AccountException naming the field that needs fixing
     */
    @Transactional
    public Account create(CreateAccount command, @Nullable StaffPrincipal actor) {
        String username = command.username().strip().toLowerCase(java.util.Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw new AccountException(
                    "username", "Use 3 to 60 lowercase letters, digits, dots, hyphens or underscores.");
        }
        String displayName = command.displayName().strip();
        if (displayName.isEmpty() || !Text.fits(displayName, 120)) {
            throw new AccountException("displayName", "Please enter a name of up to 120 characters.");
        }
        String email = command.email().strip();
        if (!Text.fits(email, 254) || !EMAIL.matcher(email).matches()) {
            throw new AccountException("email", "Please enter a valid email address.");
        }
        checkPassword("password", command.password(), username);
        long id;
        try {
            id = repository.insert(
                    username,
                    displayName,
                    email,
                    command.role(),
                    passwords.encode(command.password()),
                    clock.instant());
        } catch (DuplicateKeyException e) {
            throw new AccountException("username", "That username is already taken.");
        }
        Account account = repository.findById(id).orElseThrow();
        publish(
                actor,
                "account.created",
                id,
                "Created " + username + " as " + command.role().label());
        return account;
    }

    /**
     * Creates a disabled account without a usable password (an imported author), for an admin to
     * enable or invite later.
     *
     * @throws AccountException naming the field that does not fit (username or email)
     */
    @Transactional
    public Account createDisabled(String username, String displayName, String email, Role role, Actor actor) {
        String name = username.strip().toLowerCase(java.util.Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new AccountException(
                    "username", "Use 3 to 60 lowercase letters, digits, dots, hyphens or underscores.");
        }
        String shown = displayName.strip();
        if (shown.isEmpty() || !Text.fits(shown, 120)) {
            throw new AccountException("displayName", "Please enter a name of up to 120 characters.");
        }
        String address = email.strip();
        if (!Text.fits(address, 254) || !EMAIL.matcher(address).matches()) {
            throw new AccountException("email", "Please enter a valid email address.");
        }
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        long id;
        try {
            // Nobody knows this password: the account is usable only once someone sets one.
            id = repository.insert(
                    name,
                    shown,
                    address,
                    role,
                    passwords.encode(java.util.HexFormat.of().formatHex(secret)),
                    clock.instant());
        } catch (DuplicateKeyException e) {
            throw new AccountException("username", "That username is already taken.");
        }
        repository.updateEnabled(id, false);
        events.publishEvent(new AccountEvent(
                actor, "account.created", id, "Created " + name + " as " + role.label() + ", disabled (imported)"));
        return repository.findById(id).orElseThrow();
    }

    @Transactional
    public void changeRole(StaffPrincipal actor, long accountId, Role role) {
        Account account = existing(accountId);
        if (account.role() == role) {
            return;
        }
        if (account.role() == Role.ADMIN && account.enabled() && repository.countEnabledAdmins() <= 1) {
            throw new AccountException("role", "This is the only active admin; make another admin first.");
        }
        repository.updateRole(accountId, role);
        sessions.endAll(account.username());
        publish(
                actor,
                "account.role-changed",
                accountId,
                account.username() + ": " + account.role().label() + " to " + role.label());
    }

    @Transactional
    public void setEnabled(StaffPrincipal actor, long accountId, boolean enabled) {
        Account account = existing(accountId);
        if (account.enabled() == enabled) {
            return;
        }
        if (!enabled && account.id() == actor.accountId()) {
            throw new AccountException("", "You cannot disable your own account.");
        }
        if (!enabled && account.role() == Role.ADMIN && repository.countEnabledAdmins() <= 1) {
            throw new AccountException("", "This is the only active admin; make another admin first.");
        }
        repository.updateEnabled(accountId, enabled);
        if (!enabled) {
            sessions.endAll(account.username());
        }
        publish(actor, enabled ? "account.enabled" : "account.disabled", accountId, account.username());
    }

    /** Changes the signed-in user's own password, after checking the current one. */
    @Transactional
    public void changePassword(StaffPrincipal actor, String current, String replacement, String confirmation) {
        if (!passwords.matches(current, repository.findPasswordHash(actor.accountId()))) {
            throw new AccountException("current", "That is not your current password.");
        }
        checkPassword("replacement", replacement, actor.getUsername());
        if (!replacement.equals(confirmation)) {
            throw new AccountException("confirmation", "The two new passwords do not match.");
        }
        repository.updatePassword(actor.accountId(), passwords.encode(replacement), clock.instant());
        // Whoever else holds a session with the old password is signed out, this browser included.
        sessions.endAll(actor.getUsername());
        publish(actor, "account.password-changed", actor.accountId(), actor.getUsername());
    }

    /** Links an account to the byline it writes under. */
    @Transactional
    public void linkAuthor(long accountId, long authorId) {
        repository.updateAuthor(accountId, authorId);
    }

    private Account existing(long accountId) {
        return repository.findById(accountId).orElseThrow(() -> new AccountException("", "There is no such account."));
    }

    private static void checkPassword(String field, String password, String username) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new AccountException(
                    field, "Please choose a password of at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw new AccountException(field, "Please keep the password to " + MAX_PASSWORD_LENGTH + " characters.");
        }
        if (password.toLowerCase(java.util.Locale.ROOT).contains(username)) {
            throw new AccountException(field, "The password must not contain the username.");
        }
    }

    private void publish(@Nullable StaffPrincipal actor, String action, long accountId, String detail) {
        events.publishEvent(new AccountEvent(
                actor == null ? Actor.SYSTEM : new Actor(actor.accountId(), actor.getUsername()),
                action,
                accountId,
                detail));
    }
}
