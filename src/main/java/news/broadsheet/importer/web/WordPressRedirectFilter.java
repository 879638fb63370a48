package news.broadsheet.importer.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.article.Articles;
import news.broadsheet.article.Tag;
import news.broadsheet.importer.internal.ImportLedger;
import news.broadsheet.importer.internal.PagePort;
import news.broadsheet.section.Section;
import news.broadsheet.section.Sections;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Old WordPress addresses ({@code /?p=12}, {@code /2014/05/03/slug/}, {@code /category/news/},
 * {@code /tag/x/}) answer 301 with the current address of what they became, as long as that is
 * live. Requests for the site's own routes pass straight through.
 */
@Component
class WordPressRedirectFilter extends OncePerRequestFilter {

    private static final List<String> OWN_PREFIXES =
            List.of("/admin", "/api/", "/assets/", "/media/", "/login", "/logout", "/feeds/", "/sitemap", "/search");
    private static final List<String> QUERY_KEYS = List.of("p", "page_id", "cat", "tag");
    /** How long "there are no redirects at all" is believed before asking the database again. */
    private static final long EMPTY_RECHECK_NANOS = 10_000_000_000L;

    private final ImportLedger ledger;
    private final Articles articles;
    private final Sections sections;
    private final ObjectProvider<PagePort> pages;
    private volatile long emptyCheckedAt;
    private volatile boolean empty;

    WordPressRedirectFilter(ImportLedger ledger, Articles articles, Sections sections, ObjectProvider<PagePort> pages) {
        this.ledger = ledger;
        this.articles = articles;
        this.sections = sections;
        this.pages = pages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return true;
        }
        String path = path(request);
        return OWN_PREFIXES.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = path(request);
        List<String> keys = keys(path, request);
        if (!keys.isEmpty() && !noRedirects()) {
            for (String key : keys) {
                Optional<String> target = ledger.redirectFor(key).flatMap(this::url);
                // "/about/" became "/about": asked for "/about", that is where we are already.
                if (target.isPresent() && !target.get().equals(path)) {
                    response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
                    response.setHeader("Location", target.get());
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    /** Redirects are never removed: once some exist, every candidate request is looked up. */
    private boolean noRedirects() {
        if (!empty && emptyCheckedAt != 0) {
            return false;
        }
        long now = System.nanoTime();
        if (emptyCheckedAt == 0 || now - emptyCheckedAt > EMPTY_RECHECK_NANOS || ledger.redirectsAddedHere()) {
            empty = !ledger.anyRedirects();
            emptyCheckedAt = now;
        }
        return empty;
    }

    /** The ways this request could be written in the redirect table, most exact first. */
    static List<String> keys(String path, HttpServletRequest request) {
        List<String> keys = new ArrayList<>();
        if (path.equals("/") || path.equals("/index.php")) {
            for (String name : QUERY_KEYS) {
                String value = request.getParameter(name);
                if (value != null && !value.isBlank() && value.length() <= 200) {
                    keys.add("/?" + name + "="
                            + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
                    break;
                }
            }
            return keys;
        }
        if (path.length() > 1000) {
            return keys;
        }
        String query = request.getQueryString();
        if (query != null && query.length() <= 500) {
            keys.add(path + "?" + query);
        }
        keys.add(path);
        keys.add(path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/");
        return keys;
    }

    private Optional<String> url(ImportLedger.Target target) {
        return switch (target.kind()) {
            case "story" -> articles.liveById(target.id()).map(ArticleSummary::url);
            case "section" -> sections.byId(target.id()).map(Section::url);
            case "tag" -> articles.tagById(target.id()).map(Tag::url);
            case "page" -> {
                PagePort port = pages.getIfAvailable();
                yield port == null ? Optional.empty() : port.url(target.id());
            }
            default -> Optional.empty();
        };
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        @Nullable
        String path = context != null && !context.isEmpty() && uri.startsWith(context)
                ? uri.substring(context.length())
                : uri;
        return path == null || path.isEmpty() ? "/" : path;
    }
}
