package news.broadsheet.article;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import news.broadsheet.article.internal.ArticleBodyRenderer;
import news.broadsheet.article.internal.ArticleRepository;
import news.broadsheet.article.internal.ArticleRow;
import news.broadsheet.article.internal.LiveListingRepository;
import news.broadsheet.article.internal.LiveListingRepository.ListScope;
import news.broadsheet.author.Author;
import news.broadsheet.author.Authors;
import news.broadsheet.section.Section;
import news.broadsheet.section.Sections;
import news.broadsheet.shared.Actor;
import news.broadsheet.shared.Keyset;
import news.broadsheet.shared.SiteSettings;
import news.broadsheet.shared.Slugs;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The articles facade: what readers can see (live stories and lists of them) and, for now, the
 * few writes the demo newsroom and tests need. A story is live when it is published and its
 * publication time has come, judged by the injected {@link Clock}.
 */
@Service
public class Articles {

    private static final DateTimeFormatter URL_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final ArticleRepository repository;
    private final LiveListingRepository listings;
    private final ArticleBodyRenderer bodyRenderer;
    private final Sections sections;
    private final Authors authors;
    private final SiteSettings site;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Articles(
            ArticleRepository repository,
            LiveListingRepository listings,
            ArticleBodyRenderer bodyRenderer,
            Sections sections,
            Authors authors,
            SiteSettings site,
            Clock clock,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.listings = listings;
        this.bodyRenderer = bodyRenderer;
        this.sections = sections;
        this.authors = authors;
        this.site = site;
        this.clock = clock;
        this.events = events;
    }

    /** The live article with this slug, ready for its page. */
    public Optional<ArticleView> liveBySlug(String slug) {
        return repository.findLiveBySlug(slug, clock.instant()).map(this::view);
    }

    public Optional<ArticleSummary> liveById(long id) {
        return repository
                .findLiveById(id, clock.instant())
                .map(row -> summaries(List.of(row)).getFirst());
    }

