package news.broadsheet.search;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.article.Articles;
import news.broadsheet.search.internal.EditorialTerms;
import news.broadsheet.search.internal.IndexSearch;
import news.broadsheet.search.internal.UserQuery;
import news.broadsheet.shared.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What editors tell search: synonyms (a search for "NATO" also finds "Atlantic alliance") and
 * stories pinned first for a search. Both apply to the next search on every node, with no index
 * rebuild, because searches read them from the database. Every change is audited.
 */
@Service
public class SearchTerms {

    public static final int MAX_SYNONYMS = 20;
    public static final int MAX_TERM_LENGTH = 100;
    public static final int MAX_PINS_PER_SEARCH = 5;
    public static final int MAX_QUERY_LENGTH = 200;

    private static final Pattern SEPARATOR = Pattern.compile("[\\n,;]");
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n\\r\\t]]");

    private final EditorialTerms store;
    private final IndexSearch index;
    private final Articles articles;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SearchTerms(
            EditorialTerms store, IndexSearch index, Articles articles, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.index = index;
        this.articles = articles;
        this.events = events;
        this.clock = clock;
    }

    public List<SynonymGroup> synonyms() {
        return store.synonyms().stream()
                .map(s -> new SynonymGroup(s.id(), s.terms(), s.createdBy(), Instant.ofEpochMilli(s.createdAt())))
                .toList();
    }

    /**
     * Adds a group of words and phrases that mean the same.
     *
     * @param text the members, one per line or separated by commas
     * @throws InvalidSearchException when the group cannot be used; the message says why
     */
    @Transactional
    public SynonymGroup addSynonyms(String text, Actor actor) {
        if (INVISIBLE.matcher(text).find()) {
            throw new InvalidSearchException("The words contain invisible control characters. Please type them again.");
        }
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String part : SEPARATOR.split(text)) {
            String term = part.strip().replaceAll("\\s+", " ");
            if (term.isEmpty()) {
                continue;
            }
            if (term.length() > MAX_TERM_LENGTH) {
                throw new InvalidSearchException("Keep each word or phrase to " + MAX_TERM_LENGTH + " characters; \""
                        + term.substring(0, 40) + "…\" is longer.");
            }
            if (UserQuery.key(term).isEmpty()) {
                throw new InvalidSearchException("\"" + term + "\" has no letters or digits to search for.");
            }
            if (!index.searchable(term)) {
                throw new InvalidSearchException("\"" + term + "\" is one of the very common words (like \"the\" or"
                        + " \"and\") that search leaves out. Use a more distinctive word.");
            }
            byKey.putIfAbsent(UserQuery.key(term), term);
        }
        List<String> terms = new ArrayList<>(byKey.values());
        if (terms.size() < 2) {
            throw new InvalidSearchException("Give at least two different words or phrases that mean the same, one per"
                    + " line or separated by commas, like: NATO, Atlantic alliance.");
        }
        if (terms.size() > MAX_SYNONYMS) {
            throw new InvalidSearchException(
                    "A group holds up to " + MAX_SYNONYMS + " words or phrases; split this one in two.");
        }
        long now = clock.millis();
        long id = store.addSynonyms(terms, actor.name(), now);
        events.publishEvent(
                new SearchTermsChanged(actor, "search.synonyms-added", id, "Synonyms: " + String.join(", ", terms)));
        return new SynonymGroup(id, terms, actor.name(), Instant.ofEpochMilli(now));
    }

    /** Removes a synonym group; false when there was none with this id. */
    @Transactional
    public boolean removeSynonyms(long id, Actor actor) {
        List<String> terms = store.synonyms().stream()
                .filter(s -> s.id() == id)
                .findFirst()
                .map(EditorialTerms.Synonyms::terms)
                .orElse(null);
        if (terms == null || !store.removeSynonyms(id)) {
            return false;
        }
        events.publishEvent(new SearchTermsChanged(
                actor, "search.synonyms-removed", id, "Synonyms removed: " + String.join(", ", terms)));
        return true;
    }

    /** Every pinned story, grouped by search, the first pinned first. */
    public List<PinnedStory> pins() {
        List<EditorialTerms.Pin> pins = store.pins();
        List<Long> ids = pins.stream().map(EditorialTerms.Pin::articleId).toList();
        Map<Long, String> headlines = articles.headlines(ids);
        Map<Long, ArticleSummary> live = articles.liveByIds(ids);
        return pins.stream()
                .map(p -> new PinnedStory(
                        p.id(),
                        p.query(),
                        p.articleId(),
                        headlines.getOrDefault(p.articleId(), "(deleted story)"),
                        live.containsKey(p.articleId()),
                        p.createdBy(),
                        Instant.ofEpochMilli(p.createdAt())))
                .toList();
    }

    /**
     * Puts a story first for a search (after any pinned before it for the same search).
     *
     * @param story the story's address on the site (a full address or its path) or its number
     * @throws InvalidSearchException when the search or the story cannot be used; the message says why
     */
    @Transactional
    public PinnedStory pin(String query, String story, Actor actor) {
        String typed = query.strip().replaceAll("\\s+", " ");
        String key = UserQuery.key(typed);
        if (key.isEmpty()) {
            throw new InvalidSearchException(
                    "Type the search this story should come first for, like: election results.");
        }
        if (typed.length() > MAX_QUERY_LENGTH || key.length() > MAX_QUERY_LENGTH) {
            throw new InvalidSearchException(
                    "Keep the search to " + MAX_QUERY_LENGTH + " characters; readers rarely type more.");
        }
        long articleId = storyId(story)
                .orElseThrow(() -> new InvalidSearchException("There is no story at that address or with that number."
                        + " Paste the story's address from the site, or its number from the newsroom."));
        List<Long> pinned = store.pinnedFor(key);
        if (pinned.contains(articleId)) {
            throw new InvalidSearchException("That story is already pinned for this search.");
        }
        if (pinned.size() >= MAX_PINS_PER_SEARCH) {
            throw new InvalidSearchException("A search can have up to " + MAX_PINS_PER_SEARCH
                    + " pinned stories; remove one before pinning another.");
        }
        long now = clock.millis();
        long id;
        try {
            id = store.addPin(typed, key, articleId, actor.name(), now);
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            // Someone pinned it a moment ago (two clicks, or two editors).
            throw new InvalidSearchException("That story is already pinned for this search.");
        }
        String headline = articles.headlines(List.of(articleId)).getOrDefault(articleId, "");
        events.publishEvent(new SearchTermsChanged(
                actor, "search.pin-added", id, "Pinned \"" + headline + "\" first for \"" + typed + "\""));
        return new PinnedStory(
                id,
                typed,
                articleId,
                headline,
                articles.liveById(articleId).isPresent(),
                actor.name(),
                Instant.ofEpochMilli(now));
    }

    /** Removes a pin; false when there was none with this id. */
    @Transactional
    public boolean unpin(long id, Actor actor) {
        EditorialTerms.Pin pin = store.pinById(id);
        if (pin == null || !store.removePin(id)) {
            return false;
        }
        events.publishEvent(new SearchTermsChanged(
                actor,
                "search.pin-removed",
                id,
                "Unpinned story #" + pin.articleId() + " for \"" + pin.query() + "\""));
        return true;
    }

    /** The story a number or an address (full, or just its path) names, whatever its status. */
    private Optional<Long> storyId(String story) {
        String text = story.strip();
        if (text.matches("\\d{1,18}")) {
            long id = Long.parseLong(text);
            return articles.headlines(List.of(id)).containsKey(id) ? Optional.of(id) : Optional.empty();
        }
        String path;
        try {
            URI uri = URI.create(text.replace(" ", "%20"));
            path = uri.getRawPath() == null ? "" : uri.getPath();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String[] segments = path.split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!segments[i].isEmpty()) {
                return articles.idBySlug(segments[i]);
            }
        }
        return Optional.empty();
    }
}
