package news.broadsheet.comment.internal.spam;

import static news.broadsheet.support.Http.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.broadsheet.account.Role;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.SecondNode;
import news.broadsheet.support.StaffClient;
import news.broadsheet.support.TestDatabaseQueries;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The spam filter on a running site: taught by uploaded labelled comments and by the desk's
 * decisions, it holds spam as the comments arrive, learns from a released false positive, and is
 * shared by every node on the database.
 */
@IntegrationTest(properties = "broadsheet.comments.moderation=post")
class SpamFilterIntegrationTests {

    @Autowired
    Http http;

    @Autowired
    Newsroom newsroom;

    @Autowired
    TestDatabaseQueries database;

    @Autowired
    SpamFilter filter;

    @Autowired
    SpamModelStore store;

    @Autowired
    news.broadsheet.support.MutableClock clock;

    @Autowired
    Environment environment;

    ArticleSummary story;
    StaffClient moderator;

    @BeforeEach
    void setUp() {
        database.jdbc().sql("DELETE FROM spam_model").update();
        database.jdbc().sql("DELETE FROM spam_example").update();
        database.jdbc().sql("DELETE FROM spam_training_claim").update();
        filter.refresh();
        story = newsroom.article(newsroom.section("City"), newsroom.author("Tomas Lind"))
                .headline("The tram extension vote " + Newsroom.unique("t"))
                .publish();
        moderator = StaffClient.signIn(http, newsroom.staff(Role.MODERATOR).username(), Newsroom.PASSWORD);
    }

    @Test
    void withoutAModelTheRulesAloneDecideAndTheDeskSaysSo() {
        Document page = moderator.get("/admin/comments/spam-filter").page();

        assertThat(page.select("section[aria-labelledby=model-heading]").text())
                .contains("None yet: the rules alone decide");
        // Its own address, so no record left by the other tests' spam decides it.
        assertThat(status(post("Seller", "seller@example.org", "WIN A FREE phone today, click www.freegift.info")))
                .isEqualTo("approved");
        assertThat(moderator.post("/admin/comments/spam-filter/train").status())
                .as("too little to learn from")
                .isEqualTo(409);
    }

    @Test
    void holdsSpamOnceTaughtAndLearnsFromAReleasedFalsePositive() {
        uploadOwnExamples();
        assertThat(moderator.post("/admin/comments/spam-filter/train").location())
                .isEqualTo("/admin/comments/spam-filter?done=trained");
        Document page = moderator.get("/admin/comments/spam-filter").page();
        String facts = page.select("dl.facts").text();
        assertThat(facts).contains("version", "estimated false-positive rate");
        // The 160 and 320 uploaded, and any decisions other tests on this database made.
        java.util.regex.Matcher learned = java.util.regex.Pattern.compile("(\\d+) spam and (\\d+) readers' comments")
                .matcher(facts);
        assertThat(learned.find()).as(facts).isTrue();
        assertThat(Integer.parseInt(learned.group(1))).isGreaterThanOrEqualTo(160);
        assertThat(Integer.parseInt(learned.group(2))).isGreaterThanOrEqualTo(320);

        long spam = post("deals4u", "Earn $450 a day from home, click www.quick-cash-now.biz now!!!");
        long reader = post("Maren", "The tram extension was promised for 2019; the council vote is next week.");
        assertThat(status(spam)).isEqualTo("spam");
        assertThat(database.commentReasons(spam)).contains("spam filter: held as spam, score");
        org.jsoup.nodes.Element row =
                moderator.get("/admin/comments?queue=spam").page().getElementById("desk-comment-" + spam);
        assertThat(row).as("in the spam queue").isNotNull();
        assertThat(row.select(".desk__reasons").text())
                .as("with the score and what weighed")
                .contains("score");
        assertThat(Double.parseDouble(row.select(".desk__score").text()))
                .as("the score beside the commenter's record")
                .isGreaterThan(0.5);
        assertThat(status(reader)).isEqualTo("approved");
        org.jsoup.nodes.Element readerRow =
                moderator.get("/admin/comments?queue=approved").page().getElementById("desk-comment-" + reader);
        assertThat(readerRow).isNotNull();
        assertThat(Double.parseDouble(readerRow.select(".desk__score").text()))
                .as("every comment the filter scored shows its score")
                .isLessThan(0.5);

        // A reader's comment that looks like the spam the filter was taught: held, then released.
        String looksLikeSpam = "Check out my channel www.harbour-history.example for old photos of the harbour bridge";
        long mistaken = post("Old Photos Club", looksLikeSpam);
        assertThat(status(mistaken)).isEqualTo("spam");
        double before =
                filter.judge("Old Photos Club", looksLikeSpam).orElseThrow().score();
        moderator.post("/admin/comments/moderate", "single", mistaken + ":approve");
        assertThat(status(mistaken)).isEqualTo("approved");

        assertThat(moderator.post("/admin/comments/spam-filter/train").status()).isEqualTo(302);

        SpamFilter.Verdict after =
                filter.judge("Old Photos Club", looksLikeSpam).orElseThrow();
        assertThat(after.score()).as("the desk's decision changed the score").isLessThan(before);
        assertThat(after.level()).as("the released comment is no longer held").isNotEqualTo(SpamFilter.Level.HOLD);
        assertThat(filter.judge("deals4u", "Earn $450 a day from home, click www.quick-cash-now.biz now!!!")
                        .orElseThrow()
                        .level())
                .as("and spam still is")
                .isEqualTo(SpamFilter.Level.HOLD);
        String decisions =
                moderator.get("/admin/comments/spam-filter/decisions.csv").body();
        assertThat(decisions)
                .startsWith("COMMENT_ID,AUTHOR,DATE,CONTENT,CLASS")
                .contains(mistaken + ",\"Old Photos Club\",")
                .contains("old photos of the harbour bridge\",0");
    }

