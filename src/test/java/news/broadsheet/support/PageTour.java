package news.broadsheet.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import news.broadsheet.account.Role;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One of every page type a reader or the newsroom sees, found by following links on the demo
 * newsroom (start the context with {@code broadsheet.demo-content.enabled=true}): for checks that
 * must hold on every kind of page, such as HTML validity and accessibility.
 */
public final class PageTour {

    /** A page to visit, by what it is. */
    public record Stop(String name, String path) {}

    private final Http http;
    private final List<Stop> publicPages;
    private final String commentedArticle;
    private final String staffUsername;
    private final List<Stop> newsroomPages;

    private PageTour(
            Http http,
            List<Stop> publicPages,
            String commentedArticle,
            String staffUsername,
            List<Stop> newsroomPages) {
        this.http = http;
        this.publicPages = publicPages;
        this.commentedArticle = commentedArticle;
        this.staffUsername = staffUsername;
        this.newsroomPages = newsroomPages;
    }

    /** Finds the pages; waits (at most a minute) for the search index to find the demo stories. */
    public static PageTour of(Http http, Newsroom newsroom) {
        Document home = http.get("/").page();
        List<String> stories = home.select(".card__headline a").eachAttr("href");
        assertThat(stories).as("demo stories on the front page").isNotEmpty();
        String commented = null;
        Document article = null;
        for (String story : stories) {
            Document page = http.get(story).page();
            if (!page.select("article.comment .comment__report").isEmpty()) {
                commented = story;
                article = page;
                break;
            }
        }
        assertThat(commented).as("a demo story with approved comments").isNotNull();
        String tag = first(article, ".tags a");
        String author = first(article, "a[href^=/author/]");
        String report = first(article, ".comment__report");
        String section = first(home, "nav.sections-nav a");
        String subsection = http.get(section).page().select("a.card__section").eachAttr("href").stream()
                .filter(href -> href.startsWith(section + "/"))
                .findFirst()
                .orElse(null);
        String query = searchWord(article);

        List<Stop> pages = new ArrayList<>();
        pages.add(new Stop("home", "/"));
        pages.add(new Stop("section", section));
        if (subsection != null) {
            pages.add(new Stop("subsection", subsection));
        }
        pages.add(new Stop("tag", tag));
        pages.add(new Stop("author", author));
        pages.add(new Stop("article with comments", commented));
        pages.add(new Stop("page", "/about"));
        pages.add(new Stop("search with results", "/search?q=" + query));
        pages.add(new Stop("search without a query", "/search"));
        pages.add(new Stop("corrections", "/corrections"));
        pages.add(new Stop("comment report", report));
        pages.add(new Stop("your comments", "/comments/privacy"));
        pages.add(new Stop("sign-in", "/login"));
        pages.add(new Stop("forgot password", "/login/forgot"));
        pages.add(new Stop("not found", "/no/such/page"));
        waitForSearchResults(http, "/search?q=" + query);

        String username = newsroom.staff(Role.ADMIN).username();
        List<Stop> newsroomPages = List.of(
                new Stop("dashboard", "/admin"),
                new Stop("story list", "/admin/articles"),
                new Stop("article editor", editorPath(http, username)),
                new Stop("new story", "/admin/articles/new"),
                new Stop("comment desk", "/admin/comments?queue=approved"),
                new Stop("spam filter", "/admin/comments/spam-filter"),
                new Stop("search terms", "/admin/search/terms"),
                new Stop("backups", "/admin/backup"));
        return new PageTour(http, List.copyOf(pages), commented, username, newsroomPages);
    }

    public List<Stop> publicPages() {
        return publicPages;
    }

    /** The newsroom's main pages; visit them signed in as {@link #staffUsername()}. */
    public List<Stop> newsroomPages() {
        return newsroomPages;
    }

    public String staffUsername() {
        return staffUsername;
    }

    /** The article whose comment form the form-page stop posts to. */
    public String commentedArticle() {
        return commentedArticle;
    }

    /**
     * The comment form page a reader gets back when a field is wrong: posted with an empty name,
     * so it carries the error messages and their {@code aria-describedby} links.
     */
    public Http.Response commentFormWithErrors() {
        Document article = http.get(commentedArticle).page();
        String action = article.selectFirst("#comment-form form").attr("action");
        Http.Response response =
                http.postForm(action, Http.form("name", "", "email", "not-an-address", "body", "A view."));
        assertThat(response.status()).as("comment refused").isBetween(400, 499);
        return response;
    }

    private static String editorPath(Http http, String username) {
        StaffClient staff = StaffClient.signIn(http, username, Newsroom.PASSWORD);
        Document list = staff.get("/admin/articles").page();
        Element edit = list.selectFirst("a[href^=/admin/articles/][href$=/edit]");
        assertThat(edit).as("an edit link in the story list").isNotNull();
        return edit.attr("href");
    }

    private static String searchWord(Document article) {
        String headline = article.selectFirst("h1").text();
        return java.util.Arrays.stream(headline.split("[^\\p{L}]+"))
                .filter(word -> word.length() >= 6)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no searchable word in " + headline));
    }

    private static void waitForSearchResults(Http http, String path) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            if (!http.get(path).page().select(".search__results a").isEmpty()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no search results for " + path + " within a minute");
    }

    private static String first(Document page, String selector) {
        Element element = page.selectFirst(selector);
        assertThat(element).as(selector + " on " + page.location()).isNotNull();
        return element.attr("href");
    }
}
