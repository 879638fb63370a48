package news.broadsheet.comment.web;

import java.util.Optional;
import news.broadsheet.account.AdminChrome;
import news.broadsheet.account.NavigationBadgeProvider;
import news.broadsheet.comment.Comments;
import org.springframework.stereotype.Component;

/** The number of pending comments beside the desk's link in the newsroom navigation. */
@Component
class PendingCommentsBadge implements NavigationBadgeProvider {

    private final Comments comments;

    PendingCommentsBadge(Comments comments) {
        this.comments = comments;
    }

    @Override
    public Optional<AdminChrome.Badge> badgeFor(String linkUrl) {
        if (!linkUrl.equals("/admin/comments")) {
            return Optional.empty();
        }
        int pending = comments.pendingCount();
        return pending == 0
                ? Optional.empty()
                : Optional.of(new AdminChrome.Badge(String.valueOf(pending), pending + " pending"));
    }
}
