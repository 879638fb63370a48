package news.broadsheet.account;

import java.util.Optional;

/**
 * Lets a module that depends on this one add what it knows about a staff user to their profile
 * page (the author module: the byline they write as), so dependencies keep pointing one way.
 */
public interface ProfileContributor {

    /** What to show on this account's profile page, or empty to show nothing. */
    Optional<ProfileContribution> contributionFor(Account account);
}
