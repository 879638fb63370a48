package news.broadsheet.account;

import java.util.Optional;

/**
 * Lets a module that depends on this one put a count beside its link in the newsroom navigation
 * (the comment module: the pending comments beside "Comments"), so dependencies keep pointing one
 * way. It is asked on every staff page, so it must be cheap.
 */
public interface NavigationBadgeProvider {

    /** The badge for the navigation link to this address, or empty for none. */
    Optional<AdminChrome.Badge> badgeFor(String linkUrl);
}