    /** Those of these articles that are live now, by id (search checks its hits with this). */
    public Map<Long, ArticleSummary> liveByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, ArticleSummary> live = new HashMap<>();
        for (ArticleSummary summary : summaries(repository.findLiveByIds(ids, clock.instant()))) {
            live.put(summary.id(), summary);
        }
        return live;
    }

    /** The live article that used to have this slug, so old links can be sent on to it. */
    public Optional<ArticleSummary> liveByRetiredSlug(String slug) {
        return repository.findArticleIdByRetiredSlug(slug).flatMap(this::liveById);
    }

    /** Newest live stories anywhere (section null) or in a section and the sections below it. */
    public StoryList latest(@Nullable Section section, @Nullable Keyset after, int limit) {
        List<Long> sectionIds = section == null ? null : sections.subtreeIds(section);
        return page(repository.findLive(sectionIds, after, limit + 1, clock.instant()), limit);
    }

    /** The newest live stories of each section front (a section and those below it), in one query. */
    public Map<Section, List<ArticleSummary>> latestInEach(List<Section> fronts, int limit) {
        Map<Long, List<ArticleRow>> rows =
                repository.findLiveInEach(sections.subtreeIds(fronts), limit, clock.instant());
        List<ArticleRow> all = rows.values().stream().flatMap(List::stream).toList();
        Map<Long, ArticleSummary> summaries = new HashMap<>();
        summaries(all).forEach(summary -> summaries.put(summary.id(), summary));
        Map<Section, List<ArticleSummary>> byFront = new java.util.LinkedHashMap<>();
        for (Section front : fronts) {
            byFront.put(
                    front,
                    rows.getOrDefault(front.id(), List.of()).stream()
                            .map(row -> summaries.get(row.id()))
                            .toList());
        }
        return byFront;
    }

    public StoryList taggedWith(Tag tag, @Nullable Keyset after, int limit) {
        return page(repository.findLiveByTag(tag.id(), after, limit + 1, clock.instant()), limit);
    }

    public StoryList writtenBy(Author author, @Nullable Keyset after, int limit) {
        return page(repository.findLiveByAuthor(author.id(), after, limit + 1, clock.instant()), limit);
    }

    /** Newest live stories matching every filter given (added for the JSON API). */
    public StoryList live(StoryFilter filter, @Nullable Keyset after, int limit) {
        List<Long> sectionIds = filter.section() == null ? null : sections.subtreeIds(filter.section());
        return page(
                repository.findLiveFiltered(
                        sectionIds,
                        filter.tag() == null ? null : filter.tag().id(),
                        filter.author() == null ? null : filter.author().id(),
                        filter.since(),
                        filter.until(),
                        after,
                        limit + 1,
                        clock.instant()),
                limit);
    }

    /**
     * Tags on live stories, with their count of live stories, in slug order after {@code after}
     * (exclusive): at most {@code limit} of them, so asking for one more tells whether a page follows.
     */
    public List<LiveTag> liveTags(@Nullable String after, int limit) {
        return repository.findLiveTagUses(after, limit, clock.instant()).stream()
                .map(use -> new LiveTag(use.tag(), use.stories()))
                .toList();
    }

    /** The live story with this id, ready for its page. */
    public Optional<ArticleView> liveViewById(long id) {
        return repository.findLiveById(id, clock.instant()).map(this::view);
    }

    /** Corrections and updates on live stories, newest first, each with its story. */
    public List<CorrectionNotice> recentCorrections(@Nullable Instant before, int limit) {
        List<Correction> corrections = repository.findRecentCorrections(before, limit, clock.instant());
        Map<Long, ArticleSummary> stories = new HashMap<>();
        List<CorrectionNotice> notices = new ArrayList<>();
        for (Correction correction : corrections) {
            ArticleSummary story = stories.computeIfAbsent(
                    correction.articleId(), id -> liveById(id).orElseThrow());
            notices.add(new CorrectionNotice(correction, story));
        }
        return notices;
    }

    public Optional<Tag> tagById(long id) {
        return repository.findTagById(id);
    }

    /** The tag with this name's slug, created if it does not exist yet (an import's unused tags). */
    @Transactional
    public Optional<Tag> ensureTag(String name) {
        String slug = Slugs.from(name);
        if (slug.isEmpty() || !news.broadsheet.shared.Text.fits(name.strip(), 200)) {
            return Optional.empty();
        }
        return repository.findTagById(repository.tagId(slug, name.strip()));
    }

    public Optional<Tag> tagBySlug(String slug) {
        return repository.findTagBySlug(slug);
    }

    /** The tag that used to have this slug, before a rename or merge. */
    public Optional<Tag> tagByRetiredSlug(String slug) {
        return repository.findTagIdByRetiredSlug(slug).flatMap(repository::findTagById);
    }

    /** Every article (whatever its status) in these sections and the sections below them. */
    public List<Long> idsInSection(Section section) {
        return repository.findIdsInSections(sections.subtreeIds(section));
    }

    /** Headlines of any articles, live or not, for staff screens. */
    public Map<Long, String> headlines(Collection<Long> ids) {
        return repository.findHeadlines(ids);
    }

    public long count() {
        return repository.countAll();
    }

    @Transactional
    public long create(CreateArticle command) {
        if (!Slugs.isValid(command.slug())) {
            throw new IllegalArgumentException("Not a valid article slug: " + command.slug());
        }
        if (repository.slugTaken(command.slug())) {
            throw new IllegalArgumentException("The slug " + command.slug() + " is already in use");
        }
        if (command.status() != ArticleStatus.DRAFT && command.publishedAt() == null) {
            throw new IllegalArgumentException("A " + command.status().dbValue() + " article needs a publication time");
        }
        if (command.authorIds().isEmpty()) {
            throw new IllegalArgumentException("An article needs at least one author");
        }
        Instant now = clock.instant();
        Instant published = command.publishedAt();
        Instant updated = command.updatedAt() != null ? command.updatedAt() : published != null ? published : now;
        long id = repository.insertArticle(
                command.slug(),
                command.headline(),
                command.standfirst(),
                command.bodyMarkdown(),
                bodyRenderer.toHtml(command.bodyMarkdown()),
                command.sectionId(),
                command.status(),
                published,
                now,
                updated,
                command.commentsOpen());
        int position = 0;
        for (long authorId : new LinkedHashSet<>(command.authorIds())) {
            repository.insertAuthor(id, authorId, position++);
        }
        for (String tagName : command.tagNames()) {
            String tagSlug = Slugs.from(tagName);
            if (!tagSlug.isEmpty()) {
                repository.insertTag(id, repository.tagId(tagSlug, tagName.strip()));
            }
        }
        events.publishEvent(new ArticleChanged(
                Actor.SYSTEM,
                ArticleChanged.Change.CREATED,
                id,
                command.headline(),
                "Created as " + command.status().label()));
        return id;
    }

    /** Moves an article to a new slug; links to the old one answer with a permanent redirect. */
    @Transactional
    public void changeSlug(long articleId, String newSlug) {
        ArticleRow row =
                repository.findById(articleId).orElseThrow(() -> new ArticleNotFoundException("#" + articleId));
        if (row.slug().equals(newSlug)) {
            return;
        }
        if (!Slugs.isValid(newSlug)) {
            throw new IllegalArgumentException("Not a valid article slug: " + newSlug);
        }
        Optional<Long> retiredOwner = repository.findArticleIdByRetiredSlug(newSlug);
        if (repository.slugTaken(newSlug) && !retiredOwner.equals(Optional.of(articleId))) {
            throw new IllegalArgumentException("The slug " + newSlug + " is already in use");
        }
        repository.changeSlug(articleId, row.slug(), newSlug, clock.instant());
        events.publishEvent(new ArticleChanged(
                Actor.SYSTEM, ArticleChanged.Change.SAVED, articleId, row.headline(), "Address changed to " + newSlug));
    }

    /**
     * Deletes a story for good, with its comments, revisions, notes, corrections and old addresses.
     * Publishes {@link ArticleChanged} ({@code DELETED}), so the audit log records it and search drops it;
     * pages, feeds and sitemaps no longer list it. False when there is no such story.
     */
    @Transactional
    public boolean delete(long articleId, Actor actor, String detail) {
        Optional<ArticleRow> row = repository.findById(articleId);
        if (row.isEmpty() || !repository.deleteArticle(articleId)) {
            return false;
        }
        events.publishEvent(new ArticleChanged(
                actor, ArticleChanged.Change.DELETED, articleId, row.get().headline(), detail));
        return true;
    }

    /** The story, whatever its status, that has this slug now. */
    public Optional<Long> idBySlug(String slug) {
        return repository.findArticleIdBySlug(slug);
    }

    /** Stories, whatever their status, filed in this section (first or among others) or saved there in a revision. */
    public List<Long> idsUsingSection(long sectionId) {
        return repository.findIdsUsingSection(sectionId);
    }

    /** Stories, whatever their status, with this author in the byline. */
    public List<Long> idsByAuthor(long authorId) {
        return repository.findIdsByAuthor(authorId);
    }

    /** Deletes a tag that no story carries, with its old addresses; false when a story still carries it. */
    @Transactional
    public boolean deleteTagIfUnused(long tagId) {
        return repository.deleteTagIfUnused(tagId);
    }

    // ---- Bulk reads for feeds and sitemaps (feed and sitemap modules). Live stories only. ----

    /** The sanitised body HTML of those of these stories that are live, by id. */
    public Map<Long, String> liveBodies(Collection<Long> ids) {
        return listings.findLiveBodies(ids, clock.instant());
    }

    /** The tags of these stories, by id, each list ordered by slug. */
    public Map<Long, List<Tag>> tagsOf(Collection<Long> ids) {
        return listings.findTags(ids);
    }

    /**
     * The numbers of the blocks of {@code size} story ids (block n holds ids {@code (n-1)*size+1} to
     * {@code n*size}) that hold a live story, ascending: the article sitemap files. Fixed id ranges
     * keep a file's contents put when stories elsewhere come out or down, and are found by index
     * seeks rather than by numbering every live story.
     */
    public List<Long> liveIdBlocks(int size) {
        return listings.findLiveIdBlocks(size, clock.instant());
    }

    /** Block {@code n} of {@code size} story ids (see {@link #liveIdBlocks}), if it holds a live story. */
    public Optional<LiveBlock> liveIdBlock(long n, int size) {
        long first = (n - 1) * size + 1;
        return listings.findLiveBlock(first, n * size, clock.instant());
    }

    /** The live stories of a block, in id order. */
    public List<ArticleLink> liveLinks(LiveBlock block) {
        return links(listings.findLinksBetween(block.firstId(), block.lastId(), clock.instant()));
    }

    /**
     * How many pages list live stories, and the last update of a live story, without reading every
     * live story (the sitemap index): see {@link LivePageCount}.
     */
    public LivePageCount livePageCount() {
        LiveListingRepository.LivePages found = listings.findLivePages(clock.instant());
        return new LivePageCount(
                Set.copyOf(found.sectionIds()),
                found.tags(),
                found.authors(),
                found.lastUpdate().orElse(Instant.EPOCH));
    }

    /** Live stories published at or after a time, newest first (the news sitemap). */
    public List<ArticleLink> livePublishedSince(Instant since, int limit) {
        return links(listings.findLinksPublishedSince(since, limit, clock.instant()));
    }

    /**
     * Sections that have live stories filed directly in them, with the newest publication among
     * them (when the section's front last gained a story). One index probe per section.
     */
    public Map<Long, Instant> liveSectionsNewest() {
        return listings.findNewestBySection(clock.instant());
    }

    /** Ids of the authors with live stories. One probe per author, stopping at their first live story. */
    public List<Long> liveAuthorIds() {
        return listings.findLiveAuthorIds(clock.instant());
    }

    /** Tags on live stories, by slug. One probe per tag, stopping at its first live story. */
    public List<Tag> liveTags() {
        return listings.findLiveTags(clock.instant());
    }

    /** Every tag, live or not (for a feature that keeps their names in memory). */
    public List<Tag> allTags() {
        return listings.findAllTags();
    }

    /** The highest tag id there is (0 for none): a new tag raises it. */
    public long newestTagId() {
        return listings.findNewestTagId();
    }

    /** Which of these tags are on a live story now. */
    public java.util.Set<Long> liveTagIdsAmong(java.util.Collection<Long> ids) {
        return java.util.Set.copyOf(listings.findLiveTagIds(ids, clock.instant()));
    }

    /** The latest publication time before {@code before} among live stories (when one left a time window). */
    public Optional<Instant> livePublishedBefore(Instant before) {
        return listings.findLatestPublishedBefore(before, clock.instant());
    }

    // ---- When a list of live stories last changed (Last-Modified of feeds and sitemaps). ----
    // A story leaving a list leaves no entry behind, so the newest entry alone cannot say when a
    // list changed: these add the moments stories came out or came down (see V20).

    /** The last moment, by now, a live story anywhere came out or came down; EPOCH if none ever did. */
    public Instant lastVisibilityChange() {
        return visibility(ListScope.EVERYTHING);
    }

    /** The same, for the stories in a section and the sections below it (where its front and feed list them). */
    public Instant lastVisibilityChange(Section section) {
        return visibility(new ListScope(
                List.of(
                        ListScope.Part.of("a.section_id IN (:scope)"),
                        // CROSS JOIN: SQLite keeps this order, the few second-section links first.
                        new ListScope.Part(
                                "article_section x CROSS JOIN article a",
                                "a.id = x.article_id AND x.section_id IN (:scope)")),
                "(a.section_id + 0 IN (:scope) OR a.id + 0 IN (SELECT article_id FROM article_section"
                        + " WHERE section_id IN (:scope)))",
                sections.subtreeIds(section)));
    }

    public Instant lastVisibilityChange(Tag tag) {
        return visibility(linked("article_tag", "tag_id", tag.id()));
    }

    public Instant lastVisibilityChange(Author author) {
        return visibility(linked("article_author", "author_id", author.id()));
    }

    /** Stories linked to one tag or author through a link table. */
    private static ListScope linked(String table, String column, long id) {
        String stories = " IN (SELECT article_id FROM " + table + " WHERE " + column + " = :scope)";
        return new ListScope(List.of(ListScope.Part.of("a.id" + stories)), "a.id + 0" + stories, id);
    }

    private Instant visibility(ListScope scope) {
        return listings.findLastVisibilityChange(scope, clock.instant()).orElse(Instant.EPOCH);
    }

    private List<ArticleLink> links(List<LiveListingRepository.LinkRow> rows) {
        Map<Long, Section> sectionsById = sections.byIds(rows.stream()
                .map(LiveListingRepository.LinkRow::sectionId)
                .collect(java.util.stream.Collectors.toSet()));
        List<ArticleLink> links = new ArrayList<>(rows.size());
        for (LiveListingRepository.LinkRow row : rows) {
            Section section =
                    java.util.Objects.requireNonNull(sectionsById.get(row.sectionId()), "a story's section exists");
            links.add(new ArticleLink(
                    row.id(),
                    row.headline(),
                    canonicalUrl(section, row.publishedAt(), row.slug()),
                    row.publishedAt(),
                    row.updatedAt()));
        }
        return links;
    }

    private StoryList page(List<ArticleRow> rows, int limit) {
        boolean more = rows.size() > limit;
        List<ArticleSummary> stories = summaries(more ? rows.subList(0, limit) : rows);
        Keyset older = null;
        if (more) {
            ArticleSummary last = stories.getLast();
            older = new Keyset(last.publishedAt(), last.id());
        }
        return new StoryList(stories, older);
    }

    private ArticleView view(ArticleRow row) {
        ArticleSummary summary = summaries(List.of(row)).getFirst();
        return new ArticleView(
                summary,
                sections.trail(summary.section()),
                row.bodyHtml(),
                repository.findTags(row.id()),
                repository.findCorrections(row.id()),
                row.seoTitle(),
                row.seoDescription());
    }

    private List<ArticleSummary> summaries(List<ArticleRow> rows) {
        Map<Long, List<Long>> authorIds = repository.findAuthorIds(ids(rows));
        Set<Long> allAuthorIds = new LinkedHashSet<>();
        authorIds.values().forEach(allAuthorIds::addAll);
        Map<Long, Author> authorsById = authors.byIds(allAuthorIds);
        Map<Long, Section> sectionsById =
                sections.byIds(rows.stream().map(ArticleRow::sectionId).collect(java.util.stream.Collectors.toSet()));
        List<ArticleSummary> summaries = new ArrayList<>(rows.size());
        for (ArticleRow row : rows) {
            Section section =
                    java.util.Objects.requireNonNull(sectionsById.get(row.sectionId()), "an article's section exists");
            List<Author> byline = authorIds.getOrDefault(row.id(), List.of()).stream()
                    .map(authorsById::get)
                    .toList();
            Instant published = java.util.Objects.requireNonNull(row.publishedAt(), "live articles have a time");
            summaries.add(new ArticleSummary(
                    row.id(),
                    row.slug(),
                    row.headline(),
                    row.standfirst(),
                    section,
                    byline,
                    published,
                    row.updatedAt(),
                    row.commentsOpen(),
                    canonicalUrl(section, published, row.slug()),
                    row.leadImageId()));
        }
        return summaries;
    }

    private String canonicalUrl(Section section, Instant publishedAt, String slug) {
        return section.url() + "/" + URL_DATE.format(publishedAt.atZone(site.timeZone())) + "/" + slug;
    }

    private static List<Long> ids(Collection<ArticleRow> rows) {
        return rows.stream().map(ArticleRow::id).toList();
    }
}
