package news.broadsheet.comment.web;

import static news.broadsheet.support.Http.form;
import static org.assertj.core.api.Assertions.assertThat;

import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.section.Section;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Posting comments under the {@code post} policy: comments appear at once. */
@IntegrationTest(properties = "broadsheet.comments.moderation=post")
class PostModerationIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Test
    void publishesCommentAtOnceAndLinksToIt() {
        Section section = newsroom.section("Science");
        Author reporter = newsroom.author("Noor Haddad");
        ArticleSummary story = newsroom.article(section, reporter).publish();

        Http.Response posted = http.postForm(
                "/articles/" + story.id() + "/comments", form("name", "Quick Reader", "body", "Seen at once."));

        assertThat(posted.status()).isEqualTo(303);
        assertThat(posted.location())
                .matches(java.util.regex.Pattern.quote(story.url() + "?comment=published-") + "\\d+#comments-notice");
        Document page = http.get(posted.location()).page();
        Element notice = page.getElementById("comments-notice");
        assertThat(notice.text()).isEqualTo("Thank you. Your comment has been published. Read your comment");
        assertThat(page.select("#comment-review-note"))
                .as("nothing is held under post")
                .isEmpty();
        String anchor = notice.selectFirst("a").attr("href").substring(1);
        Element comment = page.getElementById(anchor);
        assertThat(comment.selectFirst(".comment__author").text()).isEqualTo("Quick Reader");
        assertThat(comment.selectFirst(".comment__body").text()).isEqualTo("Seen at once.");
        assertThat(page.select(".comments__empty")).isEmpty();

        Http.Response reply = http.postForm(
                "/articles/" + story.id() + "/comments",
                form("name", "Replier", "body", "Answering.", "parentId", anchor.substring("comment-".length())));
        String replyAnchor = http.get(reply.location())
                .page()
                .selectFirst("#comments-notice a")
                .attr("href")
                .substring(1);
        Element replyItem = http.get(story.url()).page().getElementById(anchor).parent();
        assertThat(replyItem.selectFirst("> ol.comment-list > li > article").id())
                .isEqualTo(replyAnchor);
    }
}
