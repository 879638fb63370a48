package news.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import news.broadsheet.section.Section;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StatementLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The masthead's sections come from memory: pages do not query them, a section change through the
 * application shows at once, and a change that bypasses it (as one made on another node does)
 * shows after {@link PageChromeMemo#forget()}.
 */
// A context of its own, so its sections are the only ones in the masthead.
// The render path itself: the page cache would answer repeated reads without it.
@IntegrationTest(properties = {"broadsheet.test.context=page-chrome-memo", "broadsheet.cache.enabled=false"})
@Import(StatementLog.Configuration.class)
class PageChromeMemoIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StatementLog log;

    @Autowired
    PageChromeMemo memo;

    @Test
    void mastheadSectionsAreHeldUntilAChangeOrForget() {
        Section first = newsroom.section("Harbour");
        assertThat(masthead()).contains(first.name());

        List<StatementLog.Executed> ran = log.during(() -> http.get("/sections-that-do-not-exist"));
        assertThat(ran).noneMatch(s -> s.sql().contains("FROM section WHERE parent_id IS NULL"));

        // As another node would: straight into the shared database, no event here.
        String slug = Newsroom.unique("elsewhere");
        jdbc.sql("INSERT INTO section (parent_id, slug, name, description, path, position)"
                        + " VALUES (NULL, ?, 'Elsewhere', '', ?, 0)")
                .params(slug, slug)
                .update();
        assertThat(masthead()).doesNotContain("Elsewhere");

        memo.forget();

        assertThat(masthead()).contains("Elsewhere");
    }

    private List<String> masthead() {
        return http.get("/").page().select("nav.sections-nav a").eachText();
    }
}
