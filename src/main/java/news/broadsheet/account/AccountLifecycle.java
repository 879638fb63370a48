package news.broadsheet.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import news.broadsheet.account.internal.AccountLinks;
import news.broadsheet.account.internal.AccountRepository;
import news.broadsheet.account.internal.LoginThrottle;
import news.broadsheet.account.internal.ResetThrottle;
import news.broadsheet.account.internal.SignedInSessions;
import news.broadsheet.mail.MailOutbox;
import news.broadsheet.shared.Actor;
import news.broadsheet.shared.SiteSettings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passwords chosen through one-time links sent by e-mail: invitations (an admin creates an account
 * without a password), "forgot my password", and resets an admin forces. Links are single-use,
 * stored hashed, and expire ({@link LinkPurpose}); setting a password through one ends every
 * session of the account. Each step is published as an {@link AccountEvent}.
 */
@Service
public class AccountLifecycle {

    /** A working link and the account it opens; {@code tokenHash} identifies the link from then on. */
    public record OpenLink(LinkPurpose purpose, String tokenHash, Account account) {}

    private final Accounts accounts;
    private final AccountRepository repository;
    private final AccountLinks links;
    private final ResetThrottle resetThrottle;
    private final LoginThrottle loginThrottle;
    private final SignedInSessions sessions;
    private final PasswordEncoder passwords;
    private final MailOutbox outbox;
    private final SiteSettings site;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountLifecycle(
            Accounts accounts,
            AccountRepository repository,
            AccountLinks links,
            ResetThrottle resetThrottle,
            LoginThrottle loginThrottle,
            SignedInSessions sessions,
            PasswordEncoder passwords,
            MailOutbox outbox,
            SiteSettings site,
            ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.repository = repository;
        this.links = links;
        this.resetThrottle = resetThrottle;
        this.loginThrottle = loginThrottle;
        this.sessions = sessions;
        this.passwords = passwords;
        this.outbox = outbox;
        this.site = site;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates an account without a password and e-mails an invitation to choose one.
     *
     * @throws AccountException naming the field that needs fixing
     */
    @Transactional
    public Account invite(InviteAccount command, StaffPrincipal actor) {
        Account account = accounts.insert(
                Accounts.username(command.username()),
                command.displayName(),
                command.email(),
                command.role(),
                AccountRepository.NO_PASSWORD,
                actor);
        sendInvitation(account, actor);
        return account;
    }

    /** Sends a new invitation to an account that has no password yet; the earlier link stops working. */
    @Transactional
    public void resendInvitation(StaffPrincipal actor, long accountId) {
        Account account = accounts.existing(accountId);
        if (!account.enabled()) {
            throw new AccountException("", "That account is disabled; enable it before inviting again.");
        }
        if (account.hasPassword()) {
            throw new AccountException("", account.username() + " has already chosen a password.");
        }
        sendInvitation(account, actor);
    }

    private void sendInvitation(Account account, StaffPrincipal actor) {
        String token = links.issue(account.id(), LinkPurpose.INVITATION);
        outbox.queueSecret(
                "account-invitation",
                account.email(),
                "Your account in the " + site.name() + " newsroom",
                "Hello " + account.displayName() + ",\n\n" + actor.displayName()
                        + " has made you a newsroom account at "
                        + site.name() + " as " + account.role().label() + ". Your username is " + account.username()
                        + ".\n\nChoose your password here; the link works once, for 72 hours:\n\n"
                        + site.absolute("/login/invitation?token=" + token)
                        + "\n\nIf the link has expired, ask an administrator to send a new one.\n");
        accounts.publish(actor, "account.invited", account.id(), "Invitation sent to " + account.username());
    }

    /**
     * Ends the account's password at once (it no longer signs in), ends its sessions and e-mails a
     * reset link.
     */
    @Transactional
    public void forceReset(StaffPrincipal actor, long accountId) {
        Account account = accounts.existing(accountId);
        if (account.id() == actor.accountId()) {
            throw new AccountException("", "To change your own password, use your profile page.");
        }
        if (!account.enabled()) {
            throw new AccountException("", "That account is disabled; enable it before resetting its password.");
        }
        repository.updatePassword(account.id(), AccountRepository.NO_PASSWORD, clock.instant());
        sessions.endAll(account.username());
        String token = links.issue(account.id(), LinkPurpose.RESET);
        outbox.queueSecret(
                "account-reset",
                account.email(),
                "Choose a new password for the " + site.name() + " newsroom",
                "Hello " + account.displayName() + ",\n\nAn administrator has reset the password of your newsroom"
                        + " account " + account.username() + " at " + site.name()
                        + ". Your old password no longer works.\n\nChoose a new one here; the link works once, for"
                        + " one hour:\n\n" + site.absolute("/login/reset?token=" + token)
                        + "\n\nIf it has expired, ask for a new link at " + site.absolute("/login/forgot") + "\n");
        accounts.publish(actor, "account.reset-forced", account.id(), account.username() + ": password reset forced");
    }

    /**
     * "Forgot my password": e-mails a reset link if an active account uses this address. The
     * outcome is the same whether or not one does; at most a few links go to one address per
     * window, and a client asking too often is told to wait.
     *
     * @param clientAddress the requesting client's IP address (counted as a hash)
     * @return how long the client must wait, when it has asked too often; empty otherwise
     * @throws AccountException when the text is not an e-mail address at all
     */
    @Transactional
    public Optional<Duration> requestReset(String typedEmail, String clientAddress) {
        Optional<Duration> wait = resetThrottle.countClient(clientAddress);
        if (wait.isPresent()) {
            return wait;
        }
        String email = Accounts.email(typedEmail, "email");
        if (resetThrottle.countEmail(email).isPresent()) {
            return Optional.empty(); // enough links went to this address lately; the answer stays the same
        }
        repository.findByEmail(email).filter(Account::enabled).ifPresent(account -> {
            String token = links.issue(account.id(), LinkPurpose.RESET);
            outbox.queueSecret(
                    "account-reset",
                    account.email(),
                    "Reset your password for the " + site.name() + " newsroom",
                    "Hello " + account.displayName() + ",\n\nSomeone, hopefully you, asked to reset the password of"
                            + " the newsroom account " + account.username() + " at " + site.name()
                            + ".\n\nChoose a new password here; the link works once, for one hour:\n\n"
                            + site.absolute("/login/reset?token=" + token)
                            + "\n\nIf you did not ask, ignore this e-mail: your password stays as it is.\n");
            publish(account, "account.reset-requested", "Reset link sent to the account's address");
        });
        return Optional.empty();
    }

    /** The account a link opens, if the link still works and its account is active. */
    @Transactional(readOnly = true)
    public Optional<OpenLink> open(LinkPurpose purpose, String token) {
        return AccountLinks.hashOf(token).flatMap(hash -> openByHash(purpose, hash));
    }

    /** Like {@link #open}, for a link already checked once (the page keeps only the hash). */
    @Transactional(readOnly = true)
    public Optional<OpenLink> openByHash(LinkPurpose purpose, String tokenHash) {
        return links.accountFor(tokenHash, purpose)
                .flatMap(repository::findById)
                .filter(Account::enabled)
                .map(account -> new OpenLink(purpose, tokenHash, account));
    }

    /**
     * Sets the password of the link's account, uses up the link, ends all the account's sessions
     * and lifts a sign-in lock on its username.
     *
     * @throws LinkExpiredException when the link no longer works
     * @throws AccountException when the password is refused (the link stays usable)
     */
    @Transactional
    public Account setPassword(LinkPurpose purpose, String tokenHash, String password, String confirmation) {
        OpenLink link = openByHash(purpose, tokenHash).orElseThrow(LinkExpiredException::new);
        Account account = link.account();
        Accounts.checkPassword("password", password, account.username());
        if (!password.equals(confirmation)) {
            throw new AccountException("confirmation", "The two passwords do not match.");
        }
        if (!links.use(tokenHash, purpose)) {
            throw new LinkExpiredException();
        }
        repository.updatePassword(account.id(), passwords.encode(password), clock.instant());
        // Any link of the other kind is spent too: the account has the password its user chose.
        links.revoke(account.id(), purpose == LinkPurpose.RESET ? LinkPurpose.INVITATION : LinkPurpose.RESET);
        sessions.endAll(account.username());
        loginThrottle.forgetAccount(account.username());
        publish(
                account,
                purpose == LinkPurpose.INVITATION ? "account.invitation-accepted" : "account.password-reset",
                purpose == LinkPurpose.INVITATION
                        ? "Password chosen through the invitation"
                        : "Password reset through an e-mailed link; sessions ended");
        return repository.findById(account.id()).orElseThrow();
    }

    private void publish(Account account, String action, String detail) {
        events.publishEvent(
                new AccountEvent(new Actor(account.id(), account.username()), action, account.id(), detail));
    }
}
