package news.broadsheet.section;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import news.broadsheet.section.internal.SectionRepository;
import news.broadsheet.shared.Slugs;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The section hierarchy: looking sections up by path, walking trails, creating sections. */
@Service
public class Sections {

    /**
     * First path segments that other features route on; a top-level section may not take them.
     */
    public static final Set<String> RESERVED_SLUGS = Set.of(
            "admin",
            "api",
            "assets",
            "articles",
            "author",
            "authors",
            "comments",
            "corrections",
            "error",
            "feed",
            "feeds",
            "login",
            "logout",
            "search",
            "sitemap",
            "tag",
            "tags");

    private final SectionRepository repository;

    Sections(SectionRepository repository) {
        this.repository = repository;
    }

    public Optional<Section> byPath(String path) {
        return repository.findByPath(path);
    }

    public Optional<Section> byId(long id) {
        return repository.findById(id);
    }

    /** Top-level sections in their editorial order, for navigation and the home page. */
    public List<Section> topLevel() {
        return repository.findTopLevel();
    }

    /** The section and its ancestors, outermost first: World, then Defense. */
    public List<Section> trail(Section section) {
        List<Section> trail = new ArrayList<>();
        Section current = section;
        trail.add(current);
        while (current.parentId() != null) {
            current = repository.findById(current.parentId()).orElseThrow();
            trail.addFirst(current);
        }
        return trail;
    }

    /** The ids of the section and every section below it, so a front page lists its subsections' stories. */
    public List<Long> subtreeIds(Section section) {
        return repository.findSubtreeIds(section.path());
    }

    @Transactional
    public Section create(@Nullable Section parent, String slug, String name, String description) {
        if (!Slugs.isValid(slug)) {
            throw new IllegalArgumentException("Not a valid section slug: " + slug);
        }
        if (parent == null && RESERVED_SLUGS.contains(slug)) {
            throw new IllegalArgumentException("The address /" + slug + " is reserved for the site itself");
        }
        String path = parent == null ? slug : parent.path() + "/" + slug;
        int position = repository.countChildren(parent == null ? null : parent.id());
        long id = repository.insert(parent == null ? null : parent.id(), slug, name, description, path, position);
        return new Section(id, parent == null ? null : parent.id(), slug, name, description, path);
    }
}
