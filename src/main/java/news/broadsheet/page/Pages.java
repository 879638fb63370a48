package news.broadsheet.page;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import news.broadsheet.article.EditorialRefusedException;
import news.broadsheet.article.SafeHtml;
import news.broadsheet.page.internal.PageRepository;
import news.broadsheet.section.Sections;
import news.broadsheet.shared.Actor;
import news.broadsheet.shared.Slugs;
import news.broadsheet.shared.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pages facade: live pages for readers (by slug, the footer, the sitemap, the API) and every
 * write, each checked, kept as a revision where content changes, and announced as a {@link
 * PageChanged} in its transaction. Who may write is the caller's decision (the editor allows
 * editors and admins); refusals are {@link EditorialRefusedException}s with a message per field.
 */
@Service
public class Pages {

    /**
     * First path segments the site routes on itself (sections' reserved words, and every other
     * top-level route), which no page may take.
     */
    public static final Set<String> RESERVED_SLUGS = reserved();

    static final int MAX_BODY = 200_000;

    private final PageRepository repository;
    private final Sections sections;
    private final SafeHtml safeHtml;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Pages(
            PageRepository repository,
            Sections sections,
            SafeHtml safeHtml,
            Clock clock,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.sections = sections;
        this.safeHtml = safeHtml;
        this.clock = clock;
        this.events = events;
    }

    private static Set<String> reserved() {
        Set<String> words = new TreeSet<>(Sections.RESERVED_SLUGS);
        words.addAll(Set.of("favicon", "index", "media", "pages", "robots", "sitemaps", "static", "well-known", "www"));
        // The site icon, the web app manifest and the link-preview card (site/web/SiteIconController).
        words.addAll(Set.of("apple-touch-icon", "icon-192", "icon-512", "site", "site-card"));
        return Set.copyOf(words);
    }

    // --- readers -------------------------------------------------------------------------------

    public Optional<PageView> liveBySlug(String slug) {
        return repository.findLiveBySlug(slug, clock.instant());
    }

    /** The live page that used to have this slug, so old links can be sent on to it. */
    public Optional<PageLink> liveByRetiredSlug(String slug) {
        return repository.findLiveByRetiredSlug(slug, clock.instant());
    }

    /** Every live page, by slug. */
    public List<PageLink> live() {
        return repository.findLive(clock.instant());
    }

    /** The live pages marked for the footer, in their order: one indexed query. */
    public List<PageLink> footer() {
        return repository.findFooter(clock.instant());
    }

    /** The last moment any page changed or came out; EPOCH without pages. */
    public Instant lastChange() {
        return repository.findLastChange(clock.instant()).orElse(Instant.EPOCH);
    }

    // --- the newsroom and importers ------------------------------------------------------------

    public Optional<EditablePage> byId(long id) {
        return repository.findById(id);
    }

    /** The page (of any status) at this slug, for importers and the editor. */
    public Optional<EditablePage> bySlug(String slug) {
        return repository.findBySlug(slug);
    }

    /** Every page, whatever its status, by title. */
    public List<EditablePage> all() {
        return repository.findAll();
    }

    public List<PageRevision> revisions(long id) {
        return repository.findRevisions(id);
    }

    public Optional<PageRevision> revision(long id, int version) {
        return repository.findRevision(id, version);
    }

    /** Why a page could not live at this slug (for the page with id {@code pageId}, or a new one), or empty. */
    public Optional<String> slugRefusal(String slug, @Nullable Long pageId) {
        if (!Slugs.isValid(slug)) {
            return Optional.of("Use lowercase letters, digits and single hyphens for the address, at most "
                    + Slugs.MAX_LENGTH + " characters.");
        }
        if (RESERVED_SLUGS.contains(slug)) {
            return Optional.of("The address /" + slug + " is reserved for the site itself.");
        }
        if (sections.byPath(slug).isPresent()) {
            return Optional.of(
                    "The section “" + sections.byPath(slug).orElseThrow().name() + "” has the address /" + slug + ".");
        }
        Optional<EditablePage> other = repository.findBySlug(slug);
        if (other.isPresent() && (pageId == null || other.get().id() != pageId)) {
            return Optional.of("The page “" + other.get().title() + "” already has the address /" + slug + ".");
        }
        return Optional.empty();
    }