    @Test
    void withFewReadersCommentsToLearnFromSpamWaitsForTheDeskInsteadOfBeingHeld() {
        uploadOwnExamples(SpamFilterTests.ownComments(40, 40));
        assertThat(moderator.post("/admin/comments/spam-filter/train").location())
                .isEqualTo("/admin/comments/spam-filter?done=trained");
        // Other tests on this database may have left decisions: this one needs a model on fewer than 300 readers.
        assertThat(filter.model().orElseThrow().hamExamples()).isLessThan(SpamTrainer.READERS_BEFORE_HOLDING);

        assertThat(moderator
                        .get("/admin/comments/spam-filter")
                        .page()
                        .select("dl.facts")
                        .text())
                .contains("Held as spam nothing yet: the filter holds comments once it has learned from 300 readers'"
                        + " comments");
        assertThat(moderator.get("/admin/comments/settings").body())
                .contains("holds nothing until it has learned from 300 readers' comments");
        long spam = post("deals4u", "Earn $450 a day from home, click www.quick-cash-now.biz now!!!");
        assertThat(status(spam))
                .as("waits for a moderator, not in the spam queue")
                .isEqualTo("pending");
        assertThat(database.commentReasons(spam)).contains("spam filter: likely spam, score");
    }

    @Test
    void aBadFileIsRefusedWithAMessageAndNothingAdded() {
        Http.Response refused = moderator.upload(
                "/admin/comments/spam-filter/examples",
                Map.of(),
                "file",
                "labels.csv",
                "text/csv",
                "COMMENT_ID,AUTHOR,DATE,CONTENT,CLASS\na,b,c,Buy now,maybe\n".getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.page().selectFirst("[role=alert]").text())
                .isEqualTo("Nothing was added. Row 1: CLASS is 0 or 1, not \"maybe\".");
        assertThat(database.count("spam_example")).isZero();
    }

    @Test
    void aCommentRejectedAsSpamTeachesSpamAndOneRejectedForAnotherReasonTeachesAReader() {
        // With addresses, so the rejections go on these commenters' records, not on the shared test client's.
        long advert = post("promo99", "promo99@example.org", "Cheap watches at www.watch-outlet.example, today only");
        long offTopic = post("Tove", "tove@example.org", "Unrelated, but does anyone know when the library reopens?");
        moderator.post(
                "/admin/comments/moderate",
                "ids",
                String.valueOf(advert),
                "action",
                "reject",
                "reason",
                SpamFilter.SPAM_REJECTION_REASON);
        moderator.post(
                "/admin/comments/moderate", "ids", String.valueOf(offTopic), "action", "reject", "reason", "Off-topic");
        assertThat(status(advert)).isEqualTo("rejected");
        assertThat(status(offTopic)).isEqualTo("rejected");

        List<String> decisions = moderator
                .get("/admin/comments/spam-filter/decisions.csv")
                .body()
                .lines()
                .toList();
        assertThat(decisions)
                .filteredOn(line -> line.startsWith(advert + ","))
                .singleElement()
                .satisfies(line -> assertThat(line).as("rejected as spam: spam").endsWith(",1"));
        assertThat(decisions)
                .filteredOn(line -> line.startsWith(offTopic + ","))
                .singleElement()
                .satisfies(line ->
                        assertThat(line).as("rejected as off-topic: a reader's").endsWith(",0"));
    }

