package news.broadsheet.article;

import java.util.Optional;
import java.util.function.Supplier;
import news.broadsheet.account.StaffPrincipal;
import news.broadsheet.article.internal.ArticleContent;
import news.broadsheet.article.internal.ArticleDraft;
import news.broadsheet.article.internal.ArticleWorkflow;
import news.broadsheet.article.internal.EditorialException;
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
        return refused(() -> workflow.create(staff, content(content)));
    }

    /** Saves new content over the given version; CONFLICT when someone saved a newer one. */
    public void save(StaffPrincipal staff, long id, int expectedVersion, EditArticle content) {
        refused(() -> {
            workflow.save(staff, id, expectedVersion, content(content));
            return id;
        });
    }

    /** Publishes now, if the role allows; {@code expectedVersion} -1 skips the version check. */
    public void publishNow(StaffPrincipal staff, long id, int expectedVersion) {
        refused(() -> {
            workflow.publishNow(staff, id, expectedVersion);
            return id;
        });
    }

    private static <T> T refused(Supplier<T> action) {
        try {
            return action.get();
        } catch (EditorialException e) {
            throw new EditorialRefusedException(
                    EditorialRefusedException.Kind.valueOf(e.kind().name()), e.errors());
        }
    }

    private static ArticleContent content(EditArticle edit) {
        return new ArticleContent(
                edit.headline(),
                edit.standfirst(),
                edit.bodyMarkdown(),
                edit.slug(),
                edit.sectionId(),
                edit.extraSectionIds(),
                edit.tagNames(),
                edit.authorIds(),
                edit.seoTitle(),
                edit.seoDescription(),
                edit.commentsOpen());
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
