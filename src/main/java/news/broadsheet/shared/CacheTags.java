package news.broadsheet.shared;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The cache tags (surrogate keys) of a public response: what it shows, so that a change to any of
 * those things invalidates exactly the responses that show it, in Broadsheet's page cache and in a
 * CDN. A page tags each thing it shows ({@link #article}, {@link #section}, ...) and each listing it
 * runs ({@link #sectionStories}, {@link #ALL_STORIES}, ...); a response with no tag is never cached.
 * The page cache reads them back with {@link #of}.
 *
 * <p>Keys are short because CDNs limit the header's length.
 */
public final class CacheTags {

    /** Every listing of stories across the site: the front page, the site's feeds, sitemaps, API lists. */
    public static final String ALL_STORIES = "stories";
    /** Every live story, any change to any of them: for the sitemaps, whose entries carry each story's time. */
    public static final String ARCHIVE = "archive";
    /** The list of live pages (About, Contact...): the pages sitemap, the API's list. */
    public static final String PAGES = "pages";
    /** The list of corrections. */
    public static final String CORRECTIONS = "corrections";
    /** The section navigation every page carries. */
    public static final String NAVIGATION = "nav";
    /** The footer's list of pages every page carries. */
    public static final String FOOTER = "footer";
    /** What the comment desk's settings change on public pages (comment forms, policies). */
    public static final String COMMENT_SETTINGS = "comment-settings";
    /** Site-wide directories: the list of sections, tags or authors as the API and pages give them. */
    public static final String DIRECTORY = "directory";

    private static final String ATTRIBUTE = CacheTags.class.getName();

    private CacheTags() {}

    /** A story as shown anywhere: its page, a card, a related link, a feed item. */
    public static String article(long id) {
        return "a" + id;
    }

    /** The approved comments of a story. */
    public static String comments(long articleId) {
        return "c" + articleId;
    }

    /** A section's name and address as shown (trail, card label, its front's heading). */
    public static String section(long id) {
        return "s" + id;
    }

    /** A listing of a section's stories (with the sections below it): its front, its feeds. */
    public static String sectionStories(long id) {
        return "sl" + id;
    }

    /** A tag's name and address as shown. */
    public static String tag(long id) {
        return "t" + id;
    }

    /** Whether the key is a tag's name and address ({@link #tag(long)}), not a listing of its stories. */
    public static boolean isTag(String key) {
        return key.length() > 1 && key.charAt(0) == 't' && Character.isDigit(key.charAt(1));
    }

    /** A listing of a tag's stories. */
    public static String tagStories(long id) {
        return "tl" + id;
    }

    /** A byline as shown (name, photo, job title, bio). */
    public static String author(long id) {
        return "p" + id;
    }

    /** A listing of one byline's stories. */
    public static String authorStories(long id) {
        return "pl" + id;
    }

    /** A page (About, Contact...) as shown. */
    public static String page(long id) {
        return "g" + id;
    }

    /** Tags the response being built in this thread's request; does nothing outside a request. */
    public static void tag(String... keys) {
        Set<String> tags = current(true);
        if (tags != null) {
            for (String key : keys) {
                tags.add(key);
            }
        }
    }

    /** Tags the response being built with each of the keys. */
    public static void tag(Collection<String> keys) {
        Set<String> tags = current(true);
        if (tags != null) {
            tags.addAll(keys);
        }
    }

    /** The tags given so far to the response of this request (empty outside a request). */
    public static Set<String> of(RequestAttributes request) {
        Object tags = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return tags instanceof Set<?> set ? castTags(set) : Set.of();
    }

    /** The attribute under which a servlet request holds its tags (for filters that have no holder). */
    public static String requestAttribute() {
        return ATTRIBUTE;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> castTags(Set<?> set) {
        return (Set<String>) set;
    }

    private static @Nullable Set<String> current(boolean create) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return null;
        }
        Object tags = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (tags instanceof Set<?> set) {
            return castTags(set);
        }
        if (!create) {
            return null;
        }
        Set<String> created = new LinkedHashSet<>();
        request.setAttribute(ATTRIBUTE, created, RequestAttributes.SCOPE_REQUEST);
        return created;
    }
}
