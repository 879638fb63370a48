package news.broadsheet.search;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.article.Articles;
import news.broadsheet.article.Tag;
import news.broadsheet.search.internal.EditorialTerms;
import news.broadsheet.search.internal.IndexSearch;
import news.broadsheet.search.internal.NameDirectory;
import news.broadsheet.search.internal.RelatedStoriesCache;
import news.broadsheet.search.internal.SearchIndex;
import news.broadsheet.search.internal.UserQuery;
import news.broadsheet.section.Section;
import news.broadsheet.shared.Actor;
import news.broadsheet.shared.SiteSettings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The site search facade: full-text search over live stories with facets, filters, sorting and
 * highlighted snippets, related stories, and the index's status and rebuild. Every hit is checked
 * against the database before it is shown, so nothing that is not live right now can appear.
 */
@Service
public class SiteSearch {

    private static final int RELATED = 4;
    /** Ids kept per article: a few spare, so a story that expires leaves the block still full. */
    private static final int RELATED_KEPT = 8;

    private static final int SUGGESTED_STORIES = 5;
    private static final int SUGGESTED_NAMES = 3;
    /** Tags a search names, at most (a question that names more is a list of tags, not a question). */
    private static final int NAMED_TAGS = 12;
    /** Tags checked for a live story in the first statement. */
    private static final int LIVE_CHECKED_AT_ONCE = 12;
    /** Tags checked for a live story at most (a two-letter start can match thousands). */
    private static final int TAGS_CHECKED = 240;
    /** Suggestions look at no more than this much of what is typed: nobody types a headline longer. */
    private static final int MAX_SUGGEST_INPUT = 200;

    private final IndexSearch index;
    private final SearchIndex writer;
    private final EditorialTerms editorialTerms;
    private final RelatedStoriesCache relatedCache;
    private final Articles articles;
    private final NameDirectory names;
    private final SearchSettings settings;
    private final SiteSettings site;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SiteSearch(
            IndexSearch index,
            SearchIndex writer,
            EditorialTerms editorialTerms,
            RelatedStoriesCache relatedCache,
            Articles articles,
            NameDirectory names,
            SearchSettings settings,
            SiteSettings site,
            Clock clock,
            ApplicationEventPublisher events) {
        this.index = index;
        this.writer = writer;
        this.editorialTerms = editorialTerms;
        this.relatedCache = relatedCache;
        this.articles = articles;
        this.names = names;
        this.settings = settings;
        this.site = site;
        this.clock = clock;
        this.events = events;
    }

    public SearchSettings settings() {
        return settings;
    }

    /**
     * One page of results.
     *
     * @throws InvalidSearchException when the query or a filter cannot be used; its message says
     *     why, in words for readers
     */
    public SearchResults search(SearchRequest request) {
        if (request.page() < 1 || request.page() > settings.maxPage()) {
            throw new InvalidSearchException(
                    "Results pages run from 1 to " + settings.maxPage() + ". Narrow your search to see older stories.");
        }
        if (request.sectionId() != null
                && names.sectionsById(List.of(request.sectionId())).isEmpty()) {
            throw new InvalidSearchException(
                    "There is no such section. Choose one from the list, or search everything.");
        }
        if (request.authorId() != null
                && names.authorsById(List.of(request.authorId())).isEmpty()) {
            throw new InvalidSearchException("There is no such author. Choose one from the list, or search everyone.");
        }
        if (request.year() != null && (request.year() < 1000 || request.year() > 9999)) {
            throw new InvalidSearchException("The year should have four digits, like 2024.");
        }
        if (request.from() != null && request.to() != null && request.from().isAfter(request.to())) {
            throw new InvalidSearchException("The \"from\" date is after the \"to\" date. Swap them round.");
        }
        if (request.size() < 0 || request.size() > SearchRequest.MAX_SIZE) {
            throw new InvalidSearchException("Results per page run from 1 to " + SearchRequest.MAX_SIZE + ".");
        }
        UserQuery query = UserQuery.parse(request.query(), settings.maxQueryLength());
        int size = request.size() == 0 ? settings.pageSize() : request.size();
        if (!index.available()) {
            return SearchResults.whileRebuilding(request.page(), size);
        }
        ZoneId zone = site.timeZone();
        IndexSearch.Filters filters = new IndexSearch.Filters(
                request.sectionId(),
                request.authorId(),
                request.year(),
                request.from() == null ? null : startOf(request.from(), zone),
                request.to() == null ? null : startOf(request.to().plusDays(1), zone));
        // Whether the hits are live is read from the database as soon as they are ranked, while
        // the index makes their snippets; for an answer kept from before, after it.
        AtomicReference<Map<Long, ArticleSummary>> checked = new AtomicReference<>();
        IndexSearch.Found found = index.search(
                query,
                editorial(request),
                filters,
                request.order() == SearchRequest.Order.NEWEST,
                (request.page() - 1) * size,
                size,
                clock.millis(),
                ids -> checked.set(articles.liveByIds(ids)));
        if (found == null) {
            return SearchResults.whileRebuilding(request.page(), size);
        }
        Map<Long, ArticleSummary> live = checked.get() != null ? checked.get() : articles.liveByIds(found.ids());
        List<SearchHit> hits = new ArrayList<>();
        for (long id : found.ids()) {
            ArticleSummary summary = live.get(id);
            if (summary != null) {
                hits.add(new SearchHit(summary, found.snippets().getOrDefault(id, "")));
            }
        }
        long total = found.total() - (found.ids().size() - hits.size());
        return new SearchResults(hits, total, request.page(), size, facets(found, request), false, found.suggestion());
    }

