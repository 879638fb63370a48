package news.broadsheet.site.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Searching and reading the API too fast from one address gets a 429 that says when to try again
 * (cached responses, answered before any work, are not counted). */
@IntegrationTest(
        properties = {
            "broadsheet.rate-limit.search-per-minute=6",
            "broadsheet.rate-limit.suggest-per-minute=6",
            "broadsheet.rate-limit.api-per-minute=6"
        })
class RateLimitIntegrationTests {

    @Autowired
    Http http;

    @Test
    void aClientSearchingTooFastIsToldToWaitAndOthersAreNot() {
        Http reader = http.browserAt("127.0.0.21");
        List<Integer> statuses = new ArrayList<>();
        Http.Response last = null;
        for (int i = 0; i < 4; i++) {
            last = reader.get("/search?q=harbour+" + i);
            statuses.add(last.status());
        }

        assertThat(statuses).as("a burst of two, then refused").containsExactly(200, 200, 429, 429);
        assertThat(Integer.parseInt(last.header("Retry-After"))).isBetween(1, 60);
        assertThat(last.page().selectFirst("h1").text()).isEqualTo("Too many requests");
        assertThat(last.body()).doesNotContain("Exception");
        assertThat(http.browserAt("127.0.0.22").get("/search?q=harbour").status())
                .as("another reader")
                .isEqualTo(200);
        assertThat(reader.get("/").status()).as("pages other than search").isEqualTo(200);
    }

    @Test
    void theApiAnswersAProblemAndSuggestionsHaveTheirOwnAllowance() {
        Http client = http.browserAt("127.0.0.23");
        List<Integer> statuses = new ArrayList<>();
        Http.Response last = null;
        for (int i = 0; i < 3; i++) {
            last = client.get("/api/v1/search?q=harbour+" + i);
            statuses.add(last.status());
        }

        assertThat(statuses).containsExactly(200, 200, 429);
        assertThat(last.header("Content-Type")).startsWith("application/problem+json");
        assertThat(last.body()).contains("\"status\":429", "try again in");
        assertThat(last.header("Retry-After")).isNotNull();
        assertThat(client.get("/search/suggest?q=har").status()).isEqualTo(200);
    }
}
