package news.broadsheet.cache.internal;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import news.broadsheet.article.ArticleChanged;
import news.broadsheet.article.StoryVisibility;
import news.broadsheet.article.TagChanged;
import news.broadsheet.author.AuthorChanged;
import news.broadsheet.author.AuthorsMerged;
import news.broadsheet.author.BylineAdded;
import news.broadsheet.comment.CommentModerated;
import news.broadsheet.comment.CommentModerationUndone;
import news.broadsheet.comment.CommentPublished;
import news.broadsheet.comment.Comments;
import news.broadsheet.comment.CommentsErased;
import news.broadsheet.comment.ModerationSettingsChanged;
import news.broadsheet.demo.DemoNewsroomRemoved;
import news.broadsheet.page.PageChanged;
import news.broadsheet.page.Pages;
import news.broadsheet.section.Section;
import news.broadsheet.section.Sections;
import news.broadsheet.section.SectionsAltered;
import news.broadsheet.shared.CacheTags;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns every change to what public pages show into the cache tags of the responses that show it,
 * writes them to the change log in the change's transaction (so the change and its entry commit
 * together, and every node learns of it), and once committed drops those responses here and sends
 * the tags to the purge hook.
 */
@Component
class ChangeRecorder {

    private final ChangeLog changeLog;
    private final ChangeFollower follower;
    private final PurgeHook purge;
    private final PageCache cache;
    private final StoryVisibility stories;
    private final Comments comments;
    private final Sections sections;
    private final Pages pages;

    ChangeRecorder(
            ChangeLog changeLog,
            ChangeFollower follower,
            PurgeHook purge,
            PageCache cache,
            StoryVisibility stories,
            Comments comments,
            Sections sections,
            Pages pages) {
        this.changeLog = changeLog;
        this.follower = follower;
        this.purge = purge;
        this.cache = cache;
        this.stories = stories;
        this.comments = comments;
        this.sections = sections;
        this.pages = pages;
    }

    /** Changes that can make a story come out or go, or move it in the site-wide order. */
    private static final Set<ArticleChanged.Change> COMES_OR_GOES = EnumSet.of(
            ArticleChanged.Change.PUBLISHED,
            ArticleChanged.Change.UNPUBLISHED,
            ArticleChanged.Change.EMBARGOED,
            ArticleChanged.Change.EMBARGO_LIFTED,
            ArticleChanged.Change.EXPIRED,
            ArticleChanged.Change.RESTORED,
            ArticleChanged.Change.DELETED);

    @EventListener
    void articleChanged(ArticleChanged event) {
        boolean arrival =
                event.change() == ArticleChanged.Change.CREATED || event.change() == ArticleChanged.Change.IMPORTED;
        // A story created or imported comes out only if it is live at once (most are drafts).
        boolean comesOrGoes = arrival ? stories.isLive(event.articleId()) : COMES_OR_GOES.contains(event.change());
        Set<String> tags = new LinkedHashSet<>(stories.cacheTags(event.articleId(), comesOrGoes));
        if (event.change() == ArticleChanged.Change.CORRECTED) {
            tags.add(CacheTags.CORRECTIONS);
        }
        record(tags);
    }

    @EventListener
    void commentPublished(CommentPublished event) {
        record(Set.of(CacheTags.comments(event.articleId())));
    }

    @EventListener
    void commentModerated(CommentModerated event) {
        comments.articleOf(event.commentId()).ifPresent(article -> record(Set.of(CacheTags.comments(article))));
    }

    @EventListener
    void commentsErased(CommentsErased event) {
        Set<String> tags = new LinkedHashSet<>();
        event.articleIds().forEach(article -> tags.add(CacheTags.comments(article)));
        record(tags);
    }

    @EventListener
    void moderationUndone(CommentModerationUndone event) {
        comments.articleOf(event.commentId()).ifPresent(article -> record(Set.of(CacheTags.comments(article))));
    }

    @EventListener
    void moderationSettingsChanged(ModerationSettingsChanged event) {
        if (!"ban".equals(event.subjectType())) {
            // Policies and closing times change what the comment block of stories says.
            record(Set.of(CacheTags.COMMENT_SETTINGS));
        }
    }

    /** Every change to the section tree, whoever made it (the newsroom, an import, the demo). */
    @EventListener
    void sectionChanged(SectionsAltered event) {
        Set<String> tags = new LinkedHashSet<>(Set.of(
                CacheTags.section(event.sectionId()),
                CacheTags.sectionStories(event.sectionId()),
                CacheTags.DIRECTORY));
        // Pages carry the top-level sections' own tags in their navigation; a section that is top-level
        // now may be new there.
        if (sections.byId(event.sectionId()).map(Section::isTopLevel).orElse(false)) {
            tags.add(CacheTags.NAVIGATION);
        }
        record(tags);
    }

    @EventListener
    void tagChanged(TagChanged event) {
        record(Set.of(CacheTags.tag(event.tagId()), CacheTags.tagStories(event.tagId()), CacheTags.DIRECTORY));
    }

    @EventListener
    void authorChanged(AuthorChanged event) {
        record(Set.of(
                CacheTags.author(event.authorId()), CacheTags.authorStories(event.authorId()), CacheTags.DIRECTORY));
    }

    /** A byline added by an import or the demo: the lists of bylines show it. */
    @EventListener
    void bylineAdded(BylineAdded event) {
        record(Set.of(CacheTags.author(event.authorId()), CacheTags.DIRECTORY));
    }

    @EventListener
    void authorsMerged(AuthorsMerged event) {
        record(Set.of(
                CacheTags.author(event.mergedId()),
                CacheTags.authorStories(event.mergedId()),
                CacheTags.author(event.survivorId()),
                CacheTags.authorStories(event.survivorId()),
                CacheTags.DIRECTORY));
    }

    @EventListener
    void pageChanged(PageChanged event) {
        Set<String> tags = new LinkedHashSet<>(Set.of(CacheTags.page(event.pageId()), CacheTags.PAGES));
        boolean inFooter = pages.footer().stream().anyMatch(link -> link.id() == event.pageId());
        if (inFooter
                || event.change() == PageChanged.Change.UNPUBLISHED
                || event.change() == PageChanged.Change.DELETED) {
            tags.add(CacheTags.FOOTER);
        }
        record(tags);
    }

    @EventListener
    void demoRemoved(DemoNewsroomRemoved event) {
        // Everything the demo showed goes at once; the log tells other nodes through the site-wide tags.
        afterCommit(cache::clear);
        record(Set.of(CacheTags.ALL_STORIES, CacheTags.NAVIGATION, CacheTags.FOOTER, CacheTags.DIRECTORY));
    }

    private void record(Set<String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        changeLog.record(tags);
        afterCommit(() -> {
            follower.applyLocal(tags);
            purge.purge(tags);
        });
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
