package news.broadsheet.comment.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.comment.CommentStatus;
import news.broadsheet.comment.CommentThread;
import news.broadsheet.comment.Comments;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class CommentThreadDepthIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    Comments comments;

    @Test
    void listsRepliesBelowTheDeepestLevelInOrderNamingWhomTheyAnswer() {
        ArticleSummary story = newsroom.article(newsroom.section("World"), newsroom.author("Ola Berg"))
                .publish();
        List<Long> chain = replyChain(story, 7);

        Document page = http.get(story.url()).page();

        assertThat(page.select("ol.comment-list").size()).isEqualTo(CommentThread.MAX_DEPTH + 1);
        Element deepest = page.getElementById("comment-" + chain.get(CommentThread.MAX_DEPTH - 1))
                .parent();
        List<String> flattened =
                deepest.select("> ol.comment-list > li > article").eachAttr("id");
        assertThat(flattened)
                .containsExactly(chain.subList(CommentThread.MAX_DEPTH, 7).stream()
                        .map(id -> "comment-" + id)
                        .toArray(String[]::new));
        Element sixth = page.getElementById("comment-" + chain.get(5));
        assertThat(sixth.selectFirst(".comment__in-reply-to").text()).isEqualTo("In reply to Reader 4");
        assertThat(sixth.selectFirst(".comment__in-reply-to a").attr("href")).isEqualTo("#comment-" + chain.get(4));
        assertThat(page.selectFirst(".story__comment-count").text()).isEqualTo("7 comments");
    }

    @Test
    void rendersAThousandLevelReplyChain() {
        ArticleSummary story = newsroom.article(newsroom.section("World"), newsroom.author("Ola Berg"))
                .publish();
        replyChain(story, 1000);

        Http.Response response = http.get(story.url());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.page().select("article.comment")).hasSize(1000);
    }

    @Test
    void countsOnlyCommentsTheThreadShows() {
        ArticleSummary story = newsroom.article(newsroom.section("World"), newsroom.author("Ola Berg"))
                .publish();
        Instant start = story.publishedAt();
        long held = comments.importComment(story.id(), null, "Held", null, "Waiting.", CommentStatus.PENDING, start);
        comments.importComment(
                story.id(), held, "Orphan", null, "Reply to a held comment.", CommentStatus.APPROVED, start);
        comments.importComment(story.id(), null, "Shown", null, "Visible.", CommentStatus.APPROVED, start);

        Document page = http.get(story.url()).page();

        assertThat(page.select("article.comment")).hasSize(1);
        assertThat(page.selectFirst(".story__comment-count").text()).isEqualTo("1 comment");
        assertThat(page.selectFirst(".comments__count").text()).isEqualTo("(1 comment)");
    }

    /** Approved comments, each replying to the one before, a minute apart. */
    private List<Long> replyChain(ArticleSummary story, int length) {
        List<Long> ids = new ArrayList<>();
        Long parent = null;
        for (int i = 0; i < length; i++) {
            long id = comments.importComment(
                    story.id(),
                    parent,
                    "Reader " + i,
                    null,
                    "Reply number " + i,
                    CommentStatus.APPROVED,
                    story.publishedAt().plus(Duration.ofMinutes(i)));
            ids.add(id);
            parent = id;
        }
        return ids;
    }
}