    /**
     * What a reader may be looking for, from what they have typed so far: live stories whose
     * headline has the words (the last perhaps unfinished; newest first, from the index), then
     * sections, authors and tags with a word of their name starting so. Nothing for fewer than two
     * letters or digits.
     */
    public List<SearchSuggestion> suggest(String typed) {
        String text = typed.length() > MAX_SUGGEST_INPUT ? typed.substring(0, MAX_SUGGEST_INPUT) : typed;
        String key = UserQuery.key(text);
        if (key.replace(" ", "").length() < 2) {
            return List.of();
        }
        List<SearchSuggestion> suggestions = new ArrayList<>();
        if (index.available()) {
            List<Long> ids = index.headlinesStartingWith(
                    Character.isWhitespace(text.charAt(text.length() - 1)) ? key + " " : key,
                    SUGGESTED_STORIES * 2,
                    clock.millis());
            Map<Long, ArticleSummary> live = articles.liveByIds(ids);
            ids.stream()
                    .map(live::get)
                    .filter(Objects::nonNull)
                    .limit(SUGGESTED_STORIES)
                    .forEach(story -> suggestions.add(new SearchSuggestion("story", story.headline(), story.url())));
        }
        suggestions.addAll(sectionsAndAuthors(name -> namedStartingWith(name, key)));
        if (!key.contains(" ")) {
            liveFirst(names.tagsWithAWordStarting(key), SUGGESTED_NAMES)
                    .forEach(tag -> suggestions.add(new SearchSuggestion("tag", tag.name(), tag.url())));
        }
        return suggestions;
    }

    /**
     * Sections, authors and tags whose whole name is among the words searched for ("budget kim
     * laine" names the author Kim Laine), so a reader without suggestions as they type still gets
     * to those pages from the results.
     */
    public List<SearchSuggestion> namedIn(String query) {
        String read =
                query.length() > settings.maxQueryLength() ? query.substring(0, settings.maxQueryLength()) : query;
        String key = " " + UserQuery.key(read) + " ";
        if (key.isBlank()) {
            return List.of();
        }
        List<SearchSuggestion> named =
                new ArrayList<>(sectionsAndAuthors(name -> key.contains(" " + UserQuery.key(name) + " ")));
        // Tags by name from memory; then a statement for which of them are on a live story.
        liveFirst(names.tagsNamedIn(key), NAMED_TAGS)
                .forEach(tag -> named.add(new SearchSuggestion("tag", tag.name(), tag.url())));
        return named;
    }

    /**
     * The first {@code limit} of these tags that are on a live story, in their order, among the
     * first {@value #TAGS_CHECKED} of them: one statement for the first dozen, which mostly
     * suffices, and at most one more for the rest.
     */
    private List<Tag> liveFirst(List<Tag> tags, int limit) {
        List<Tag> live = new ArrayList<>();
        int checked = Math.min(tags.size(), TAGS_CHECKED);
        int from = 0;
        while (from < checked && live.size() < limit) {
            int to = from == 0 ? Math.min(checked, LIVE_CHECKED_AT_ONCE) : checked;
            List<Tag> chunk = tags.subList(from, to);
            from = to;
            Set<Long> ids = articles.liveTagIdsAmong(chunk.stream().map(Tag::id).toList());
            chunk.stream()
                    .filter(tag -> ids.contains(tag.id()))
                    .limit(limit - live.size())
                    .forEach(live::add);
        }
        return live;
    }

