package news.broadsheet.search.web;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.search.Facet;
import news.broadsheet.search.FacetValue;
import news.broadsheet.search.InvalidSearchException;
import news.broadsheet.search.SearchHit;
import news.broadsheet.search.SearchRequest;
import news.broadsheet.search.SearchResults;
import news.broadsheet.search.SearchSuggestion;
import news.broadsheet.search.SiteSearch;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The reader's search page: a plain GET form that works without JavaScript, results with
 * highlighted passages, facet links that keep the query, sorting and paging. Anything it cannot
 * use (broken quotes, unknown filters, bad dates) gets the form back with the reason, as a 400.
 */
@Controller
class SearchController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    /** How much of a query the page's title shows. */
    private static final int TITLE_QUERY_LENGTH = 60;

    private static final List<String> FILTERS = List.of("section", "author", "year", "from", "to", "sort");

    private final SiteSearch search;
    private final SiteSettings site;

    SearchController(SiteSearch search, SiteSettings site) {
        this.search = search;
        this.site = site;
    }

    @GetMapping("/search")
    String search(@RequestParam Map<String, String> params, HttpServletResponse response, Model model) {
        // Search results are never a page for search engines to index.
        response.setHeader("X-Robots-Tag", "noindex");
        String query = params.getOrDefault("q", "").strip();
        Map<String, String> kept = kept(params);
        if (query.isEmpty() && kept.isEmpty()) {
            model.addAttribute("page", form("", params, kept, null, false));
            return "search/page";
        }
        SearchRequest request;
        try {
            request = request(query, params);
        } catch (InvalidSearchException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("page", form(clip(query), params, Map.of(), e.getMessage(), false));
            return "search/page";
        }
        if (query.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("page", form("", params, kept, "Type one or more words to search for.", false));
            return "search/page";
        }
        SearchResults results;
        try {
            results = search.search(request);
        } catch (InvalidSearchException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("page", form(clip(query), params, kept, e.getMessage(), false));
            return "search/page";
        }
        if (results.rebuilding()) {
            model.addAttribute("page", form(query, params, kept, null, true));
            return "search/page";
        }
        model.addAttribute("page", results(query, kept, request, results));
        return "search/page";
    }

    /**
     * Suggestions as a reader types, for the search boxes' script (the boxes work as plain
     * searches without it). Anything typed gets an answer, at worst an empty list.
     */
    @GetMapping(value = "/search/suggest", produces = "application/json")
    @ResponseBody
    ResponseEntity<Suggestions> suggest(@RequestParam(defaultValue = "") String q) {
        List<SearchSuggestion> suggestions;
        try {
            suggestions = search.suggest(q);
        } catch (InvalidSearchException e) {
            suggestions = List.of();
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                .header("X-Robots-Tag", "noindex")
                .body(new Suggestions(suggestions));
    }

    /** The suggestions' JSON: {@code {"suggestions": [{"kind": "story", "label": "…", "url": "/…"}]}}. */
    record Suggestions(List<SearchSuggestion> suggestions) {}

    private SearchRequest request(String query, Map<String, String> params) {
        Long section = id(params.get("section"), "section");
        Long author = id(params.get("author"), "author");
        Integer year = null;
        String yearText = blankToNull(params.get("year"));
        if (yearText != null) {
            if (!yearText.matches("\\d{4}")) {
                throw new InvalidSearchException("The year should have four digits, like 2024.");
            }
            year = Integer.parseInt(yearText);
        }
        LocalDate from = day(params.get("from"), "from");
        LocalDate to = day(params.get("to"), "to");
        String sortText = blankToNull(params.get("sort"));
        SearchRequest.Order order;
        if (sortText == null || sortText.equals("relevance")) {
            order = SearchRequest.Order.RELEVANCE;
        } else if (sortText.equals("newest")) {
            order = SearchRequest.Order.NEWEST;
        } else {
            throw new InvalidSearchException("Results can be sorted by relevance or newest first.");
        }
        String pageText = blankToNull(params.get("page"));
        int page = 1;
        if (pageText != null) {
            if (!pageText.matches("\\d{1,6}")) {
                throw new InvalidSearchException("The page should be a number from 1 to "
                        + search.settings().maxPage() + ".");
            }
            page = Integer.parseInt(pageText);
        }
        return new SearchRequest(query, section, author, year, from, to, order, page);
    }

    private static @Nullable Long id(@Nullable String value, String name) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        if (!text.matches("\\d{1,18}")) {
            throw new InvalidSearchException("There is no such " + name + ". Choose one from the list.");
        }
        return Long.parseLong(text);
    }

    private static @Nullable LocalDate day(@Nullable String value, String name) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text, DAY);
        } catch (DateTimeParseException e) {
            throw new InvalidSearchException(
                    "The \"" + name + "\" date should be a date like 2024-03-31 (year, month, day).");
        }
    }

    private SearchPage results(String query, Map<String, String> kept, SearchRequest request, SearchResults results) {
        List<SearchPage.Hit> hits = new ArrayList<>();
        for (SearchHit hit : results.hits()) {
            ArticleSummary story = hit.article();
            hits.add(new SearchPage.Hit(
                    story.headline(),
                    story.url(),
                    story.standfirst(),
                    story.section().name(),
                    story.section().url(),
                    DAY.format(story.publishedAt().atZone(site.timeZone())),
                    LABEL.format(story.publishedAt().atZone(site.timeZone())),
                    story.authors().stream().map(Author::name).collect(Collectors.joining(", ")),
                    hit.snippetHtml()));
        }
        List<SearchPage.FacetGroup> facets = new ArrayList<>();
        for (Facet facet : results.facets()) {
            if (facet.values().isEmpty()) {
                continue;
            }
            List<SearchPage.FacetLink> links = new ArrayList<>();
            for (FacetValue value : facet.values()) {
                Map<String, String> with = new LinkedHashMap<>(kept);
                if (value.selected()) {
                    with.remove(facet.name());
                } else {
                    with.put(facet.name(), value.value());
                }
                links.add(
                        new SearchPage.FacetLink(value.label(), value.count(), url(query, with, 1), value.selected()));
            }
            facets.add(new SearchPage.FacetGroup(facet.label(), links, facet.estimated()));
        }
        long total = results.total();
        String summary = total == 0
                ? "No stories match your search."
                : total == 1
                        ? "1 story matches your search."
                        : String.format(Locale.ENGLISH, "%,d stories match your search.", total)
                                + (results.page() > 1 ? " This is page " + results.page() + "." : "");
        Map<String, String> relevance = new LinkedHashMap<>(kept);
        relevance.remove("sort");
        Map<String, String> newest = new LinkedHashMap<>(kept);
        newest.put("sort", "newest");
        boolean byNewest = request.order() == SearchRequest.Order.NEWEST;
        int page = results.page();
        String previous = page > 1 ? url(query, kept, page - 1) : null;
        String next = results.hasNext() && page < search.settings().maxPage() ? url(query, kept, page + 1) : null;
        Map<String, String> onlySort = new LinkedHashMap<>();
        if (kept.containsKey("sort")) {
            onlySort.put("sort", kept.get("sort"));
        }
        boolean filtered = kept.keySet().stream().anyMatch(k -> !k.equals("sort"));
        return new SearchPage(
                title(query),
                query,
                kept.get("from"),
                kept.get("to"),
                hidden(kept),
                null,
                false,
                true,
                summary,
                results.didYouMean(),
                results.didYouMean() == null ? null : url(results.didYouMean(), kept, 1),
                results.page() == 1 && !filtered
                        ? search.namedIn(query).stream()
                                .map(n -> new SearchPage.Named(
                                        Character.toUpperCase(n.kind().charAt(0))
                                                + n.kind().substring(1),
                                        n.label(),
                                        n.url()))
                                .toList()
                        : List.of(),
                hits,
                facets,
                byNewest ? url(query, relevance, 1) : null,
                byNewest ? null : url(query, newest, 1),
                byNewest,
                previous,
                next,
                filtered ? url(query, onlySort, 1) : null);
    }

    private SearchPage form(
            String query,
            Map<String, String> params,
            Map<String, String> kept,
            @Nullable String problem,
            boolean rebuilding) {
        return new SearchPage(
                title(query),
                query,
                clip(params.getOrDefault("from", "")),
                clip(params.getOrDefault("to", "")),
                hidden(kept),
                problem,
                rebuilding,
                false,
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                false,
                null,
                null,
                null);
    }

    /** Filters to keep in links and the form: only well-formed values, so nothing odd is echoed. */
    private static Map<String, String> kept(Map<String, String> params) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : FILTERS) {
            String value = blankToNull(params.get(name));
            if (value != null && value.matches("[0-9a-z-]{1,20}")) {
                kept.put(name, value);
            }
        }
        return kept;
    }

    private static List<SearchPage.Hidden> hidden(Map<String, String> kept) {
        return kept.entrySet().stream()
                .filter(e -> !e.getKey().equals("from") && !e.getKey().equals("to"))
                .map(e -> new SearchPage.Hidden(e.getKey(), e.getValue()))
                .toList();
    }

    private static String url(String query, Map<String, String> params, int page) {
        StringBuilder url = new StringBuilder("/search?q=").append(encode(query));
        params.forEach((name, value) -> url.append('&').append(name).append('=').append(encode(value)));
        if (page > 1) {
            url.append("&page=").append(page);
        }
        return url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** What the reader typed, kept in the form, but never more than a page can sensibly show. */
    /**
     * The page's title: the query, cut after a word when long (a question of hundreds of words
     * is read, but a browser tab, history and bookmarks show a few dozen characters).
     */
    static String title(String query) {
        if (query.isEmpty()) {
            return "Search";
        }
        if (query.length() <= TITLE_QUERY_LENGTH) {
            return "Search: " + query;
        }
        int cut = query.lastIndexOf(' ', TITLE_QUERY_LENGTH);
        String start = query.substring(0, cut > TITLE_QUERY_LENGTH / 2 ? cut : TITLE_QUERY_LENGTH);
        return "Search: " + start.strip() + "…";
    }

    private static String clip(@Nullable String value) {
        if (value == null) {
            return "";
        }
        String visible = value.replaceAll("\\p{Cc}", "");
        return visible.length() > 1000 ? visible.substring(0, 1000) : visible;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
