package news.broadsheet.article;

import java.util.List;

/**
 * Bodies of one kind kept as HTML that the story body renderer made when they were saved: stories,
 * and static pages through {@link SafeHtml}. When a release changes the renderer
 * ({@link SafeHtml#RENDERER_VERSION}), each node makes every kind's bodies again once, at start and in
 * the background, so a fix reaches bodies no one edits; a feature that keeps such bodies provides
 * this as a bean.
 */
public interface StoredBodies {

    /**
     * A body as stored.
     *
     * @param id the row's id
     * @param name what the audit log calls it (a headline, a page's address)
     * @param format how the source is written ("markdown" or "html")
     * @param source what the newsroom wrote
     * @param html what was made of it when it was saved
     */
    record StoredBody(long id, String name, String format, String source, String html) {}

    /** Names this kind where the renderer version its bodies were made with is recorded. */
    String kind();

    /** Bodies in id order after the given id, of every status (drafts are previewed too). */
    List<StoredBody> after(long id, int limit);

    /** What the current renderer makes of this body. */
    String render(StoredBody body);

    /**
     * Replaces the stored HTML while the body is still as read and announces the change (in the
     * caller's transaction, so caches and search follow); false when someone saved it meanwhile,
     * as that save made its HTML with the current renderer.
     */
    boolean replace(StoredBody body, String html);
}
