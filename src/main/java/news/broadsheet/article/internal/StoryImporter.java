package news.broadsheet.article.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import news.broadsheet.article.ArticleChanged;
import news.broadsheet.article.ArticleChanged.Change;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.article.EditArticle;
import news.broadsheet.article.EditorialRefusedException;
import news.broadsheet.article.ImportOutcome;
import news.broadsheet.article.ImportStory;
import news.broadsheet.article.ImportUpdate;
import news.broadsheet.article.ImportedText;
import news.broadsheet.author.Author;
import news.broadsheet.author.Authors;
import news.broadsheet.section.Sections;
import news.broadsheet.shared.Actor;
import news.broadsheet.shared.Slugs;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in stories written elsewhere (an import) a batch at a time: each is checked as the editor
 * checks it ({@link StoryChecks}), stored with its own status and times, given a first revision,
 * audited and announced ({@link ArticleChanged} IMPORTED) like any other; only the SQL is batched.
 */
@Service
public class StoryImporter {

    private static final String IMPORTED_NOTE = "Imported";
    private static final String UPDATED_NOTE = "Updated by a later import";
    /** The notes of revisions an import wrote: a story whose latest revision has another was saved here. */
    private static final Set<String> IMPORT_NOTES = Set.of(IMPORTED_NOTE, UPDATED_NOTE);