    @Test
    void trainsByItselfWhenTheDecisionsChangedAndOnlyThen() {
        uploadOwnExamples();
        clock.advance(java.time.Duration.ofHours(2));
        filter.trainWhenDue();
        long first = filter.model().orElseThrow().version();

        clock.advance(java.time.Duration.ofHours(2));
        filter.trainWhenDue();
        assertThat(filter.model().orElseThrow().version())
                .as("nothing new to learn")
                .isEqualTo(first);

        long comment = post("Ilse", "Will the tram run on Sundays once the extension opens?");
        moderator.post("/admin/comments/moderate", "single", comment + ":spam");
        filter.trainWhenDue();
        assertThat(filter.model().orElseThrow().version())
                .as("not again within the hour")
                .isEqualTo(first);
        clock.advance(java.time.Duration.ofHours(2));
        filter.trainWhenDue();
        assertThat(filter.model().orElseThrow().version())
                .as("a new decision, an hour later")
                .isGreaterThan(first);
    }

    @Test
    void oneNodeTrainsAtATime() {
        java.time.Instant now = clock.instant();
        assertThat(store.claim(now, java.time.Duration.ofMinutes(10))).isTrue();
        assertThat(store.claim(now.plusSeconds(1), java.time.Duration.ofMinutes(10)))
                .as("held by the first")
                .isFalse();
        uploadOwnExamples();
        assertThat(filter.trainNow()).as("another node is training").isEmpty();
        assertThat(store.claim(now.plus(java.time.Duration.ofMinutes(11)), java.time.Duration.ofMinutes(10)))
                .as("a claim that ran out is taken over")
                .isTrue();
        store.release();
        assertThat(filter.trainNow()).isPresent();
    }

    @Test
    void everyNodeOnTheDatabaseUsesTheNewestModel() throws Exception {
        uploadOwnExamples();
        try (SecondNode second = SecondNode.start(environment, Map.of())) {
            SpamFilter other = second.bean(SpamFilter.class);
            // This node's scheduled training may already have made one, which the second loaded at start.
            long before = other.model().map(SpamModelStore.StoredModel::version).orElse(0L);

            long trained = trainOnThisNode().version();
            assertThat(trained).isGreaterThan(before);
            other.refresh();

            assertThat(other.model()).isPresent();
            assertThat(other.model().get().version()).isGreaterThanOrEqualTo(trained);
            assertThat(other.judge("deals4u", "Earn $450 a day from home, click www.quick-cash-now.biz now!!!")
                            .orElseThrow()
                            .level())
                    .isEqualTo(SpamFilter.Level.HOLD);
        }
    }

    /** Trains on this node, waiting while its own scheduled training holds the claim. */
    private SpamModelStore.StoredModel trainOnThisNode() throws InterruptedException {
        long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (true) {
            Optional<SpamModelStore.StoredModel> trained = filter.trainNow();
            if (trained.isPresent()) {
                return trained.get();
            }
            assertThat(System.nanoTime())
                    .as("the claim was released within 30 s")
                    .isLessThan(until);
            Thread.sleep(100);
        }
    }

    private void uploadOwnExamples() {
        uploadOwnExamples(SpamFilterTests.ownComments());
    }

    private void uploadOwnExamples(List<SpamTrainer.Example> examples) {
        List<LabelledComments.Row> rows = examples.stream()
                .map(example -> new LabelledComments.Row(
                        Newsroom.unique("c"), example.author(), "2026-12-01T10:00:00", example.text(), example.spam()))
                .toList();
        StringWriter csv = new StringWriter();
        LabelledComments.write(rows, csv);
        Http.Response uploaded = moderator.upload(
                "/admin/comments/spam-filter/examples",
                Map.of(),
                "file",
                "labels.csv",
                "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.location()).isEqualTo("/admin/comments/spam-filter?done=uploaded");
    }

    /**
     * Posts with an address of its own, so the comment is judged on its own record: every test here
     * posts from the same client, and other tests on this database leave spam on that client's record.
     */
    private long post(String name, String body) {
        return post(name, Newsroom.unique("commenter") + "@example.org", body);
    }

    private long post(String name, String email, String body) {
        Http.Response posted = http.postForm(
                "/articles/" + story.id() + "/comments", form("name", name, "email", email, "body", body));
        assertThat(posted.status()).as(posted.body()).isEqualTo(303);
        return database.commentId(story.id(), body);
    }

    private String status(long comment) {
        return database.commentStatus(comment).orElseThrow();
    }
}
