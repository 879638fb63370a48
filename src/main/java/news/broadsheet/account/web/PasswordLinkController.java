package news.broadsheet.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import news.broadsheet.account.AccountException;
import news.broadsheet.account.AccountLifecycle;
import news.broadsheet.account.LinkExpiredException;
import news.broadsheet.account.LinkPurpose;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public side of one-time links: "forgot my password", and choosing a password through an
 * invitation or reset link. A link's token is checked once, kept (as its hash) in the session and
 * dropped from the address at once, so it never reaches a Referer header or the browser history.
 */
@Controller
class PasswordLinkController {

    private static final String FORGOT = "/login/forgot";

    private final AccountLifecycle lifecycle;

    PasswordLinkController(AccountLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @GetMapping(FORGOT)
    String forgot(@RequestParam(required = false) @Nullable String sent, Model model) {
        model.addAttribute("page", new ForgotPasswordPage("", Map.of(), null, sent != null));
        return "account/forgot";
    }

    @PostMapping(FORGOT)
    String requestReset(
            @RequestParam(defaultValue = "") String email,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String kept = email.length() > 254 ? email.substring(0, 254) : email;
        try {
            Optional<Duration> wait = lifecycle.requestReset(email, request.getRemoteAddr());
            if (wait.isPresent()) {
                long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(
                        "Retry-After", String.valueOf(Math.max(1, wait.get().toSeconds())));
                model.addAttribute(
                        "page",
                        new ForgotPasswordPage(
                                kept,
                                Map.of(),
                                "Too many requests from your network. Please wait " + minutes + " minute"
                                        + (minutes == 1 ? "" : "s") + " and try again.",
                                false));
                return "account/forgot";
            }
            // The same answer whether or not an account uses the address.
            return "redirect:" + FORGOT + "?sent";
        } catch (AccountException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("page", new ForgotPasswordPage(kept, Map.of(e.field(), e.getMessage()), null, false));
            return "account/forgot";
        }
    }

    @GetMapping("/login/reset")
    String reset(
            @RequestParam(required = false) @Nullable String token,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return open(LinkPurpose.RESET, token, request, response, model);
    }

    @PostMapping("/login/reset")
    String chooseAfterReset(
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return choose(LinkPurpose.RESET, password, confirmation, request, response, model);
    }

    @GetMapping("/login/invitation")
    String invitation(
            @RequestParam(required = false) @Nullable String token,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return open(LinkPurpose.INVITATION, token, request, response, model);
    }

    @PostMapping("/login/invitation")
    String chooseAfterInvitation(
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return choose(LinkPurpose.INVITATION, password, confirmation, request, response, model);
    }

    private String open(
            LinkPurpose purpose,
            @Nullable String token,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        // Neither the link nor the page it leads to may tell another site where the visitor came from.
        response.setHeader("Referrer-Policy", "no-referrer");
        HttpSession session = request.getSession();
        if (token != null) {
            Optional<AccountLifecycle.OpenLink> link = lifecycle.open(purpose, token);
            if (link.isEmpty()) {
                session.removeAttribute(attribute(purpose));
                return expired(purpose, response, model);
            }
            session.setAttribute(attribute(purpose), link.get().tokenHash());
            return "redirect:" + path(purpose);
        }
        Optional<AccountLifecycle.OpenLink> link = linkInSession(purpose, session);
        if (link.isEmpty()) {
            return expired(purpose, response, model);
        }
        model.addAttribute("page", ChoosePasswordPage.form(purpose, path(purpose), link.get(), Map.of()));
        return "account/choose-password";
    }

    private String choose(
            LinkPurpose purpose,
            String password,
            String confirmation,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        response.setHeader("Referrer-Policy", "no-referrer");
        HttpSession session = request.getSession();
        Optional<AccountLifecycle.OpenLink> link = linkInSession(purpose, session);
        if (link.isEmpty()) {
            return expired(purpose, response, model);
        }
        try {
            lifecycle.setPassword(purpose, link.get().tokenHash(), password, confirmation);
            session.removeAttribute(attribute(purpose));
            return "redirect:/login?passwordset";
        } catch (LinkExpiredException e) {
            session.removeAttribute(attribute(purpose));
            return expired(purpose, response, model);
        } catch (AccountException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute(
                    "page",
                    ChoosePasswordPage.form(purpose, path(purpose), link.get(), Map.of(e.field(), e.getMessage())));
            return "account/choose-password";
        }
    }

    private Optional<AccountLifecycle.OpenLink> linkInSession(LinkPurpose purpose, HttpSession session) {
        return session.getAttribute(attribute(purpose)) instanceof String hash
                ? lifecycle.openByHash(purpose, hash)
                : Optional.empty();
    }

    private static String expired(LinkPurpose purpose, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.GONE.value());
        model.addAttribute("page", ChoosePasswordPage.expired(purpose, FORGOT));
        return "account/choose-password";
    }

    private static String attribute(LinkPurpose purpose) {
        return "broadsheet.password-link." + purpose.dbValue();
    }

    private static String path(LinkPurpose purpose) {
        return purpose == LinkPurpose.INVITATION ? "/login/invitation" : "/login/reset";
    }
}