    /** Up to three sections, then up to three authors, whose names pass the test. */
    private List<SearchSuggestion> sectionsAndAuthors(java.util.function.Predicate<String> named) {
        List<SearchSuggestion> found = new ArrayList<>();
        names.sections().stream()
                .filter(section -> named.test(section.name()))
                .limit(SUGGESTED_NAMES)
                .forEach(section -> found.add(new SearchSuggestion("section", section.name(), section.url())));
        names.authors().stream()
                .filter(author -> !author.retired())
                .filter(author -> named.test(author.name()))
                .limit(SUGGESTED_NAMES)
                .forEach(author -> found.add(new SearchSuggestion("author", author.name(), author.url())));
        return found;
    }

    /** Whether the name has words starting with the typed words, in order ("kim la" names Kim Laine; so does "lai"). */
    private static boolean namedStartingWith(String name, String typedKey) {
        return (" " + UserQuery.key(name)).contains(" " + typedKey);
    }

    /** Editors' synonyms, and the stories they pinned for these words (relevance order only). */
    private IndexSearch.Editorial editorial(SearchRequest request) {
        List<List<String>> synonyms = editorialTerms.synonyms().stream()
                .map(EditorialTerms.Synonyms::terms)
                .toList();
        List<Long> pinned = request.order() == SearchRequest.Order.RELEVANCE
                ? editorialTerms.pinnedFor(UserQuery.key(request.query()))
                : List.of();
        return new IndexSearch.Editorial(synonyms, pinned);
    }

    /**
     * Up to four live stories like this one, those in the same section first; never the story
     * itself. The index is asked only when this node has no recent answer for the story (see {@link
     * SearchSettings#relatedMaxAge()}); whether each story is live, and its headline and address,
     * are read from the database every time.
     */
    public List<ArticleSummary> related(ArticleSummary article) {
        List<Long> ids = relatedCache.idsFor(
                article.id(),
                () -> index.related(article.id(), article.section().id(), RELATED_KEPT, clock.millis()));
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ArticleSummary> live = articles.liveByIds(ids);
        return ids.stream()
                .filter(id -> id != article.id())
                .map(live::get)
                .filter(Objects::nonNull)
                .limit(RELATED)
                .toList();
    }

    public SearchIndexStatus status() {
        return writer.status();
    }

    /** Builds a new index beside the live one and swaps it in; searches go on meanwhile. Audited. */
    @Transactional
    public CompletableFuture<SearchIndexStatus> rebuild(Actor actor) {
        events.publishEvent(new SearchIndexRebuildRequested(actor, "Search index rebuild requested"));
        return writer.requestRebuild("requested by " + actor.name());
    }

    private List<Facet> facets(IndexSearch.Found found, SearchRequest request) {
        List<Facet> facets = new ArrayList<>();
        List<IndexSearch.Count> sectionCounts = found.facets().getOrDefault("section", List.of());
        List<FacetValue> sectionValues = new ArrayList<>();
        // Every facet's section in one query, however many sections the hits are filed in.
        Map<Long, Section> sectionsById = names.sectionsById(
                sectionCounts.stream().map(c -> Long.parseLong(c.value())).toList());
        for (IndexSearch.Count count : sectionCounts) {
            long id = Long.parseLong(count.value());
            Section section = sectionsById.get(id);
            if (section != null) {
                sectionValues.add(new FacetValue(
                        count.value(),
                        section.name(),
                        count.count(),
                        Long.valueOf(id).equals(request.sectionId())));
            }
        }
        facets.add(new Facet("section", "Section", sectionValues, found.facetsEstimated()));

        List<IndexSearch.Count> authorCounts = found.facets().getOrDefault("author", List.of());
        Set<Long> authorIds = new HashSet<>();
        authorCounts.forEach(c -> authorIds.add(Long.parseLong(c.value())));
        Map<Long, NameDirectory.Byline> byId = names.authorsById(authorIds);
        List<FacetValue> authorValues = new ArrayList<>();
        for (IndexSearch.Count count : authorCounts) {
            long id = Long.parseLong(count.value());
            NameDirectory.Byline author = byId.get(id);
            if (author != null) {
                authorValues.add(new FacetValue(
                        count.value(),
                        author.name(),
                        count.count(),
                        Long.valueOf(id).equals(request.authorId())));
            }
        }
        facets.add(new Facet("author", "Author", authorValues, found.facetsEstimated()));

        List<FacetValue> years = found.facets().getOrDefault("year", List.of()).stream()
                .map(c -> new FacetValue(
                        c.value(), c.value(), c.count(), c.value().equals(String.valueOf(request.year()))))
                .sorted(Comparator.comparing(FacetValue::value).reversed())
                .toList();
        facets.add(new Facet("year", "Year", years, found.facetsEstimated()));
        return facets;
    }

    private static long startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
