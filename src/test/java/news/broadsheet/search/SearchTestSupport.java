package news.broadsheet.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import news.broadsheet.support.Http;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Helpers for search tests: made-up words no other test uses, and reading the results page. */
final class SearchTestSupport {

    private static final String LETTERS = "bcdfghjklmnpqrtvwxz";

    private SearchTestSupport() {}

    /**
     * A made-up word found in no other story: consonants ending in "k", so the English stemmer
     * leaves it alone.
     */
    static String word() {
        StringBuilder word = new StringBuilder("zu");
        for (int i = 0; i < 7; i++) {
            word.append(LETTERS.charAt(ThreadLocalRandom.current().nextInt(LETTERS.length())));
            if (i == 2) {
                word.append('o');
            }
        }
        return word.append('k').toString();
    }

    static String searchUrl(String query, String... params) {
        StringBuilder url = new StringBuilder("/search?q=").append(URLEncoder.encode(query, StandardCharsets.UTF_8));
        for (int i = 0; i < params.length; i += 2) {
            url.append('&')
                    .append(params[i])
                    .append('=')
                    .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        return url.toString();
    }

    static List<String> headlines(Document page) {
        return page.select(".search-hit__headline a").eachText();
    }

    static List<String> headlines(Http http, String query, String... params) {
        Http.Response response = http.get(searchUrl(query, params));
        if (response.status() != 200) {
            throw new AssertionError("search for " + query + " answered " + response.status());
        }
        return headlines(response.page());
    }

    /** Waits up to five seconds for something the indexer does in the background (a first build may be running). */
    static boolean eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    /** The values a facet lists on the results page ("Kim Laine (2)"), by its heading; empty when it is not shown. */
    static List<String> facet(Document page, String label) {
        for (Element facet : page.select("section.facet")) {
            if (facet.select("h2").text().equals(label)) {
                return facet.select("li").eachText();
            }
        }
        return List.of();
    }
}
