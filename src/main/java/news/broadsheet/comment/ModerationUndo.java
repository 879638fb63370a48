package news.broadsheet.comment;

import java.io.Serializable;
import java.util.List;
import news.broadsheet.comment.internal.CommentRepository;

/**
 * What one desk action changed, kept (in the moderator's session) so the action can be undone:
 * each comment's state before it, and the bans it made.
 *
 * @param authorNames the commenters acted on, in order, for the sentence that says what was done
 */
public record ModerationUndo(
        List<CommentRepository.ModerationState> before, List<Long> banIds, List<String> authorNames)
        implements Serializable {

    public int count() {
        return before.size();
    }

    public List<Long> commentIds() {
        return before.stream().map(CommentRepository.ModerationState::id).toList();
    }
}
