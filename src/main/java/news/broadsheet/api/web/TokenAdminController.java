package news.broadsheet.api.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import news.broadsheet.account.Account;
import news.broadsheet.account.Accounts;
import news.broadsheet.account.StaffPrincipal;
import news.broadsheet.api.internal.ApiScope;
import news.broadsheet.api.internal.ApiToken;
import news.broadsheet.api.internal.ApiTokens;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * "API tokens", for every signed-in user: their own tokens, a form for a new one (its secret shown
 * once) and revocation; admins can list and revoke everyone's.
 */
@Controller
class TokenAdminController {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private final ApiTokens tokens;
    private final Accounts accounts;
    private final SiteSettings site;
    private final Clock clock;

    TokenAdminController(ApiTokens tokens, Accounts accounts, SiteSettings site, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.site = site;
        this.clock = clock;
    }

    @GetMapping("/admin/tokens")
    String list(
            @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(required = false) @Nullable String all,
            @RequestParam(required = false) @Nullable String revoked,
            Model model) {
        model.addAttribute(
                "page",
                page(staff, all != null, Map.of(), "", "", Set.of(), null, revoked != null ? "Token revoked." : null));
        return "admin/api/tokens";
    }

    @PostMapping("/admin/tokens")
    String create(
            @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(name = "scopes", required = false) @Nullable List<String> scopeValues,
            @RequestParam(defaultValue = "") String expiresOn,
            HttpServletResponse response,
            Model model) {
        Map<String, String> errors = new HashMap<>();
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String value : scopeValues == null ? List.<String>of() : scopeValues) {
            ApiScope.of(value).ifPresentOrElse(scopes::add, () -> errors.put("scopes", "Unknown scope."));
        }
        Instant expiresAt = null;
        if (!expiresOn.isBlank()) {
            try {
                LocalDate day = LocalDate.parse(expiresOn.strip());
                if (day.getYear() < 0 || day.getYear() > 9999) {
                    throw new DateTimeException("year out of range");
                }
                // The token works to the end of the chosen day, in the newsroom's time zone.
                expiresAt = day.plusDays(1).atStartOfDay(site.timeZone()).toInstant();
            } catch (DateTimeException e) {
                errors.put("expiresOn", "Give the date as YYYY-MM-DD (a year up to 9999), or leave it empty.");
            }
        }
        if (errors.isEmpty()) {
            try {
                ApiTokens.NewToken created = tokens.create(staff, name, scopes, expiresAt);
                model.addAttribute(
                        "page",
                        page(
                                staff,
                                false,
                                Map.of(),
                                "",
                                "",
                                Set.of(),
                                created.secret(),
                                "Token created. Copy it now: it will not be shown again."));
                return "admin/api/tokens";
            } catch (ApiTokens.TokenException e) {
                errors.put(e.field().equals("expiresAt") ? "expiresOn" : e.field(), String.valueOf(e.getMessage()));
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("page", page(staff, false, errors, name, expiresOn, scopes, null, null));
        return "admin/api/tokens";
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long id) {
        if (!tokens.revoke(staff, id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/admin/tokens?revoked";
    }

    private TokensPage page(
            StaffPrincipal staff,
            boolean everyone,
            Map<String, String> errors,
            String name,
            String expiresOn,
            Set<ApiScope> checked,
            @Nullable String secret,
            @Nullable String notice) {
        boolean admin = staff.hasRole(news.broadsheet.account.Role.ADMIN);
        Instant now = clock.instant();
        Map<Long, String> owners = new HashMap<>();
        List<TokensPage.Row> rows = tokens.list(staff, everyone).stream()
                .map(token -> row(token, now, owners.computeIfAbsent(token.accountId(), this::owner)))
                .toList();
        List<TokensPage.ScopeOption> scopes = ApiTokens.scopesFor(staff.role()).stream()
                .map(scope -> new TokensPage.ScopeOption(scope.value(), scope.label(), checked.contains(scope)))
                .toList();
        return new TokensPage(rows, scopes, errors, name, expiresOn, secret, notice, everyone && admin, admin);
    }

    private String owner(long accountId) {
        return accounts.byId(accountId).map(Account::displayName).orElse("#" + accountId);
    }

    private TokensPage.Row row(ApiToken token, Instant now, String owner) {
        String state = token.revokedAt() != null
                ? "Revoked " + shown(token.revokedAt())
                : token.activeAt(now) ? "Active" : "Expired";
        return new TokensPage.Row(
                token.id(),
                token.name(),
                token.prefix() + "…",
                owner,
                String.join(", ", token.scopes().stream().map(ApiScope::value).toList()),
                shown(token.createdAt()),
                token.lastUsedAt() == null ? "Never" : shown(token.lastUsedAt()),
                token.expiresAt() == null ? "Never" : shown(token.expiresAt()),
                state,
                token.activeAt(now));
    }

    private String shown(Instant instant) {
        return SHOWN.format(instant.atZone(site.timeZone()));
    }
}
