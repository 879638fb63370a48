package news.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StatementLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Posting a comment that is held for moderation counts nothing across the whole comment table
 * (the pending alert counts the queue only up to its threshold), and the anonymous commenter gets
 * the "pending" notice without a session.
 */
@IntegrationTest
@Import(StatementLog.Configuration.class)
class CommentWritePathIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    StatementLog log;

    @Test
    void holdingACommentCountsNoWholeTableAndNeedsNoSession() {
        ArticleSummary story = newsroom.article(newsroom.section("Letters"), newsroom.author("Ed Itor"))
                .publish();
        Http.Response[] posted = new Http.Response[1];

        List<StatementLog.Executed> ran = log.during(() -> posted[0] = http.postForm(
                "/articles/" + story.id() + "/comments",
                Http.form("name", "Ada Reader", "email", "ada@example.org", "body", "Held for a moderator.")));

        assertThat(posted[0].status()).isEqualTo(303);
        assertThat(posted[0].location()).isEqualTo(story.url() + "?comment=pending#comments-notice");
        assertThat(ran).anyMatch(s -> s.sql().startsWith("INSERT INTO comment"));
        assertThat(ran)
                .filteredOn(s -> s.sql().contains("COUNT(") && s.sql().contains("FROM comment"))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.sql()).contains("WHERE"))
                .noneMatch(s -> s.sql().contains("GROUP BY status"));
        assertThat(posted[0].raw().headers().allValues("Set-Cookie")).isEmpty();

        List<StatementLog.Executed> notice = log.during(
                () -> assertThat(http.get(posted[0].location()).page().getElementById("comments-notice"))
                        .isNotNull());
        assertThat(notice).noneMatch(s -> s.sql().toLowerCase(Locale.ROOT).contains("spring_session"));
    }
}