    /** Creates a draft page. */
    @Transactional
    public long create(PageContent content, Actor actor) {
        return insert(content, PageStatus.DRAFT, null, actor);
    }

    /**
     * Creates the page at the command's slug, or replaces the content and status of the page that
     * has it (whatever its version): the entry point for importers, so running one twice is safe.
     */
    @Transactional
    public long put(WritePage page, Actor actor) {
        EditablePage existing = repository.findBySlug(page.content().slug()).orElse(null);
        if (existing == null) {
            return insert(page.content(), page.status(), page.publishedAt(), actor);
        }
        update(existing.id(), existing.version(), page.content(), actor);
        EditablePage saved = repository.findById(existing.id()).orElseThrow();
        if (page.status() == PageStatus.PUBLISHED) {
            publish(saved.id(), saved.version(), page.publishedAt(), actor);
        } else if (saved.status() == PageStatus.PUBLISHED) {
            unpublish(saved.id(), saved.version(), actor);
        }
        return existing.id();
    }

    private long insert(PageContent content, PageStatus status, @Nullable Instant publishedAt, Actor actor) {
        check(content, null);
        Instant now = clock.instant();
        Instant published = status == PageStatus.PUBLISHED ? (publishedAt == null ? now : publishedAt) : publishedAt;
        long id;
        try {
            id = repository.insert(content, html(content), status, published, actor.accountId(), now);
        } catch (DuplicateKeyException e) {
            throw takenMeanwhile(content);
        }
        repository.forgetRetiredSlug(content.slug());
        repository.insertRevision(id, 1, content, actor, now, "Created");
        events.publishEvent(new PageChanged(
                actor,
                PageChanged.Change.CREATED,
                id,
                content.slug(),
                "Created /" + content.slug() + " as " + status.label().toLowerCase(java.util.Locale.ROOT) + ": "
                        + content.title()));
        return id;
    }

    /** Deletes a page for good, with its revisions and old addresses (the demo newsroom's removal). */
    @Transactional
    public void delete(long id, Actor actor) {
        EditablePage page = repository.findById(id).orElseThrow(() -> new PageNotFoundException(String.valueOf(id)));
        repository.delete(id);
        events.publishEvent(new PageChanged(
                actor, PageChanged.Change.DELETED, id, page.slug(), "Deleted /" + page.slug() + ": " + page.title()));
    }

    /** Saves new content over the expected version (optimistic locking); a changed slug leaves a redirect. */
    @Transactional
    public void update(long id, int expectedVersion, PageContent content, Actor actor) {
        write(id, expectedVersion, content, actor, PageChanged.Change.SAVED, "Saved");
    }

    /** The note of a revision a later import wrote ({@link #updateFromImport}). */
    public static final String UPDATED_BY_IMPORT = "Updated by a later import";

    /**
     * Saves a later import's content over the expected version, as {@link #update} does, with a
     * revision noted {@value #UPDATED_BY_IMPORT}: how the importer tells that no one has edited the
     * page here since an import wrote it.
     */
    // A refusal (a conflict, content the checks refuse) comes before anything is written, so it does
    // not spoil the import's batch transaction this joins.
    @Transactional(noRollbackFor = EditorialRefusedException.class)
    public void updateFromImport(long id, int expectedVersion, PageContent content, Actor actor) {
        write(id, expectedVersion, content, actor, PageChanged.Change.SAVED, UPDATED_BY_IMPORT);
    }

    /**
     * Refuses content {@link #updateFromImport} would refuse (an import's dry run asks), and writes
     * nothing.
     *
     * @throws EditorialRefusedException with what is wrong, field by field
     */
    public void checkUpdate(long id, PageContent content) {
        existing(id);
        check(content, id);
    }

    /** Brings back an earlier revision's content (footer settings stay as they are) as a new version. */
    @Transactional
    public void restore(long id, int revisionVersion, int expectedVersion, Actor actor) {
        EditablePage current = existing(id);
        PageRevision revision = repository
                .findRevision(id, revisionVersion)
                .orElseThrow(
                        () -> EditorialRefusedException.invalid("", "There is no version " + revisionVersion + "."));
        PageContent old = revision.content();
        PageContent restored = new PageContent(
                old.slug(),
                old.title(),
                old.description(),
                old.body(),
                old.format(),
                current.content().inFooter(),
                current.content().footerPosition());
        write(id, expectedVersion, restored, actor, PageChanged.Change.RESTORED, "Restored version " + revisionVersion);
    }