    private final StoryImportRepository rows;
    private final ArticleRepository articles;
    private final EditorialRepository editorial;
    private final StoryChecks checks;
    private final ArticleBodyRenderer renderer;
    private final Sections sections;
    private final Authors authors;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StoryImporter(
            StoryImportRepository rows,
            ArticleRepository articles,
            EditorialRepository editorial,
            StoryChecks checks,
            ArticleBodyRenderer renderer,
            Sections sections,
            Authors authors,
            ApplicationEventPublisher events,
            Clock clock) {
        this.rows = rows;
        this.articles = articles;
        this.editorial = editorial;
        this.checks = checks;
        this.renderer = renderer;
        this.sections = sections;
        this.authors = authors;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores the stories that pass the checks; a refused one leaves the others alone. A taken
     * slug gets the first free {@code -2}, {@code -3}, ... suffix.
     *
     * @return one outcome per story, in order
     */
    // Refusals are outcomes, not exceptions: nothing here spoils the caller's batch transaction.
    @Transactional
    public List<ImportOutcome> importAll(Actor actor, List<ImportStory> stories) {
        Instant now = clock.instant();
        ImportOutcome[] outcomes = new ImportOutcome[stories.size()];
        List<Integer> accepted = new ArrayList<>();
        List<EditArticle> contents = new ArrayList<>();
        check(stories, outcomes, accepted, contents, false);
        List<StoryImportRepository.StoryRow> storyRows = new ArrayList<>();
        for (int n = 0; n < accepted.size(); n++) {
            storyRows.add(row(actor, stories.get(accepted.get(n)), contents.get(n), now));
        }
        List<Long> ids = rows.insertStories(storyRows);

        List<Object[]> bylines = new ArrayList<>();
        List<Object[]> extraSections = new ArrayList<>();
        List<Object[]> corrections = new ArrayList<>();
        List<Object[]> revisions = new ArrayList<>();
        Map<String, String> tagNames = new LinkedHashMap<>();
        for (EditArticle content : contents) {
            for (String name : content.tagNames()) {
                String slug = Slugs.from(name);
                if (!slug.isEmpty()) {
                    tagNames.putIfAbsent(slug, name.strip());
                }
            }
        }
        Map<String, Long> tagIds = tagNames.isEmpty() ? Map.of() : rows.tagIds(tagNames);
        List<Object[]> tags = new ArrayList<>();
        for (int n = 0; n < ids.size(); n++) {
            long id = ids.get(n);
            EditArticle content = contents.get(n);
            ImportStory story = stories.get(accepted.get(n));
            int position = 0;
            for (long authorId : new LinkedHashSet<>(content.authorIds())) {
                bylines.add(new Object[] {id, authorId, position++});
            }
            content.extraSectionIds().stream()
                    .filter(section -> section != content.sectionId())
                    .distinct()
                    .forEach(section -> extraSections.add(new Object[] {id, section}));
            Set<Long> tagged = new HashSet<>();
            for (String name : content.tagNames()) {
                Long tagId = tagIds.get(Slugs.from(name));
                if (tagId != null && tagged.add(tagId)) {
                    tags.add(new Object[] {id, tagId});
                }
            }
            for (ImportStory.Correction correction : story.corrections()) {
                corrections.add(new Object[] {
                    id,
                    correction.kind(),
                    correction.text(),
                    correction.publishedAt().toEpochMilli(),
                    actor.accountId()
                });
            }
            revisions.add(new Object[] {
                id,
                0,
                content.slug(),
                content.headline().strip(),
                content.standfirst().strip(),
                content.bodyMarkdown(),
                content.sectionId(),
                content.seoTitle(),
                content.seoDescription(),
                actor.accountId(),
                actor.name(),
                now.toEpochMilli(),
                IMPORTED_NOTE
            });
            outcomes[accepted.get(n)] = ImportOutcome.stored(id);
        }
        rows.insertAuthors(bylines);
        rows.insertExtraSections(extraSections);
        rows.insertTags(tags);
        rows.insertCorrections(corrections);
        rows.insertRevisions(revisions);
        for (int n = 0; n < ids.size(); n++) {
            ImportStory story = stories.get(accepted.get(n));
            events.publishEvent(new ArticleChanged(
                    actor,
                    Change.IMPORTED,
                    ids.get(n),
                    contents.get(n).headline(),
                    "Imported as " + story.status().label().toLowerCase(Locale.ROOT)));
        }
        return List.of(outcomes);
    }

    /**
     * What {@link #importAll} would do with these stories, storing nothing: the same checks, the
     * same free addresses. For a dry run, whose sections and bylines are not created: an id below
     * zero stands for one it would have created, and passes as existing.
     *
     * @return one outcome per story, in order: refused with why, or stored with id 0 (none given)
     */
    @Transactional(readOnly = true)
    public List<ImportOutcome> checkAll(List<ImportStory> stories) {
        ImportOutcome[] outcomes = new ImportOutcome[stories.size()];
        List<Integer> accepted = new ArrayList<>();
        check(stories, outcomes, accepted, new ArrayList<>(), true);
        accepted.forEach(i -> outcomes[i] = ImportOutcome.stored(0));
        return List.of(outcomes);
    }

    /**
     * Checks each story as the editor would, giving it the first free address: a refused one gets
     * its outcome, an accepted one is listed (its index, and its content with the address).
     */
    private void check(
            List<ImportStory> stories,
            ImportOutcome[] outcomes,
            List<Integer> accepted,
            List<EditArticle> contents,
            boolean planned) {
        List<String> bases = stories.stream().map(StoryImporter::baseSlug).toList();
        Set<String> taken = rows.takenSlugs(bases);
        BatchFacts facts = new BatchFacts(stories, taken, planned);
        for (int i = 0; i < stories.size(); i++) {
            ImportStory story = stories.get(i);
            EditArticle content = story.content().withSlug(freeSlug(bases.get(i), taken));
            try {
                checks.checked(content, null, facts);
                if (story.publishedAt() == null
                        && story.status() != ArticleStatus.DRAFT
                        && story.status() != ArticleStatus.IN_REVIEW) {
                    throw EditorialRefusedException.invalid(
                            "publishAt", "A " + story.status().label() + " story needs a time.");
                }
            } catch (EditorialRefusedException refused) {
                outcomes[i] = ImportOutcome.refused(refused.errors());
                continue;
            }
            taken.add(content.slug());
            accepted.add(i);
            contents.add(content);
        }
    }

    /**
     * Brings stories an earlier import stored up to date with a later export: a story takes the
     * export's headline, standfirst and body only while its latest revision is one an import wrote
     * and it still says what that revision says, that is, no one has saved it here since; its
     * address, sections, tags, bylines, status and public "updated" time stay. A story edited here
     * keeps its text; it is reported only when the export says something else than the last import
     * brought (something changed on both sides). One query per batch finds the stories whose text
     * differs (none, when the same export is imported again), two more their revisions; each story
     * updated is then saved as the editor saves it.
     *
     * @param dryRun decide and check each update as for real, and write nothing
     * @return one outcome per text, in order
     */
    @Transactional
    public List<ImportUpdate> updateUnedited(Actor actor, List<ImportedText> texts, boolean dryRun) {
        Map<Long, StoryImportRepository.Text> stored =
                rows.texts(texts.stream().map(ImportedText::id).toList());
        List<Long> differing = texts.stream()
                .filter(text ->
                        stored.containsKey(text.id()) && !stored.get(text.id()).equals(asStored(text)))
                .map(ImportedText::id)
                .distinct()
                .toList();
        Map<Long, StoryImportRepository.Revised> latest = rows.latestRevisions(differing, null);
        Map<Long, StoryImportRepository.Revised> latestImported = rows.latestRevisions(differing, IMPORT_NOTES);
        List<ImportUpdate> outcomes = new ArrayList<>();
        for (ImportedText text : texts) {
            StoryImportRepository.Text current = stored.get(text.id());
            if (current == null) {
                outcomes.add(ImportUpdate.of(ImportUpdate.Result.GONE));
            } else if (current.equals(asStored(text))) {
                outcomes.add(ImportUpdate.of(ImportUpdate.Result.UNCHANGED));
            } else if (unedited(latest.get(text.id()), current)) {
                ImportUpdate outcome = update(actor, text, dryRun);
                outcomes.add(outcome);
                if (outcome.result() == ImportUpdate.Result.UPDATED) {
                    // A later item of the batch for the same story compares with this text.
                    StoryImportRepository.Revised now = new StoryImportRepository.Revised(UPDATED_NOTE, asStored(text));
                    stored.put(text.id(), now.text());
                    latest.put(text.id(), now);
                    latestImported.put(text.id(), now);
                }
            } else {
                StoryImportRepository.Revised imported = latestImported.get(text.id());
                boolean exportUnchanged =
                        imported != null && imported.text().stripped().equals(asStored(text));
                outcomes.add(ImportUpdate.of(
                        exportUnchanged ? ImportUpdate.Result.UNCHANGED : ImportUpdate.Result.EDITED_HERE));
            }
        }
        return outcomes;
    }

    /** Whether no one has saved the story here since an import wrote its latest revision. */
    private static boolean unedited(
            StoryImportRepository.@Nullable Revised latest, StoryImportRepository.Text current) {
        // Stripped: revisions of imports before this was written kept the headline and standfirst unstripped.
        return latest != null
                && IMPORT_NOTES.contains(latest.note())
                && latest.text().stripped().equals(current);
    }

    private ImportUpdate update(Actor actor, ImportedText text, boolean dryRun) {
        var found = editorial.findDraft(text.id());
        if (found.isEmpty()) {
            return ImportUpdate.of(ImportUpdate.Result.GONE);
        }
        ArticleDraft draft = found.get();
        EditArticle content = draft.content()
                .withText(text.headline().strip(), text.standfirst().strip(), text.bodyMarkdown());
        try {
            checks.checked(content, draft.id(), checks.live());
        } catch (EditorialRefusedException refused) {
            return ImportUpdate.refused(refused.errors());
        }
        if (dryRun) {
            return ImportUpdate.of(ImportUpdate.Result.UPDATED);
        }
        Instant now = clock.instant();
        // As a save: a story that is out keeps its public "updated" time (only a correction moves it).
        boolean live = draft.status() == ArticleStatus.PUBLISHED;
        if (!editorial.updateContent(
                draft.id(),
                draft.version(),
                content,
                draft.slug(),
                renderer.toHtml(content.bodyMarkdown()),
                !live,
                now)) {
            // Saved by someone in the meantime.
            return ImportUpdate.of(ImportUpdate.Result.EDITED_HERE);
        }
        editorial.insertRevision(
                draft.id(),
                draft.version() + 1,
                content,
                draft.slug(),
                actor.accountId(),
                actor.name(),
                now,
                UPDATED_NOTE);
        events.publishEvent(new ArticleChanged(actor, Change.REIMPORTED, draft.id(), content.headline(), UPDATED_NOTE));
        return ImportUpdate.of(ImportUpdate.Result.UPDATED);
    }

    /** The text as the import stores it (headline and standfirst without surrounding spaces). */
    private static StoryImportRepository.Text asStored(ImportedText text) {
        return new StoryImportRepository.Text(text.headline(), text.standfirst(), text.bodyMarkdown()).stripped();
    }

    private StoryImportRepository.StoryRow row(Actor actor, ImportStory story, EditArticle content, Instant now) {
        boolean goesOut = story.publishedAt() != null
                && (story.status() == ArticleStatus.PUBLISHED || story.status() == ArticleStatus.SCHEDULED);
        Long leadImage = story.leadImageId();
        return new StoryImportRepository.StoryRow(
                content.slug(),
                content.headline().strip(),
                content.standfirst().strip(),
                content.bodyMarkdown(),
                renderer.toHtml(content.bodyMarkdown()),
                content.sectionId(),
                story.status(),
                story.publishedAt(),
                story.createdAt(),
                story.updatedAt(),
                content.commentsOpen(),
                actor.accountId(),
                blankToNull(content.seoTitle()),
                blankToNull(content.seoDescription()),
                leadImage,
                story.embargoUntil(),
                story.expiresAt(),
                // Coming out now, as far as feeds and sitemaps can tell (their Last-Modified).
                goesOut ? now : null,
                // As if saved by the editor: publishing and setting a lead image each count.
                (goesOut ? 1 : 0) + (leadImage != null ? 1 : 0));
    }

    private static String baseSlug(ImportStory story) {
        EditArticle content = story.content();
        String base = content.slug().isBlank()
                ? Slugs.from(content.headline())
                : content.slug().strip();
        return base.isEmpty() ? "story" : base;
    }

    /** The base, or its first free numbered form; {@code taken} knows the base and this batch. */
    private String freeSlug(String base, Set<String> taken) {
        String slug = base;
        for (int n = 2; taken.contains(slug) || (!slug.equals(base) && articles.slugTaken(slug)); n++) {
            slug = Slugs.numbered(base, n);
        }
        return slug;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The facts the checks need, looked up once for the whole batch. */
    private final class BatchFacts implements StoryChecks.Facts {

        private final Set<String> taken;
        private final Map<Long, Boolean> sectionsSeen = new HashMap<>();
        private final Map<Long, Author> bylines;
        /** Ids below zero are sections and bylines a dry run would have created. */
        private final boolean planned;

        BatchFacts(List<ImportStory> stories, Set<String> taken, boolean planned) {
            this.taken = taken;
            this.planned = planned;
            Set<Long> authorIds = new HashSet<>();
            stories.forEach(story -> authorIds.addAll(story.content().authorIds()));
            this.bylines = authorIds.isEmpty() ? Map.of() : authors.byIds(authorIds);
        }

        @Override
        public boolean slugTakenByAnother(String slug, @Nullable Long articleId) {
            // The slug was chosen free of every stored story and of the batch so far.
            return taken.contains(slug);
        }

        @Override
        public boolean sectionExists(long sectionId) {
            if (planned && sectionId < 0) {
                return true;
            }
            return sectionsSeen.computeIfAbsent(
                    sectionId, id -> sections.byId(id).isPresent());
        }

        @Override
        public Map<Long, Author> authors(Collection<Long> authorIds) {
            Map<Long, Author> found = new HashMap<>();
            for (long id : authorIds) {
                Author author = planned && id < 0
                        ? new Author(id, "", "", "", "", "", "", List.of(), null, null, false, null)
                        : bylines.get(id);
                if (author != null) {
                    found.put(id, author);
                }
            }
            return found;
        }
    }
}
