package news.broadsheet.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import news.broadsheet.api.internal.ApiProblem;
import news.broadsheet.search.InvalidSearchException;
import news.broadsheet.search.SearchRequest;
import news.broadsheet.search.SearchResults;
import news.broadsheet.search.SiteSearch;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Site search as JSON: the same index, rules and facets as the search page. */
@RestController
class SearchApiController implements ApiEndpoint {

    private final SiteSearch search;
    private final ApiViews views;
    private final SiteSettings site;

    SearchApiController(SiteSearch search, ApiViews views, SiteSettings site) {
        this.search = search;
        this.views = views;
        this.site = site;
    }

    @GetMapping(value = "/api/v1/search", produces = "application/json")
    SearchAnswer search(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String section,
            @RequestParam(required = false) @Nullable String author,
            @RequestParam(required = false) @Nullable String year,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String page,
            @RequestParam(required = false) @Nullable String size,
            HttpServletRequest request) {
        String query = q == null ? "" : q.strip();
        if (query.isEmpty()) {
            throw ApiProblem.badRequest("q is required: the words to search for, with phrases in double quotes.");
        }
        SearchRequest.Order order = switch (sort == null ? "relevance" : sort) {
            case "relevance" -> SearchRequest.Order.RELEVANCE;
            case "newest" -> SearchRequest.Order.NEWEST;
            default -> throw ApiProblem.badRequest("sort must be relevance or newest.");
        };
        Long yearNumber = number(year, "year");
        Long pageNumber = number(page, "page");
        Long pageSize = number(size, "size");
        if (pageSize != null && (pageSize < 1 || pageSize > SearchRequest.MAX_SIZE)) {
            throw ApiProblem.badRequest("size must be from 1 to " + SearchRequest.MAX_SIZE + ".");
        }
        SearchRequest searchRequest = new SearchRequest(
                query,
                number(section, "section"),
                number(author, "author"),
                yearNumber == null ? null : (int) Math.min(yearNumber, Integer.MAX_VALUE),
                date(from, "from"),
                date(to, "to"),
                order,
                pageNumber == null ? 1 : (int) Math.min(pageNumber, Integer.MAX_VALUE),
                pageSize == null ? 0 : pageSize.intValue());
        SearchResults results;
        try {
            results = search.search(searchRequest);
        } catch (InvalidSearchException e) {
            throw ApiProblem.badRequest(
                    java.util.Objects.requireNonNullElse(e.getMessage(), "The search cannot be run."));
        }
        if (results.rebuilding()) {
            throw new ApiProblem(
                    503,
                    "The search index is being rebuilt; try again shortly.",
                    List.of(),
                    Map.of("Retry-After", "30"));
        }
        List<SearchAnswer.Item> items = new java.util.ArrayList<>();
        var articles =
                views.items(results.hits().stream().map(hit -> hit.article()).toList());
        for (int i = 0; i < articles.size(); i++) {
            items.add(
                    new SearchAnswer.Item(articles.get(i), results.hits().get(i).snippetHtml()));
        }
        List<SearchAnswer.FacetItem> facets = results.facets().stream()
                .map(facet -> new SearchAnswer.FacetItem(
                        facet.name(),
                        facet.label(),
                        facet.values().stream()
                                .map(v ->
                                        new SearchAnswer.FacetValueItem(v.value(), v.label(), v.count(), v.selected()))
                                .toList(),
                        facet.estimated()))
                .toList();
        return new SearchAnswer(
                query,
                results.total(),
                results.page(),
                results.pageSize(),
                items,
                facets,
                new SearchAnswer.Links(
                        results.page() > 1 ? pageUrl(request, results.page() - 1) : null,
                        results.hasNext() ? pageUrl(request, results.page() + 1) : null),
                results.didYouMean());
    }

    private String pageUrl(HttpServletRequest request, int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromUriString(site.absolute(request.getRequestURI()));
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("page")) {
                url.queryParam(name, (Object[]) values);
            }
        });
        return url.queryParam("page", page).encode().build().toUriString().replace("+", "%2B");
    }

    private static @Nullable Long number(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.strip().matches("\\d{1,18}")) {
            throw ApiProblem.badRequest(name + " must be a whole number.");
        }
        return Long.parseLong(value.strip());
    }

    private static @Nullable LocalDate date(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() < 1 || date.getYear() > 9999) {
                throw ApiProblem.badRequest(name + " must be a date between the years 1 and 9999.");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(name + " must be a date like 2026-05-31.");
        }
    }
}
