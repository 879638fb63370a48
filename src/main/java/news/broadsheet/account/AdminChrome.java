package news.broadsheet.account;

import java.util.List;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What every staff page shows around its content: who is signed in, the sections of the admin
 * they may use, and the CSRF token every form must carry. Controllers receive it as the model
 * attribute {@code admin}.
 */
public record AdminChrome(String displayName, String roleLabel, List<Link> navigation, CsrfToken csrf) {

    /** A link in the admin navigation. */
    public record Link(String name, String url) {}
}
