package news.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import news.broadsheet.account.Role;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.author.Authors;
import news.broadsheet.comment.CommentStatus;
import news.broadsheet.comment.Comments;
import news.broadsheet.section.Section;
import news.broadsheet.support.Browser;
import news.broadsheet.support.Chromium;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.SharedTestData;
import news.broadsheet.support.StaffClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Hostile text put everywhere a person can write (story headline, standfirst and body, author
 * name and bio, page body, comment name and text, search query) stays text on every surface that
 * shows it: public pages with their JSON-LD, search results, the editor, revisions and their
 * diffs, the preview, the desk, the author and page editors. Each page is loaded in Chromium with
 * the Content-Security-Policy switched off (so only the markup protects it) and once with it on;
 * any alert, confirm or prompt a payload opens is the execution marker, and the live DOM is
 * searched for handlers, script URLs, inline scripts and frames.
 */
@IntegrationTest(properties = "broadsheet.comments.moderation=pre")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileContentBrowserIntegrationTests {

    /** Payloads of our own, one per trick; each names itself in its alert. */
    static final List<String> OWN_PAYLOADS = List.of(
            "<script>alert('own-1')</script>",
            "<img src=x onerror=alert('own-2')>",
            "<svg onload=alert('own-3')>",
            "[a link](javascript:alert('own-4'))",
            "<a href=\"javascript:alert('own-5')\">click</a>",
            "<iframe srcdoc=\"<script>parent.alert('own-6')</script>\"></iframe>",
            "</script><script>alert('own-7')</script>",
            "\"><img src=x onerror=alert('own-8')>",
            "<details open ontoggle=alert('own-9')>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('own-10')\">",
            "<base href=\"javascript:alert('own-11')//\">",
            "![x](x\" onerror=\"alert('own-12'))",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert('own-13')>",
            "<form action=javascript:alert('own-14')><button>go</button></form>",
            "<!--<img src=\"--><img src=x onerror=alert('own-15')//\">",
            "<object data=\"data:text/html,<script>alert('own-16')</script>\"></object>",
            "<input autofocus onfocus=alert('own-17')>",
            "<style>unclosed");

    /** Finds what no page of ours has: its own scripts are files, and it uses no handler attribute. */
    private static final String DOM_CHECK = """
            () => {
              const found = [];
              for (const el of document.querySelectorAll('*')) {
                for (const a of el.attributes) {
                  const name = a.name.toLowerCase();
                  if (name.startsWith('on')) found.push(el.tagName + ' ' + name);
                  if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'].includes(name)
                      && /^\\s*(javascript|vbscript|data):/i.test(a.value)) found.push(el.tagName + ' ' + name + '=' + a.value);
                }
                const tag = el.tagName.toLowerCase();
                if (tag === 'script' && !el.src && el.type !== 'application/ld+json') found.push('inline script');
                if (tag === 'script' && el.src && !el.src.startsWith(location.origin + '/assets/')) found.push('script ' + el.src);
                if (['iframe', 'frame', 'object', 'embed', 'base', 'applet'].includes(tag)) found.push(tag);
                if (tag === 'meta' && el.httpEquiv) found.push('meta http-equiv ' + el.httpEquiv);
              }
              return found.concat(window.__violations || []);
            }""";

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    Authors authors;

    @Autowired
    Comments comments;

    @Test
    void ourOwnPayloadsStayInertOnEverySurface() {
        assertInertEverywhere(OWN_PAYLOADS);
    }

    @Test
    void aSampleOfPublishedPayloadsStaysInertOnEverySurface() throws IOException {
        List<String> corpus = new ArrayList<>(Files.readAllLines(
                SharedTestData.require("xss/payloadbox-xss-payload-list.txt"), StandardCharsets.UTF_8));
        corpus.removeIf(String::isBlank);
        // A fixed sample, different parts of the list each time the seed changes.
        long seed = Long.getLong("broadsheet.fuzz.seed", 14L);
        Collections.shuffle(corpus, new Random(seed));
        System.out.println("XSS sample: 40 of " + corpus.size() + " published payloads, seed " + seed
                + " (-Dbroadsheet.fuzz.seed=N for another)");
        assertInertEverywhere(corpus.subList(0, 40));
    }

    private void assertInertEverywhere(List<String> payloads) {
        String editorName = newsroom.staff(Role.EDITOR).username();
        StaffClient editor = StaffClient.signIn(http, editorName, Newsroom.PASSWORD);
        Section section = newsroom.section(Newsroom.unique("Hostile"));
        String keyword = Newsroom.unique("kestrel").replaceAll("[^a-z]", "");
        List<String> pages = new ArrayList<>(List.of("/", section.url()));
        List<String> staffPages =
                new ArrayList<>(List.of("/admin", "/admin/articles", "/admin/comments?queue=pending"));
        for (int from = 0; from < payloads.size(); from += 10) {
            List<String> chunk = payloads.subList(from, Math.min(payloads.size(), from + 10));
            String joined = String.join("\n\n", chunk);
            Author author =
                    authors.create(Newsroom.unique("hostile-writer"), cut("Writer " + chunk.getFirst(), 100), joined);
            ArticleSummary story = newsroom.article(section, author)
                    .headline(cut(chunk.getFirst(), 250))
                    .standfirst(cut(String.join(" ", chunk), 500))
                    .body(keyword + "\n\n" + joined)
                    .publish();
            for (int i = 0; i < chunk.size(); i++) {
                comments.importComment(
                        story.id(),
                        null,
                        cut(chunk.get(i), 80),
                        null,
                        chunk.get(i),
                        i % 2 == 0 ? CommentStatus.APPROVED : CommentStatus.PENDING,
                        Instant.now().minusSeconds(60 - i));
            }
            // A second version, so the revisions page has a diff of hostile text to show.
            var form = editor.get("/admin/articles/" + story.id() + "/edit").page();
            assertThat(editor.submit(
                                    "/admin/articles/" + story.id(),
                                    form,
                                    "form.editor__form",
                                    "body",
                                    keyword + "\n\n" + String.join("\n\n", chunk.reversed()))
                            .status())
                    .isEqualTo(302);
            pages.addAll(List.of(story.url(), author.url()));
            staffPages.addAll(List.of(
                    "/admin/articles/" + story.id() + "/edit",
                    "/admin/articles/" + story.id() + "/preview",
                    "/admin/articles/" + story.id() + "/revisions",
                    "/admin/articles/" + story.id() + "/revisions?from=0&to=1",
                    "/admin/authors/" + author.id() + "/edit"));
        }
        String pageSlug = Newsroom.unique("hostile-page");
        Http.Response page = editor.post(
                "/admin/pages",
                "title",
                cut(payloads.getFirst(), 120),
                "slug",
                pageSlug,
                "body",
                String.join("\n\n", payloads));
        assertThat(page.status()).as(page.body()).isEqualTo(302);
        String pageId = page.location().replaceAll("^/admin/pages/(\\d+).*$", "$1");
        editor.post("/admin/pages/" + pageId + "/publish");
        pages.add("/" + pageSlug);
        staffPages.addAll(List.of("/admin/pages/" + pageId + "/edit", "/admin/pages/" + pageId + "/revisions"));
        awaitIndexed(keyword);
        pages.add("/search?q=" + keyword);
        for (String payload : payloads.subList(0, Math.min(5, payloads.size()))) {
            pages.add("/search?q=" + java.net.URLEncoder.encode(cut(payload, 150), StandardCharsets.UTF_8));
        }

        List<String> found = new ArrayList<>();
        try (BrowserContext reader = context(true)) {
            pages.forEach(path -> found.addAll(visit(reader, path)));
        }
        try (BrowserContext staff = context(true)) {
            Browser.signIn(staff.newPage(), http.base(), editorName);
            staffPages.forEach(path -> found.addAll(visit(staff, path)));
        }
        try (BrowserContext withPolicy = context(false)) {
            for (String path : pages) {
                found.addAll(visit(withPolicy, path));
            }
        }
        assertThat(found).as("scripts run or dangerous markup found").isEmpty();
    }

    private BrowserContext context(boolean bypassPolicy) {
        BrowserContext context =
                chromium.browser().newContext(Browser.desktop(true).setBypassCSP(bypassPolicy));
        context.addInitScript("document.addEventListener('securitypolicyviolation', e => "
                + "(window.__violations = window.__violations || []).push('CSP ' + e.violatedDirective + ' '"
                + " + e.blockedURI))");
        return context;
    }

    /** Loads the page; returns what ran or what should not be there, each with the page's address. */
    private List<String> visit(BrowserContext context, String path) {
        List<String> found = new ArrayList<>();
        Page page = context.newPage();
        try {
            page.onDialog(dialog -> {
                found.add(path + ": a " + dialog.type() + " opened: " + dialog.message());
                dialog.dismiss();
            });
            page.navigate(http.base() + path);
            page.waitForTimeout(150); // events a payload waits for (error, toggle, focus) fire by then
            @SuppressWarnings("unchecked")
            List<String> markup = (List<String>) page.evaluate(DOM_CHECK);
            markup.forEach(problem -> found.add(path + ": " + problem));
            return found;
        } finally {
            page.close();
        }
    }

    private void awaitIndexed(String keyword) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (http.get("/search?q=" + keyword).page().select("li.search-hit").size() > 0) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the stories were not found by search within 20 s");
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
