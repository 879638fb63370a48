package news.broadsheet.api.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import news.broadsheet.account.Account;
import news.broadsheet.account.Accounts;
import news.broadsheet.account.Role;
import news.broadsheet.account.StaffPrincipal;
import news.broadsheet.api.ApiTokenChanged;
import news.broadsheet.shared.Digests;
import news.broadsheet.shared.Text;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens: created by a signed-in user (the secret is shown once and only its hash
 * is kept), revoked by their owner or an admin, and checked against the database on every request,
 * so a revocation, a demotion or a disabled account takes effect at once on every node.
 */
@Service
public class ApiTokens {

    private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);

    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SECRET = Pattern.compile("bst_[A-Za-z0-9_-]{43}");

    private final ApiTokenRepository repository;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiTokens(ApiTokenRepository repository, Accounts accounts, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** A token just made, with the secret the user sees this once. */
    public record NewToken(ApiToken token, String secret) {}

    /** A token request that cannot be carried out, with the form field to fix. */
    public static class TokenException extends RuntimeException {

        private final String field;

        TokenException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** The scopes this role may give a token. */
    public static Set<ApiScope> scopesFor(Role role) {
        Set<ApiScope> allowed = EnumSet.noneOf(ApiScope.class);
        for (ApiScope scope : ApiScope.values()) {
            if (scope.allowedFor(role)) {
                allowed.add(scope);
            }
        }
        return allowed;
    }

    @Transactional
    public NewToken create(StaffPrincipal staff, String name, Set<ApiScope> scopes, @Nullable Instant expiresAt) {
        String label = name.strip();
        if (label.isEmpty() || !Text.fits(label, 100)) {
            throw new TokenException("name", "Name the token (up to 100 characters), so you know where it is used.");
        }
        if (scopes.isEmpty()) {
            throw new TokenException("scopes", "Choose at least one scope.");
        }
        if (!scopesFor(staff.role()).containsAll(scopes)) {
            throw new TokenException("scopes", "Your role cannot give a token one of these scopes.");
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new TokenException("expiresAt", "Choose an expiry date in the future, or none.");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = "bst_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String prefix = secret.substring(0, 10);
        long id = repository.insert(staff.accountId(), label, Digests.ofSecret(secret), prefix, scopes, now, expiresAt);
        events.publishEvent(new ApiTokenChanged(
                staff.actor(),
                ApiTokenChanged.CREATED,
                id,
                "Token \"" + label + "\" (" + prefix + "…) created for " + staff.displayName()));
        return new NewToken(repository.findById(id).orElseThrow(), secret);
    }

    /** Tokens of this user, or of everyone for an admin who asks for all. */
    public List<ApiToken> list(StaffPrincipal staff, boolean everyone) {
        return repository.find(everyone && staff.hasRole(Role.ADMIN) ? null : staff.accountId());
    }

    /**
     * Revokes a token of this user; admins may revoke anyone's.
     *
     * @return false when there is no such token this user may revoke
     */
    @Transactional
    public boolean revoke(StaffPrincipal staff, long tokenId) {
        Optional<ApiToken> token = repository.findById(tokenId);
        if (token.isEmpty() || (token.get().accountId() != staff.accountId() && !staff.hasRole(Role.ADMIN))) {
            return false;
        }
        if (repository.revoke(tokenId, clock.instant())) {
            events.publishEvent(new ApiTokenChanged(
                    staff.actor(),
                    ApiTokenChanged.REVOKED,
                    tokenId,
                    "Token \"" + token.get().name() + "\" (" + token.get().prefix() + "…) revoked"));
        }
        return true;
    }

    /** The caller behind a presented secret, if the token is valid now and its account enabled. */
    public Optional<ApiCaller> authenticate(String secret) {
        if (!SECRET.matcher(secret).matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiToken> token =
                repository.findByHash(Digests.ofSecret(secret)).filter(t -> t.activeAt(now));
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Optional<Account> account = accounts.byId(token.get().accountId()).filter(Account::enabled);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        Account owner = account.get();
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        token.get().scopes().stream().filter(s -> s.allowedFor(owner.role())).forEach(scopes::add);
        recordUse(token.get(), now);
        StaffPrincipal staff =
                new StaffPrincipal(owner.id(), owner.username(), owner.displayName(), owner.role(), true, "");
        return Optional.of(new ApiCaller(token.get().id(), staff, scopes));
    }

    /**
     * Notes when a token was last used, at most once a minute so that reads do not each become a
     * write. Best effort: when the database is too busy to take the write, the request goes on.
     */
    private void recordUse(ApiToken token, Instant now) {
        if (token.lastUsedAt() != null && token.lastUsedAt().isAfter(now.minus(USE_RECORDED_EVERY))) {
            return;
        }
        try {
            repository.touch(token.id(), now, USE_RECORDED_EVERY);
        } catch (TransientDataAccessException e) {
            log.debug("Token {}'s use not recorded, the database is busy: {}", token.id(), e.getMessage());
        }
    }
}
