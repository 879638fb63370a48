package news.broadsheet.article;

import java.util.Optional;
import news.broadsheet.account.StaffPrincipal;
import news.broadsheet.article.internal.ArticleDraft;
import news.broadsheet.article.internal.ArticleWorkflow;
import org.springframework.stereotype.Service;

/**
 * The editorial workflow for callers outside this module (the JSON API): the same {@link
 * ArticleWorkflow} the admin editor uses, so permissions, validation, revisions, audit entries and
 * {@link ArticleChanged} events are exactly those of the editor.
 */
@Service
public class EditorialDesk {

    private final ArticleWorkflow workflow;

    EditorialDesk(ArticleWorkflow workflow) {
        this.workflow = workflow;
    }

    /**
     * The article as its editor sees it, if it exists.
     *
     * @throws EditorialRefusedException FORBIDDEN when this user may not edit it
     */
    public Optional<EditableArticle> editable(StaffPrincipal staff, long id) {
        Optional<ArticleDraft> draft = workflow.draft(id);
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
        return workflow.importStory(actor, story);
    }

    /** Sets the lead image of an imported story (its image arrived after it). */
    public void setImportedLeadImage(news.broadsheet.shared.Actor actor, long id, long imageId) {
        workflow.setImportedLeadImage(actor, id, imageId);
    }

    private static EditableArticle editable(ArticleDraft draft) {
        return new EditableArticle(
                draft.id(),
                new EditArticle(
                        draft.headline(),
                        draft.standfirst(),
                        draft.bodyMarkdown(),
                        draft.slug(),
                        draft.sectionId(),
                        draft.extraSectionIds(),
                        draft.tagNames(),
                        draft.authorIds(),
                        draft.seoTitle(),
                        draft.seoDescription(),
                        draft.commentsOpen()),
                draft.status(),
                draft.publishedAt(),
                draft.updatedAt(),
                draft.embargoUntil(),
                draft.expiresAt(),
                draft.version());
    }
}
