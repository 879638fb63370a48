package news.broadsheet.site.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.PageTour;
import news.broadsheet.support.StaffClient;
import nu.validator.client.EmbeddedValidator;
import nu.validator.validation.SimpleDocumentValidator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Every page type, public and newsroom, as served: valid HTML by the W3C Nu HTML checker (run in
 * this JVM, no network), landmarks with labels that tell them apart, ARIA references that point
 * at real elements, and a meta description on every public page.
 */
@IntegrationTest(properties = "broadsheet.demo-content.enabled=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlStandardsIntegrationTests {

    @Autowired
    Http http;

    @Autowired
    Newsroom newsroom;

    PageTour tour;
    Map<String, String> pages;

    @BeforeAll
    void visitEveryPageType() {
        tour = PageTour.of(http, newsroom);
        pages = new TreeMap<>();
        for (PageTour.Stop stop : tour.publicPages()) {
            Http.Response response = http.get(stop.path());
            assertThat(response.status())
                    .as(stop.name() + " " + stop.path())
                    .isEqualTo(stop.name().equals("not found") ? 404 : 200);
            pages.put(stop.name() + " " + stop.path(), response.body());
        }
        pages.put("comment form with errors", tour.commentFormWithErrors().body());
        StaffClient staff = StaffClient.signIn(http, tour.staffUsername(), Newsroom.PASSWORD);
        for (PageTour.Stop stop : tour.newsroomPages()) {
            Http.Response response = staff.get(stop.path());
            assertThat(response.status()).as(stop.name() + " " + stop.path()).isEqualTo(200);
            pages.put("newsroom " + stop.name() + " " + stop.path(), response.body());
        }
    }

    @Test
    void everyPageIsValidHtmlWithoutWarnings() throws Exception {
        List<String> problems = new ArrayList<>();
        String[] current = {""};
        ErrorHandler collector = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                problems.add(current[0] + ": warning line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void error(SAXParseException e) {
                problems.add(current[0] + ": error line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                problems.add(current[0] + ": fatal line " + e.getLineNumber() + ": " + e.getMessage());
            }
        };
        // No log4j set-up, no URL logging, no language guessing: the pages declare lang="en".
        SimpleDocumentValidator validator = new SimpleDocumentValidator(false, false, false);
        validator.setUpMainSchema(EmbeddedValidator.SCHEMA_URL, collector);
        validator.setUpValidatorAndParsers(collector, true, false);
        for (var page : pages.entrySet()) {
            current[0] = page.getKey();
            InputSource source = new InputSource(new StringReader(page.getValue()));
            source.setSystemId(http.base() + "/");
            validator.checkHtmlInputSource(source);
        }
        assertThat(problems).as("Nu HTML checker findings").isEmpty();
    }

    @Test
    void landmarksOfTheSameKindHaveDistinctLabels() {
        List<String> problems = new ArrayList<>();
        for (var page : pages.entrySet()) {
            Document document = Jsoup.parse(page.getValue());
            Map<String, Set<String>> labelsByRole = new TreeMap<>();
            for (Element landmark : document.select(
                    "nav, aside, form[role=search], [role=search], section[aria-label], section[aria-labelledby], form[aria-label]")) {
                String role = landmark.hasAttr("role") ? landmark.attr("role") : landmark.normalName();
                String label = label(document, landmark);
                if (label.isEmpty()) {
                    problems.add(page.getKey() + ": <" + landmark.normalName() + " class=" + landmark.className()
                            + "> has no accessible label");
                } else if (!labelsByRole
                        .computeIfAbsent(role, r -> new HashSet<>())
                        .add(label)) {
                    problems.add(page.getKey() + ": two " + role + " landmarks labelled \"" + label + "\"");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void ariaReferencesPointAtElementsOnThePage() {
        List<String> problems = new ArrayList<>();
        for (var page : pages.entrySet()) {
            Document document = Jsoup.parse(page.getValue());
            for (String attribute : List.of("aria-describedby", "aria-labelledby", "aria-controls", "for")) {
                for (Element element : document.select("[" + attribute + "]")) {
                    for (String id : element.attr(attribute).trim().split("\\s+")) {
                        if (document.getElementById(id) == null) {
                            problems.add(page.getKey() + ": " + attribute + "=\"" + id + "\" on <"
                                    + element.normalName() + "> names no element");
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyPublicPageHasItsOwnMetaDescription() {
        Map<String, String> descriptions = new TreeMap<>();
        for (var page : pages.entrySet()) {
            if (page.getKey().startsWith("newsroom ")) {
                continue;
            }
            String description = Jsoup.parse(page.getValue())
                    .select("meta[name=description]")
                    .attr("content");
            assertThat(description).as(page.getKey()).isNotBlank().hasSizeLessThanOrEqualTo(300);
            descriptions.put(page.getKey(), description);
        }
        assertThat(Set.copyOf(descriptions.values()))
                .as("no two page types share a description: " + descriptions)
                .hasSize(descriptions.size());
    }

    private static String label(Document document, Element landmark) {
        if (landmark.hasAttr("aria-labelledby")) {
            Element heading = document.getElementById(landmark.attr("aria-labelledby"));
            return heading == null ? "" : heading.text().trim();
        }
        return landmark.attr("aria-label").trim();
    }
}
