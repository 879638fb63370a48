package news.broadsheet.account;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.stereotype.Component;

/**
 * Whether a request carries its sender's newsroom form token (CSRF). Public forms sit on pages
 * cached for everyone, so they carry none and their routes do not ask for one; a public form that
 * would honour a staff session (a comment posted with the staff badge, at once) does so only when
 * the token came with it, so another site cannot make a signed-in editor's browser post as them.
 */
@Component
public class StaffFormToken {

    private final CsrfTokenRepository tokens;
    private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

    StaffFormToken(CsrfTokenRepository staffCsrfTokens) {
        this.tokens = staffCsrfTokens;
    }

    /** Whether the request's form (or header) holds the token of the browser that sent it. */
    public boolean carriedBy(HttpServletRequest request) {
        CsrfToken expected = tokens.loadToken(request);
        if (expected == null) {
            return false;
        }
        String sent = masked.resolveCsrfTokenValue(request, expected);
        return sent != null
                && MessageDigest.isEqual(
                        expected.getToken().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
