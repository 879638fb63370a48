package news.broadsheet.comment;

import java.util.Collection;
import java.util.List;
import news.broadsheet.comment.internal.CommentArchiveRepository;
import org.springframework.stereotype.Service;

/**
 * Reads every comment in every moderation state, a page at a time by keyset, for exports that must
 * never hold all comments in memory.
 */
@Service
public class CommentArchive {

    private final CommentArchiveRepository repository;

    CommentArchive(CommentArchiveRepository repository) {
        this.repository = repository;
    }

    /** The highest comment id so far (0 when there are none): an export stops there. */
    public long maxId() {
        return repository.findMaxId();
    }

    /**
     * At most {@code limit} comments on these stories, ordered by story id and then comment id,
     * after the position ({@code afterArticleId}, {@code afterCommentId}) and with ids up to {@code
     * upToId}. Start with (0, 0).
     */
    public List<ArchivedComment> page(
            Collection<Long> articleIds, long afterArticleId, long afterCommentId, long upToId, int limit) {
        if (articleIds.isEmpty()) {
            return List.of();
        }
        return repository.find(articleIds, afterArticleId, afterCommentId, upToId, limit);
    }
}
