package news.broadsheet.search.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
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

    /** Moves on every forget, so lists read before one are never kept after it. */
    private final AtomicLong generation = new AtomicLong();

    private volatile @Nullable Names names;

    NameDirectory(Sections sections, Authors authors) {
        this.sections = sections;
        this.authors = authors;
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
