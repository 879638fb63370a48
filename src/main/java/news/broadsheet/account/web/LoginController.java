package news.broadsheet.account.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security receives the form itself. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(
            @RequestParam(required = false) @Nullable String error,
            @RequestParam(required = false) @Nullable String throttled,
            @RequestParam(required = false) @Nullable String busy,
            @RequestParam(required = false) @Nullable String signedout,
            @RequestParam(required = false) @Nullable String passwordchanged,
            @RequestParam(required = false) @Nullable String passwordset,
            @RequestParam(required = false) @Nullable String username,
            Model model) {
        String problem = null;
        if (throttled != null) {
            String minutes = throttled.matches("\\d{1,3}") ? throttled : "15";
            problem = "Too many failed sign-in attempts. Please wait " + minutes + " minute"
                    + ("1".equals(minutes) ? "" : "s") + " and try again.";
        } else if (busy != null) {
            problem = "Too many sign-ins are being checked right now. Please try again in a few seconds.";
        } else if (error != null) {
            problem = "That username and password do not match an active account.";
        }
        model.addAttribute(
                "page", new LoginPage(username == null ? "" : username, problem, notice(signedout, passwordset)));
        return "account/login";
    }

    private static @Nullable String notice(@Nullable String signedout, @Nullable String passwordset) {
        if (passwordset != null) {
            return "Your password is set. Please sign in with it.";
        }
        return signedout != null ? "You have signed out." : null;
    }
}
