package news.broadsheet.search.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import news.broadsheet.article.Articles;
import news.broadsheet.article.Tag;
import news.broadsheet.author.Author;
import news.broadsheet.author.Authors;
import news.broadsheet.cache.SiteContentChanged;
import news.broadsheet.section.Section;
import news.broadsheet.section.Sections;
import news.broadsheet.shared.CacheTags;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every section and byline, held in memory for the names search shows (facet labels, the sections
 * and authors a search names, suggestions as a reader types): search pages are never kept by the
 * page cache, so each would otherwise read both lists again, two of a new search's dozen
 * statements. Forgotten when a change to sections or bylines is logged on any node (the change log
 * tags each {@link CacheTags#DIRECTORY}) and read again at least every minute; an id it does not
 * hold is read from the database.
 *
 * <p>Tags too, by name, for the tags a search names: a site can have tens of thousands, and
 * finding those whose name is in the question cost a scan of the tag table per word (7 ms at
 * 20,000 tags). They are read again when a tag is renamed or merged (the change log tags it
 * {@code t<id>}), when a new one was made on any node (each look-up asks for the highest tag id:
 * one index read), and at least every minute; whether a tag is on a live story is not held, as it
 * changes with the clock.
 */
@Component
public class NameDirectory {

    private static final long MAX_AGE_NANOS = 60_000_000_000L;

    /** What search shows of a byline: its name and page (not its bio, which can be long). */
    public record Byline(long id, String name, String url, boolean retired) {

        static Byline of(Author author) {
            return new Byline(author.id(), author.name(), author.url(), author.retired());
        }
    }

    private record Names(
            List<Section> sections,
            Map<Long, Section> sectionsById,
            List<Byline> authors,
            Map<Long, Byline> authorsById,
            long readAtNanos) {}

    private final Sections sections;
    private final Authors authors;
    private final Articles articles;

    /**
     * Every tag by its name's key (as {@link UserQuery#key} makes it) and by each word of it, and
     * the most words in one name.
     */
    private record TagNames(
            Map<String, List<Tag>> byKey,
            NavigableMap<String, List<Tag>> byWord,
            int mostWords,
            long newestId,
            long readAtNanos) {}

    private final AtomicLong tagGeneration = new AtomicLong();
    private volatile @Nullable TagNames tagNames;

    /** Moves on every forget, so lists read before one are never kept after it. */
    private final AtomicLong generation = new AtomicLong();

    private volatile @Nullable Names names;

    NameDirectory(Sections sections, Authors authors, Articles articles) {
        this.sections = sections;
        this.authors = authors;
        this.articles = articles;
    }

    /**
     * The tags, live or not, whose whole name the question holds as a run of its words ({@code
     * question} is a key as {@link UserQuery#key} makes it), in the order the question names them;
     * a name needs a word of three letters or more, so "a" or "it" names nothing.
     */
    public List<Tag> tagsNamedIn(String question) {
        TagNames held = currentTags();
        String[] words = question.strip().split(" ");
        List<Tag> named = new ArrayList<>();
        for (int start = 0; start < words.length; start++) {
            StringBuilder run = new StringBuilder();
            boolean longWord = false;
            for (int end = start; end < Math.min(words.length, start + held.mostWords()); end++) {
                if (end > start) {
                    run.append(' ');
                }
                run.append(words[end]);
                longWord |= words[end].length() >= 3;
                List<Tag> tags = longWord ? held.byKey().get(run.toString()) : null;
                if (tags != null) {
                    tags.stream().filter(tag -> !named.contains(tag)).forEach(named::add);
                }
            }
        }
        return named;
    }

    /**
     * The tags, live or not, with a word of their name starting with these letters (a key as
     * {@link UserQuery#key} makes it, of one word), by name.
     */
    public List<Tag> tagsWithAWordStarting(String letters) {
        Set<Tag> found = new LinkedHashSet<>();
        currentTags()
                .byWord()
                .subMap(letters, true, letters + Character.MAX_VALUE, false)
                .values()
                .forEach(found::addAll);
        List<Tag> byName = new ArrayList<>(found);
        byName.sort(
                Comparator.comparing(Tag::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Tag::id));
        return byName;
    }

    /** Every section. */
    public List<Section> sections() {
        return current().sections();
    }

    /** Every byline not merged into another, retired ones included. */
    public List<Byline> authors() {
        return current().authors();
    }

    /** These sections by id; ids without a section are left out. */
    public Map<Long, Section> sectionsById(Collection<Long> ids) {
        return byIds(ids, current().sectionsById(), sections::byIds);
    }

    /** These bylines by id (merged ones too, as the database gives them); ids without one are left out. */
    public Map<Long, Byline> authorsById(Collection<Long> ids) {
        return byIds(ids, current().authorsById(), missing -> {
            Map<Long, Byline> read = new HashMap<>();
            authors.byIds(missing).forEach((id, author) -> read.put(id, Byline.of(author)));
            return read;
        });
    }

    /** Drops what is held, so the next search reads both lists afresh. */
    public void forget() {
        generation.incrementAndGet();
        names = null;
    }

    /** A change on this node (once committed) or another, learnt through the page cache's change log. */
    @EventListener
    void on(SiteContentChanged event) {
        if (event.touches(CacheTags.DIRECTORY, CacheTags.NAVIGATION)) {
            forget();
        }
        if (event.tags().stream().anyMatch(CacheTags::isTag)) {
            tagGeneration.incrementAndGet();
            tagNames = null;
        }
    }

    private TagNames currentTags() {
        TagNames held = tagNames;
        long newest = articles.newestTagId();
        if (held != null && held.newestId() >= newest && System.nanoTime() - held.readAtNanos() < MAX_AGE_NANOS) {
            return held;
        }
        long seen = tagGeneration.get();
        List<Tag> all = articles.allTags();
        Map<String, List<Tag>> byKey = new HashMap<>();
        NavigableMap<String, List<Tag>> byWord = new TreeMap<>();
        int mostWords = 1;
        for (Tag tag : all) {
            String key = UserQuery.key(tag.name()).strip();
            if (!key.isEmpty()) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>(1)).add(tag);
                String[] words = key.split(" ");
                for (String word : new LinkedHashSet<>(List.of(words))) {
                    byWord.computeIfAbsent(word, w -> new ArrayList<>(1)).add(tag);
                }
                mostWords = Math.max(mostWords, words.length);
            }
        }
        TagNames fresh = new TagNames(
                Map.copyOf(byKey),
                Collections.unmodifiableNavigableMap(byWord),
                mostWords,
                all.stream().mapToLong(Tag::id).max().orElse(0),
                System.nanoTime());
        if (tagGeneration.get() == seen) {
            tagNames = fresh;
        }
        return fresh;
    }

    private static <T> Map<Long, T> byIds(
            Collection<Long> ids, Map<Long, T> held, Function<List<Long>, Map<Long, T>> read) {
        Map<Long, T> found = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (Long id : ids) {
            T value = held.get(id);
            if (value != null) {
                found.put(id, value);
            } else {
                missing.add(id);
            }
        }
        // Rare: a merged byline, or one added in the moments before its change reached this node.
        if (!missing.isEmpty()) {
            found.putAll(read.apply(missing));
        }
        return found;
    }

    private Names current() {
        Names held = names;
        if (held != null && System.nanoTime() - held.readAtNanos() < MAX_AGE_NANOS) {
            return held;
        }
        long seen = generation.get();
        List<Section> allSections = sections.all();
        List<Byline> allAuthors = authors.all().stream().map(Byline::of).toList();
        Map<Long, Section> sectionsById = new HashMap<>();
        allSections.forEach(section -> sectionsById.put(section.id(), section));
        Map<Long, Byline> authorsById = new HashMap<>();
        allAuthors.forEach(author -> authorsById.put(author.id(), author));
        Names fresh = new Names(
                List.copyOf(allSections),
                Map.copyOf(sectionsById),
                List.copyOf(allAuthors),
                Map.copyOf(authorsById),
                System.nanoTime());
        if (generation.get() == seen) {
            names = fresh;
        }
        return fresh;
    }
}
