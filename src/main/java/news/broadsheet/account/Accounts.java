package news.broadsheet.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import news.broadsheet.account.internal.AccountRepository;
import news.broadsheet.account.internal.SignedInSessions;
import news.broadsheet.mail.MailOutbox;
import news.broadsheet.shared.Actor;
import news.broadsheet.shared.SiteSettings;
import news.broadsheet.shared.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Newsroom accounts: creating them, changing roles, profiles and passwords, disabling them. Every
 * change is published as an {@link AccountEvent}; role changes and disabling also end the
 * account's sessions, so they take effect at once. Invitations and resets: {@link AccountLifecycle}.
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
    private final MailOutbox outbox;
    private final SiteSettings site;
    private final Clock clock;

    Accounts(
            AccountRepository repository,
            PasswordEncoder passwords,
            SignedInSessions sessions,
            ApplicationEventPublisher events,
            MailOutbox outbox,
            SiteSettings site,
            Clock clock) {
        this.repository = repository;
        this.passwords = passwords;
        this.sessions = sessions;
        this.events = events;
        this.outbox = outbox;
        this.site = site;
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
        String username = username(command.username());
        checkPassword("password", command.password(), username);
        return insert(
                username,
                command.displayName(),
                command.email(),
                command.role(),
                passwords.encode(command.password()),
                actor);
    }

    /** Validates and stores a new account with this password hash, and reports it. */
    Account insert(
            String username,
            String typedDisplayName,
            String typedEmail,
            Role role,
            String passwordHash,
            @Nullable StaffPrincipal actor) {
        String displayName = displayName(typedDisplayName);
        String email = email(typedEmail);
        if (repository.findByUsername(username).isPresent()) {
            throw new AccountException("username", "That username is already taken.");
        }
        checkEmailFree(email, null);
        long id;
        try {
            id = repository.insert(username, displayName, email, role, passwordHash, clock.instant());
        } catch (DuplicateKeyException e) {
            // Another request took the name or address a moment ago.
            throw new AccountException("username", "That username or e-mail address is already taken.");
        }
        Account account = repository.findById(id).orElseThrow();
        publish(actor, "account.created", id, "Created " + username + " as " + role.label());
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

    /**
     * Changes the signed-in user's own password, after checking the current one, and ends their
     * other sessions (this browser stays signed in).
     *
     * @param currentSessionId the session to keep
     */
    @Transactional
    public void changePassword(
            StaffPrincipal actor, String current, String replacement, String confirmation, String currentSessionId) {
        if (!passwords.matches(current, repository.findPasswordHash(actor.accountId()))) {
            throw new AccountException("current", "That is not your current password.");
        }
        checkPassword("replacement", replacement, actor.getUsername());
        if (!replacement.equals(confirmation)) {
            throw new AccountException("confirmation", "The two new passwords do not match.");
        }
        repository.updatePassword(actor.accountId(), passwords.encode(replacement), clock.instant());
        // Whoever else holds a session with the old password is signed out; this browser is not.
        sessions.endAllExcept(actor.getUsername(), currentSessionId);
        publish(actor, "account.password-changed", actor.accountId(), actor.getUsername());
    }

    /**
     * Changes the signed-in user's name and e-mail address. A new address needs the current
     * password (the address is where password resets go), and the old address is told.
     *
     * @return the account as it is now
     */
    @Transactional
    public Account updateProfile(StaffPrincipal actor, String typedDisplayName, String typedEmail, String current) {
        Account account = existing(actor.accountId());
        String displayName = displayName(typedDisplayName);
        String email = email(typedEmail);
        boolean emailChanged = !email.equalsIgnoreCase(account.email());
        if (emailChanged) {
            if (!passwords.matches(current, repository.findPasswordHash(account.id()))) {
                throw new AccountException(
                        "current", "Please enter your current password to change your e-mail address.");
            }
            checkEmailFree(email, account.id());
        }
        if (displayName.equals(account.displayName()) && email.equals(account.email())) {
            return account;
        }
        try {
            repository.updateProfile(account.id(), displayName, email);
        } catch (DuplicateKeyException e) {
            throw new AccountException("email", "Another account already uses that e-mail address.");
        }
        if (emailChanged) {
            outbox.queue(
                    "account-email-changed",
                    account.email(),
                    "Your newsroom e-mail address was changed",
                    "The e-mail address of your " + site.name() + " newsroom account " + account.username()
                            + " was changed to " + email + ".\n\nIf you did not do this, tell an administrator"
                            + " at once.\n");
        }
        publish(
                actor,
                "account.profile-changed",
                account.id(),
                account.username()
                        + (displayName.equals(account.displayName()) ? "" : ": name " + displayName)
                        + (emailChanged ? ": e-mail address changed" : ""));
        return existing(account.id());
    }

    Account existing(long accountId) {
        return repository.findById(accountId).orElseThrow(() -> new AccountException("", "There is no such account."));
    }

    static String username(String typed) {
        String username = typed.strip().toLowerCase(java.util.Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw new AccountException(
                    "username", "Use 3 to 60 lowercase letters, digits, dots, hyphens or underscores.");
        }
        return username;
    }

    private static String displayName(String typed) {
        String displayName = typed.strip();
        if (displayName.isEmpty() || !Text.fits(displayName, 120)) {
            throw new AccountException("displayName", "Please enter a name of up to 120 characters.");
        }
        return displayName;
    }

    /** A trimmed e-mail address that looks deliverable, or an {@link AccountException} on {@code field}. */
    static String email(String typed, String field) {
        String email = typed.strip();
        if (!Text.fits(email, 254) || !EMAIL.matcher(email).matches()) {
            throw new AccountException(field, "Please enter a valid email address.");
        }
        return email;
    }

    private static String email(String typed) {
        return email(typed, "email");
    }

    private void checkEmailFree(String email, @Nullable Long self) {
        repository
                .findByEmail(email)
                .filter(other -> self == null || other.id() != self)
                .ifPresent(other -> {
                    throw new AccountException("email", "Another account already uses that e-mail address.");
                });
    }

    static void checkPassword(String field, String password, String username) {
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

    void publish(@Nullable StaffPrincipal actor, String action, long accountId, String detail) {
        events.publishEvent(new AccountEvent(
                actor == null ? Actor.SYSTEM : new Actor(actor.accountId(), actor.getUsername()),
                action,
                accountId,
                detail));
    }
}
