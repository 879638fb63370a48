package news.broadsheet.account;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What every staff page shows around its content: who is signed in, the sections of the admin
 * they may use, and the CSRF token every form must carry. Controllers receive it as the model
 * attribute {@code admin}.
 */
public record AdminChrome(String displayName, String roleLabel, List<Link> navigation, CsrfToken csrf) {

    /** A link in the admin navigation, with a count beside it when another module gives one. */
    public record Link(String name, String url, @Nullable Badge badge) {

        public Link(String name, String url) {
            this(name, url, null);
        }
    }

    /**
     * A count beside a navigation link.
     *
     * @param text what is shown, e.g. {@code 4}
     * @param label what screen readers hear instead, e.g. {@code 4 pending}
     */
    public record Badge(String text, String label) {}
}
