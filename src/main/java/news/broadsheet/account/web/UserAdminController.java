package news.broadsheet.account.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import news.broadsheet.account.AccountException;
import news.broadsheet.account.AccountLifecycle;
import news.broadsheet.account.Accounts;
import news.broadsheet.account.CreateAccount;
import news.broadsheet.account.InviteAccount;
import news.broadsheet.account.Role;
import news.broadsheet.account.StaffPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * User management for admins: create accounts (with a first password, or by invitation), change
 * roles, disable and enable, send invitations again, force password resets.
 */
@Controller
class UserAdminController {

    private final Accounts accounts;
    private final AccountLifecycle lifecycle;

    UserAdminController(Accounts accounts, AccountLifecycle lifecycle) {
        this.accounts = accounts;
        this.lifecycle = lifecycle;
    }

    @GetMapping("/admin/users")
    String users(
            @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(required = false) @Nullable String done,
            Model model) {
        model.addAttribute("page", page(staff, UsersPage.NewAccountForm.empty(), Map.of(), notice(done), null));
        return "admin/users";
    }

    @PostMapping("/admin/users")
    String create(
            @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String password,
            HttpServletResponse response,
            Model model) {
        UsersPage.NewAccountForm form = new UsersPage.NewAccountForm(username, displayName, email, role);
        Role chosen = parseRole(role);
        if (chosen == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("page", page(staff, form, Map.of("role", "Please choose a role."), null, null));
            return "admin/users";
        }
        try {
            if (password.isEmpty()) {
                lifecycle.invite(new InviteAccount(username, displayName, email, chosen), staff);
                return "redirect:/admin/users?done=invited";
            }
            accounts.create(new CreateAccount(username, displayName, email, chosen, password), staff);
            return "redirect:/admin/users?done=created";
        } catch (AccountException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("page", page(staff, form, Map.of(e.field(), e.getMessage()), null, null));
            return "admin/users";
        }
    }

    @PostMapping("/admin/users/{id}/role")
    String changeRole(
            @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String role,
            HttpServletResponse response,
            Model model) {
        Role chosen = parseRole(role);
        try {
            if (chosen == null) {
                throw new AccountException("role", "Please choose a role.");
            }
            accounts.changeRole(staff, id, chosen);
            return "redirect:/admin/users?done=role";
        } catch (AccountException e) {
            return refused(staff, e, response, model);
        }
    }

    @PostMapping("/admin/users/{id}/enabled")
    String setEnabled(
            @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable long id,
            @RequestParam boolean enabled,
            HttpServletResponse response,
            Model model) {
        try {
            accounts.setEnabled(staff, id, enabled);
            return "redirect:/admin/users?done=" + (enabled ? "enabled" : "disabled");
        } catch (AccountException e) {
            return refused(staff, e, response, model);
        }
    }

    @PostMapping("/admin/users/{id}/invitation")
    String resendInvitation(
            @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable long id,
            HttpServletResponse response,
            Model model) {
        try {
            lifecycle.resendInvitation(staff, id);
            return "redirect:/admin/users?done=reinvited";
        } catch (AccountException e) {
            return refused(staff, e, response, model);
        }
    }

    @PostMapping("/admin/users/{id}/reset")
    String forceReset(
            @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable long id,
            HttpServletResponse response,
            Model model) {
        try {
            lifecycle.forceReset(staff, id);
            return "redirect:/admin/users?done=reset";
        } catch (AccountException e) {
            return refused(staff, e, response, model);
        }
    }

    private String refused(StaffPrincipal staff, AccountException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("page", page(staff, UsersPage.NewAccountForm.empty(), Map.of(), null, e.getMessage()));
        return "admin/users";
    }

    private UsersPage page(
            StaffPrincipal staff,
            UsersPage.NewAccountForm form,
            Map<String, String> errors,
            @Nullable String notice,
            @Nullable String problem) {
        return new UsersPage(accounts.all(), List.of(Role.values()), form, errors, notice, problem, staff.accountId());
    }

    /** Notices come from a fixed list: the address bar cannot put words on this page. */
    private static @Nullable String notice(@Nullable String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "created" -> "Account created.";
            case "invited" -> "Account created; an invitation to choose a password is on its way (valid 72 hours).";
            case "reinvited" -> "A new invitation is on its way; the earlier link no longer works.";
            case "reset" ->
                "Password reset: the old password no longer works, the account's sessions have ended"
                        + " and a link to choose a new one is on its way.";
            case "role" -> "Role changed; the account's sessions have ended.";
            case "enabled" -> "Account enabled.";
            case "disabled" -> "Account disabled; its sessions have ended.";
            default -> null;
        };
    }

    private static @Nullable Role parseRole(String value) {
        for (Role role : Role.values()) {
            if (role.name().equalsIgnoreCase(value)) {
                return role;
            }
        }
        return null;
    }
}
