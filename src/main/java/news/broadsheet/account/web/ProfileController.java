package news.broadsheet.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import news.broadsheet.account.Account;
import news.broadsheet.account.AccountException;
import news.broadsheet.account.Accounts;
import news.broadsheet.account.ProfileContribution;
import news.broadsheet.account.ProfileContributor;
import news.broadsheet.account.StaffPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "My profile", for every signed-in user: name, e-mail address and password. */
@Controller
class ProfileController {

    private static final String PROFILE = "/admin/profile";

    private final Accounts accounts;
    private final List<ProfileContributor> contributors;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    ProfileController(Accounts accounts, List<ProfileContributor> contributors) {
        this.accounts = accounts;
        this.contributors = contributors;
    }

    @GetMapping(PROFILE)
    String profile(
            @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(required = false) @Nullable String done,
            Model model) {
        Account account = accounts.byId(staff.accountId()).orElseThrow();
        model.addAttribute(
                "page",
                ProfilePage.of(
                        account,
                        account.displayName(),
                        account.email(),
                        Map.of(),
                        Map.of(),
                        notice(done),
                        contributions(account)));
        return "admin/profile";
    }

    /** The old address of the password form, kept for bookmarks. */
    @GetMapping("/admin/account/password")
    String oldPasswordPage() {
        return "redirect:" + PROFILE + "#password";
    }

    @PostMapping(PROFILE)
    String update(
            @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String current,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            Account account = accounts.updateProfile(staff, displayName, email, current);
            // This browser's pages show the new name at once; other sessions on their next sign-in.
            StaffPrincipal updated = new StaffPrincipal(
                    account.id(), account.username(), account.displayName(), account.role(), account.enabled(), "");
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities()));
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
            return "redirect:" + PROFILE + "?done=details";
        } catch (AccountException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            Account account = accounts.byId(staff.accountId()).orElseThrow();
            model.addAttribute(
                    "page",
                    ProfilePage.of(
                            account,
                            displayName,
                            email,
                            Map.of(e.field(), e.getMessage()),
                            Map.of(),
                            null,
                            contributions(account)));
            return "admin/profile";
        }
    }

    @PostMapping({PROFILE + "/password", "/admin/account/password"})
    String changePassword(
            @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(defaultValue = "") String current,
            @RequestParam(defaultValue = "") String replacement,
            @RequestParam(defaultValue = "") String confirmation,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            accounts.changePassword(
                    staff,
                    current,
                    replacement,
                    confirmation,
                    request.getSession().getId());
            // A new session id for the new password: whoever knew the old id cannot ride along.
            request.changeSessionId();
            return "redirect:" + PROFILE + "?done=password";
        } catch (AccountException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            Account account = accounts.byId(staff.accountId()).orElseThrow();
            model.addAttribute(
                    "page",
                    ProfilePage.of(
                            account,
                            account.displayName(),
                            account.email(),
                            Map.of(),
                            Map.of(e.field(), e.getMessage()),
                            null,
                            contributions(account)));
            return "admin/profile";
        }
    }

    /** Notices come from a fixed list: the address bar cannot put words on this page. */
    private static @Nullable String notice(@Nullable String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "details" -> "Your details have been saved.";
            case "password" -> "Your password has been changed; your other sign-ins have ended.";
            default -> null;
        };
    }

    private List<ProfileContribution> contributions(Account account) {
        return contributors.stream()
                .map(contributor -> contributor.contributionFor(account))
                .flatMap(java.util.Optional::stream)
                .toList();
    }
}
