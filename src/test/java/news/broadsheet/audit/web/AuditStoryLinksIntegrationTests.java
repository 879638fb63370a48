package news.broadsheet.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import news.broadsheet.account.Role;
import news.broadsheet.author.Author;
import news.broadsheet.section.Section;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StaffClient;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class AuditStoryLinksIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Test
    void namesAndLinksTheStoryEachEntryIsAbout() {
        Section section = newsroom.section("Audit desk");
        Author author = newsroom.author("Noor Haddad");
        StaffClient editor =
                StaffClient.signIn(http, newsroom.staff(Role.EDITOR).username(), Newsroom.PASSWORD);
        StaffClient admin = StaffClient.signIn(http, newsroom.staff(Role.ADMIN).username(), Newsroom.PASSWORD);
        String headline = "Sluice keeper logs every tide " + Newsroom.unique("a");
        Http.Response created = editor.post(
                "/admin/articles",
                "headline",
                headline,
                "standfirst",
                "",
                "body",
                "Body.",
                "sectionId",
                String.valueOf(section.id()),
                "authorIds",
                String.valueOf(author.id()),
                "version",
                "0");
        String editUrl = created.location().replaceAll("\\?.*$", "");

        Document audit = admin.get("/admin/audit?action=article.").page();

        Element row = audit.select("tbody tr:has(code:containsOwn(article.created))").stream()
                .filter(r -> r.select("a").eachText().contains(headline))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no audit row names " + headline));
        assertThat(row.selectFirst("a").attr("href")).isEqualTo(editUrl);
        assertThat(audit.selectFirst("thead").text()).contains("About");
    }
}
