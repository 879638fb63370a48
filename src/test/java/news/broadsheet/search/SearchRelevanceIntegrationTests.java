package news.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import news.broadsheet.author.Author;
import news.broadsheet.section.Section;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.SharedTestData;
import news.broadsheet.support.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ranking quality on a public test collection with relevance judgements (MED: 1,033 medical
 * abstracts, 30 questions in plain language), through the search API with the site's defaults:
 * mean average precision over the first 100 results at least 1.1 times stock Lucene BM25's run,
 * cut at 100 too. The full measurement, on all three collections, is {@code bench/relevance.py}.
 */
// A context (and database) of its own, shared with the facet sample and snapshot tests.
@IntegrationTest(
        properties = {
            "broadsheet.search.page-size=10",
            "broadsheet.search.facet-sample=40",
            "broadsheet.search.snapshot-dir=${broadsheet.data-dir}/shared/search-snapshots"
        })
class SearchRelevanceIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int DEPTH = 100;

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Test
    void rankedSearchBeatsStockBm25OnTheMedCollection() throws IOException {
        Path folder = SharedTestData.require("search/med/docs.jsonl.gz").getParent();
        Assumptions.assumeFalse(
                TestDatabase.isPostgresql(),
                "Skipped on PostgreSQL: ranking is the search index's, the same whatever the database");
        Section section = newsroom.section("Medicine");
        Author author = newsroom.author("Collection Editor");
        String lastHeadline = "";
        String lastId = "";
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(folder.resolve("docs.jsonl.gz"))), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode doc = JSON.readTree(line);
                String title = doc.path("title").asString().strip();
                String text = doc.path("text").asString().strip();
                // As bench/relevance.py loads it: the collection repeats the title as the text's first line.
                String body =
                        text.startsWith(title) ? text.substring(title.length()).strip() : text;
                newsroom.article(section, author)
                        .slug("doc-" + doc.path("id").asString())
                        .headline(title)
                        .body(body.isEmpty() ? title : body)
                        .create();
                lastHeadline = title;
                lastId = doc.path("id").asString();
            }
        }
        // The index follows the change log in order: once the last story is in, all are.
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!ids(lastHeadline).contains(lastId)) {
            assertThat(System.nanoTime())
                    .as("the collection is indexed within 2 minutes")
                    .isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }

        Map<String, String> questions = new LinkedHashMap<>();
        for (String line : Files.readAllLines(folder.resolve("topics.tsv"))) {
            String[] parts = line.split("\t", 2);
            questions.put(parts[0], parts[1]);
        }
        Map<String, Set<String>> relevant = new HashMap<>();
        for (String line : Files.readAllLines(folder.resolve("qrels.txt"))) {
            String[] parts = line.strip().split("\\s+");
            if (Integer.parseInt(parts[3]) > 0) {
                relevant.computeIfAbsent(parts[0], q -> new HashSet<>()).add(parts[2]);
            }
        }
        Map<String, List<String>> baseline = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(folder.resolve("baseline-lucene-bm25.run.gz"))),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] parts = line.split("\\s+");
                baseline.computeIfAbsent(parts[0], q -> new ArrayList<>()).add(parts[2]); // in rank order
            }
        }

        Map<String, List<String>> ours = new HashMap<>();
        questions.forEach((id, question) -> ours.put(id, ids(question)));

        double ratio = meanAveragePrecision(ours, relevant) / meanAveragePrecision(baseline, relevant);
        assertThat(ratio).as("MAP@%d against stock BM25", DEPTH).isGreaterThanOrEqualTo(1.1);
    }

    /** The collection's ids of the first {@value #DEPTH} results, through the public API. */
    private List<String> ids(String question) {
        Http.Response response =
                http.get("/api/v1/search?size=" + DEPTH + "&q=" + URLEncoder.encode(question, StandardCharsets.UTF_8));
        assertThat(response.status()).as(question).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        JSON.readTree(response.body())
                .path("items")
                .forEach(item ->
                        ids.add(item.path("article").path("slug").asString().substring("doc-".length())));
        return ids;
    }

    private static double meanAveragePrecision(Map<String, List<String>> run, Map<String, Set<String>> relevant) {
        double sum = 0;
        for (var judged : relevant.entrySet()) {
            List<String> ranked = run.getOrDefault(judged.getKey(), List.of());
            int hits = 0;
            double precisions = 0;
            for (int rank = 1; rank <= Math.min(DEPTH, ranked.size()); rank++) {
                if (judged.getValue().contains(ranked.get(rank - 1))) {
                    hits++;
                    precisions += (double) hits / rank;
                }
            }
            sum += precisions / judged.getValue().size();
        }
        return sum / relevant.size();
    }
}
