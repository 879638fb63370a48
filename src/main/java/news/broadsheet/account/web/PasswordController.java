package news.broadsheet.account.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import news.broadsheet.account.AccountException;
import news.broadsheet.account.Accounts;
import news.broadsheet.account.StaffPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Change my password", for every signed-in user. */
@Controller
class PasswordController {

    private final Accounts accounts;

    PasswordController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/admin/account/password")
    String form(@RequestParam(required = false) @Nullable String changed, Model model) {
        model.addAttribute(
                "page", new PasswordPage(Map.of(), changed != null ? "Your password has been changed." : null));
        return "admin/password";
    }

    @PostMapping("/admin/account/password")
    String change(
            @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(defaultValue = "") String current,
            @RequestParam(defaultValue = "") String replacement,
            @RequestParam(defaultValue = "") String confirmation,
            HttpServletResponse response,
            Model model) {
        try {
            accounts.changePassword(staff, current, replacement, confirmation);
            return "redirect:/login?passwordchanged";
        } catch (AccountException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("page", new PasswordPage(Map.of(e.field(), e.getMessage()), null));
            return "admin/password";
        }
    }
}