    private void write(
            long id, int expectedVersion, PageContent content, Actor actor, PageChanged.Change change, String note) {
        EditablePage current = existing(id);
        check(content, id);
        Instant now = clock.instant();
        try {
            if (!repository.updateContent(id, expectedVersion, content, html(content), now)) {
                throw conflict();
            }
        } catch (DuplicateKeyException e) {
            throw takenMeanwhile(content);
        }
        if (!current.slug().equals(content.slug())) {
            repository.retireSlug(id, current.slug(), content.slug());
        }
        repository.insertRevision(id, expectedVersion + 1, content, actor, now, note);
        String detail = note + " /" + content.slug() + ": " + content.title();
        if (!current.slug().equals(content.slug())) {
            detail += " (was /" + current.slug() + ")";
        }
        events.publishEvent(new PageChanged(actor, change, id, content.slug(), detail));
    }

    /**
     * Publishes the page: live at {@code publishedAt}, or now when that is null; a page that was
     * published before keeps its original publication time.
     */
    @Transactional
    public void publish(long id, int expectedVersion, @Nullable Instant publishedAt, Actor actor) {
        EditablePage page = existing(id);
        Instant now = clock.instant();
        Instant at = publishedAt != null
                ? publishedAt
                : page.publishedAt() != null && !page.publishedAt().isAfter(now) ? page.publishedAt() : now;
        if (!repository.updateStatus(id, expectedVersion, PageStatus.PUBLISHED, at, now)) {
            throw conflict();
        }
        events.publishEvent(
                new PageChanged(actor, PageChanged.Change.PUBLISHED, id, page.slug(), "Published /" + page.slug()));
    }

    /** Takes the page down: it answers 404 until published again. */
    @Transactional
    public void unpublish(long id, int expectedVersion, Actor actor) {
        EditablePage page = existing(id);
        if (!repository.updateStatus(id, expectedVersion, PageStatus.DRAFT, page.publishedAt(), clock.instant())) {
            throw conflict();
        }
        events.publishEvent(
                new PageChanged(actor, PageChanged.Change.UNPUBLISHED, id, page.slug(), "Unpublished /" + page.slug()));
    }

    /** The body as readers will see it: rendered if Markdown, sanitised either way. */
    public String render(PageContent content) {
        return html(content);
    }

    private String html(PageContent content) {
        return content.format().toSafeHtml(safeHtml, content.body());
    }

    private EditablePage existing(long id) {
        return repository.findById(id).orElseThrow(() -> new PageNotFoundException("#" + id));
    }

    private void check(PageContent content, @Nullable Long id) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (content.title().isBlank() || !Text.fits(content.title(), 300)) {
            errors.put("title", "Give the page a title of up to 300 characters.");
        }
        slugRefusal(content.slug(), id).ifPresent(message -> errors.put("slug", message));
        if (!Text.fits(content.description(), 500)) {
            errors.put("description", "Keep the description to 500 characters, without control characters.");
        }
        if (content.body().isBlank()) {
            errors.put("body", "Write the page: the body is empty.");
        } else if (!Text.fits(content.body(), MAX_BODY)) {
            errors.put("body", "Keep the body under 200,000 characters, without control characters.");
        }
        if (content.footerPosition() < 0 || content.footerPosition() > 999) {
            errors.put("footerPosition", "Give the footer position as a number from 0 to 999.");
        }
        if (!errors.isEmpty()) {
            throw new EditorialRefusedException(EditorialRefusedException.Kind.INVALID, errors);
        }
    }

    /** Another page took the slug between the check and the write. */
    private static EditorialRefusedException takenMeanwhile(PageContent content) {
        return EditorialRefusedException.invalid(
                "slug", "Another page has just taken the address /" + content.slug() + ".");
    }

    private static EditorialRefusedException conflict() {
        return new EditorialRefusedException(
                EditorialRefusedException.Kind.CONFLICT,
                Map.of("", "Someone else saved this page while you were editing it."));
    }
}
