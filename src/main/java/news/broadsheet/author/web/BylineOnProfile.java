package news.broadsheet.author.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import news.broadsheet.account.Account;
import news.broadsheet.account.ProfileContribution;
import news.broadsheet.account.ProfileContributor;
import news.broadsheet.account.Role;
import news.broadsheet.author.Author;
import news.broadsheet.author.Authors;
import org.springframework.stereotype.Component;

/** "Your byline" on a staff user's profile page: the author they write as, or how to get one. */
@Component
class BylineOnProfile implements ProfileContributor {

    private final Authors authors;

    BylineOnProfile(Authors authors) {
        this.authors = authors;
    }

    @Override
    public Optional<ProfileContribution> contributionFor(Account account) {
        boolean editsBylines = account.role() == Role.ADMIN || account.role() == Role.EDITOR;
        Optional<Author> byline = authors.byAccount(account.id());
        if (byline.isEmpty()) {
            return Optional.of(new ProfileContribution(
                    "Your byline",
                    editsBylines
                            ? "Your account writes as no byline yet. Link it to one on the Authors page, and the editor will offer it first for your new stories."
                            : "Your account writes as no byline yet. Ask an editor to link it to yours on the Authors page, and the editor will offer it first for your new stories.",
                    editsBylines ? List.of(new ProfileContribution.Link("Authors", "/admin/authors")) : List.of()));
        }
        Author author = byline.get();
        List<ProfileContribution.Link> links = new ArrayList<>();
        links.add(new ProfileContribution.Link("Your author page", author.url()));
        if (editsBylines) {
            links.add(new ProfileContribution.Link(
                    "Edit your byline (bio, photo, links)", "/admin/authors/" + author.id() + "/edit"));
        }
        String title = author.jobTitle().isBlank() ? "" : ", " + author.jobTitle();
        return Optional.of(new ProfileContribution(
                "Your byline",
                "You write as " + author.name() + title + ". New stories you start carry this byline."
                        + (editsBylines ? "" : " Editors change its bio, photo and links."),
                links));
    }
}
