package news.broadsheet.section;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import news.broadsheet.section.internal.SectionRepository;
import news.broadsheet.shared.Slugs;
import news.broadsheet.shared.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
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
            "sections",
            "sitemap",
            "tag",
            "tags");

    private final SectionRepository repository;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final ObjectProvider<TopLevelSlugClaim> claims;

    Sections(
            SectionRepository repository,
            ObjectProvider<TopLevelSlugClaim> claims,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.claims = claims;
    }

    public Optional<Section> byPath(String path) {
        return repository.findByPath(path);
    }

    public Optional<Section> byId(long id) {
        return repository.findById(id);
    }

    /** These sections by id, in one query; ids without a section are left out. */
    public java.util.Map<Long, Section> byIds(java.util.Collection<Long> ids) {
        java.util.Map<Long, Section> found = new java.util.HashMap<>();
        repository.findByIds(ids).forEach(section -> found.put(section.id(), section));
        return found;
    }

    /** For each section, its id and the ids of every section below it, from one read of the tree. */
    public java.util.Map<Long, List<Long>> subtreeIds(List<Section> fronts) {
        List<Section> all = repository.findAll();
        java.util.Map<Long, List<Long>> subtrees = new java.util.LinkedHashMap<>();
        for (Section front : fronts) {
            subtrees.put(
                    front.id(),
                    all.stream()
                            .filter(s -> s.id() == front.id() || s.path().startsWith(front.path() + "/"))
                            .map(Section::id)
                            .toList());
        }
        return subtrees;
    }

    /** Top-level sections in their editorial order, for navigation and the home page. */
    public List<Section> topLevel() {
        return repository.findTopLevel();
    }

    /** The sections directly under this one, in their editorial order: a section front's subsections. */
    public List<Section> children(Section section) {
        return repository.findChildren(section.id());
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

    /** The section that used to live at this path, before a rename or move. */
    public Optional<Section> byRetiredPath(String path) {
        return repository.findIdByRetiredPath(path).flatMap(repository::findById);
    }

    /** Every section, ordered by path (so each follows its parent). */
    public List<Section> all() {
        return repository.findAll();
    }

    /**
     * Renames or moves a section. Its old address, and those of the sections below it, keep
     * answering with a redirect.
     *
     * @throws IllegalArgumentException with a message for the editor
     */
    @Transactional
    public Section update(long id, @Nullable Long parentId, String slug, String name, String description) {
        Section section =
                repository.findById(id).orElseThrow(() -> new IllegalArgumentException("There is no such section."));
        Section parent = parentId == null
                ? null
                : repository
                        .findById(parentId)
                        .orElseThrow(() -> new IllegalArgumentException("Choose an existing parent."));
        check(parent, slug, name, description);
        if (parent != null && (parent.id() == id || parent.path().startsWith(section.path() + "/"))) {
            throw new IllegalArgumentException("A section cannot move under itself.");
        }
        String path = parent == null ? slug : parent.path() + "/" + slug;
        if (!path.equals(section.path()) && repository.findByPath(path).isPresent()) {
            throw new IllegalArgumentException("Another section already has the address /" + path + ".");
        }
        repository.update(id, parentId, slug, name.strip(), description.strip());
        events.publishEvent(new SectionsAltered(id));
        if (!path.equals(section.path())) {
            repository.movePaths(section.path(), path);
        }
        return repository.findById(id).orElseThrow();
    }

    private void check(@Nullable Section parent, String slug, String name, String description) {
        if (!Text.fits(description, 2000)) {
            throw new IllegalArgumentException("Keep the description to 2,000 characters, without control characters.");
        }
        if (parent != null && parent.path().length() + 1 + slug.length() > 400) {
            throw new IllegalArgumentException("That section would be nested too deep; its address would be too long.");
        }
        if (!Slugs.isValid(slug)) {
            throw new IllegalArgumentException("Use lowercase letters, digits and single hyphens for the address.");
        }
        if (parent == null && RESERVED_SLUGS.contains(slug)) {
            throw new IllegalArgumentException("The address /" + slug + " is reserved for the site itself.");
        }
        if (parent == null) {
            claims.orderedStream()
                    .map(claim -> claim.claimed(slug))
                    .flatMap(Optional::stream)
                    .findFirst()
                    .ifPresent(reason -> {
                        throw new IllegalArgumentException(reason);
                    });
        }
        if (name.isBlank() || !Text.fits(name, 200)) {
            throw new IllegalArgumentException("Give the section a name of up to 200 characters.");
        }
    }

    @Transactional
    public Section create(@Nullable Section parent, String slug, String name, String description) {
        check(parent, slug, name, description);
        String path = parent == null ? slug : parent.path() + "/" + slug;
        if (repository.findByPath(path).isPresent()) {
            throw new IllegalArgumentException("Another section already has the address /" + path + ".");
        }
        int position = repository.countChildren(parent == null ? null : parent.id());
        long id = repository.insert(parent == null ? null : parent.id(), slug, name, description, path, position);
        events.publishEvent(new SectionsAltered(id));
        return new Section(id, parent == null ? null : parent.id(), slug, name, description, path);
    }

    /**
     * Deletes a section with no sections below it, and its old addresses. The caller makes sure no
     * story is filed in it (see {@code Articles.idsUsingSection}).
     *
     * @throws IllegalStateException when sections are still below it
     */
    @Transactional
    public boolean delete(long id) {
        if (repository.countChildren(id) > 0) {
            throw new IllegalStateException("Section " + id + " still has sections below it");
        }
        boolean deleted = repository.delete(id);
        if (deleted) {
            events.publishEvent(new SectionsAltered(id));
        }
        return deleted;
    }
}
