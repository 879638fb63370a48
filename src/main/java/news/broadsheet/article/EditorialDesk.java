package news.broadsheet.article;

import java.util.Optional;
import news.broadsheet.account.StaffPrincipal;
import news.broadsheet.article.internal.ArticleDraft;
import news.broadsheet.article.internal.ArticleWorkflow;
import news.broadsheet.article.internal.StoryImporter;
import org.springframework.stereotype.Service;

/**
 * The editorial workflow for callers outside this module (the JSON API): the same {@link
 * ArticleWorkflow} the admin editor uses, so permissions, validation, revisions, audit entries and
 * {@link ArticleChanged} events are exactly those of the editor.
 */
@Service
public class EditorialDesk {

    private final ArticleWorkflow workflow;
    private final StoryImporter importer;

    EditorialDesk(ArticleWorkflow workflow, StoryImporter importer) {
        this.workflow = workflow;
        this.importer = importer;
    }

    /**
     * The article as its editor sees it, if it exists and this user may see it (empty otherwise, so
     * a colleague's draft is not revealed).
     *
     * @throws EditorialRefusedException FORBIDDEN when this user may see it but not edit it
     */
    public Optional<EditableArticle> editable(StaffPrincipal staff, long id) {
        Optional<ArticleDraft> draft = workflow.draft(staff, id);
        if (draft.isPresent() && !ArticleWorkflow.canEdit(staff, draft.get())) {
            throw new EditorialRefusedException(
                    EditorialRefusedException.Kind.FORBIDDEN, java.util.Map.of("", "You cannot edit this story."));
        }
        return draft.map(EditorialDesk::editable);
    }

    public static boolean canWrite(StaffPrincipal staff) {
        return ArticleWorkflow.canWrite(staff);
    }

    public static boolean canPublish(StaffPrincipal staff) {
        return ArticleWorkflow.canPublish(staff);
    }

    /** Creates a draft; returns its id. */
    public long create(StaffPrincipal staff, EditArticle content) {
        return workflow.create(staff, content);
    }

    /** Saves new content over the given version; CONFLICT when someone saved a newer one. */
    public void save(StaffPrincipal staff, long id, int expectedVersion, EditArticle content) {
        workflow.save(staff, id, expectedVersion, content);
    }

    /** Publishes now, if the role allows; {@code expectedVersion} -1 skips the version check. */
    public void publishNow(StaffPrincipal staff, long id, int expectedVersion) {
        workflow.publishNow(staff, id, expectedVersion);
    }

    /**
     * Takes in a story written elsewhere (an import), with its own status and times: validated,
     * revised, audited and announced like any other.
     *
     * @return the new story's id
     * @throws EditorialRefusedException INVALID when the content cannot be a story
     */
    public long importStory(news.broadsheet.shared.Actor actor, ImportStory story) {
        ImportOutcome outcome =
                importer.importAll(actor, java.util.List.of(story)).getFirst();
        if (outcome.id() == null) {
            throw new EditorialRefusedException(EditorialRefusedException.Kind.INVALID, outcome.errors());
        }
        return outcome.id();
    }

    /**
     * Takes in a batch of stories written elsewhere, as {@link #importStory} does one, with a
     * statement per batch rather than per story; a refused story leaves the others alone.
     *
     * @return one outcome per story, in order: its new id, or why it was refused
     */
    public java.util.List<ImportOutcome> importStories(
            news.broadsheet.shared.Actor actor, java.util.List<ImportStory> stories) {
        return importer.importAll(actor, stories);
    }

    /**
     * What {@link #importStories} would do with a batch, storing nothing (a dry run): the same
     * checks, one outcome per story, in order; an accepted one has id 0.
     */
    public java.util.List<ImportOutcome> checkImports(java.util.List<ImportStory> stories) {
        return importer.checkAll(stories);
    }

    /**
     * Brings stories an earlier import stored up to date with a later export of the same site:
     * each story no one has saved here since an import wrote it takes the export's headline,
     * standfirst and body, revised, audited and announced like a save; a story edited here keeps
     * its text.
     *
     * @param dryRun say what would be updated (the same checks) and write nothing
     * @return one outcome per text, in order
     */
    public java.util.List<ImportUpdate> updateImported(
            news.broadsheet.shared.Actor actor, java.util.List<ImportedText> texts, boolean dryRun) {
        return importer.updateUnedited(actor, texts, dryRun);
    }

    /** Sets the lead image of an imported story (its image arrived after it). */
    public void setImportedLeadImage(news.broadsheet.shared.Actor actor, long id, long imageId) {
        workflow.setImportedLeadImage(actor, id, imageId);
    }

    private static EditableArticle editable(ArticleDraft draft) {
        return new EditableArticle(
                draft.id(),
                draft.content(),
                draft.status(),
                draft.publishedAt(),
                draft.updatedAt(),
                draft.embargoUntil(),
                draft.expiresAt(),
                draft.version());
    }
}
