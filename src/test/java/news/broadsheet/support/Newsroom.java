package news.broadsheet.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.article.Articles;
import news.broadsheet.article.CreateArticle;
import news.broadsheet.author.Author;
import news.broadsheet.author.Authors;
import news.broadsheet.section.Section;
import news.broadsheet.section.Sections;

/**
 * Builds newsroom content for tests through the real facades. Every name it makes is unique, so
 * tests sharing an application context never see each other's stories by accident.
 */
public final class Newsroom {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** The password of every account {@link #staff} makes. */
    public static final String PASSWORD = "correct horse battery";

    private final Sections sections;
    private final Authors authors;
    private final Articles articles;
    private final MutableClock clock;
    private final news.broadsheet.account.Accounts accounts;

    Newsroom(
            Sections sections,
            Authors authors,
            Articles articles,
            MutableClock clock,
            news.broadsheet.account.Accounts accounts) {
        this.sections = sections;
        this.authors = authors;
        this.articles = articles;
        this.clock = clock;
        this.accounts = accounts;
    }

    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000L, 36);
    }

    public Section section(String name) {
        return sections.create(null, unique(news.broadsheet.shared.Slugs.from(name)), name, "About " + name + ".");
    }

    public Section subsection(Section parent, String name) {
        return sections.create(parent, unique(news.broadsheet.shared.Slugs.from(name)), name, "About " + name + ".");
    }

    public Author author(String name) {
        return authors.create(unique(news.broadsheet.shared.Slugs.from(name)), name, name + " writes for us.");
    }

    /** A newsroom account with this role; its password is {@link #PASSWORD}. */
    public news.broadsheet.account.Account staff(news.broadsheet.account.Role role) {
        String username = unique(role.name().toLowerCase(java.util.Locale.ROOT)).replace("-", ".");
        return accounts.create(
                new news.broadsheet.account.CreateAccount(
                        username, "Staff " + username, username + "@example.org", role, PASSWORD),
                null);
    }

    public ArticleBuilder article(Section section, Author author) {
        return new ArticleBuilder(section, author);
    }

    public Articles articles() {
        return articles;
    }

    /** An article with sensible defaults: published an hour ago, comments open. */
    public final class ArticleBuilder {
        private final Section section;
        private final List<Long> authorIds = new ArrayList<>();
        private String slug = unique("story");
        private String headline = "A headline for " + slug;
        private String standfirst = "A standfirst that sums the story up.";
        private String body = "First paragraph.\n\nSecond paragraph with \"a quote\".";
        private List<String> tags = List.of();
        private ArticleStatus status = ArticleStatus.PUBLISHED;
        private Instant publishedAt = clock.instant().minus(Duration.ofHours(1));
        private Instant updatedAt;
        private boolean commentsOpen = true;

        private ArticleBuilder(Section section, Author author) {
            this.section = section;
            this.authorIds.add(author.id());
        }

        public ArticleBuilder slug(String value) {
            slug = value;
            return this;
        }

        public ArticleBuilder headline(String value) {
            headline = value;
            return this;
        }

        public ArticleBuilder standfirst(String value) {
            standfirst = value;
            return this;
        }

        public ArticleBuilder body(String value) {
            body = value;
            return this;
        }

        public ArticleBuilder tags(String... values) {
            tags = List.of(values);
            return this;
        }

        public ArticleBuilder coAuthor(Author author) {
            authorIds.add(author.id());
            return this;
        }

        public ArticleBuilder status(ArticleStatus value) {
            status = value;
            return this;
        }

        public ArticleBuilder publishedAt(Instant value) {
            publishedAt = value;
            return this;
        }

        public ArticleBuilder updatedAt(Instant value) {
            updatedAt = value;
            return this;
        }

        public ArticleBuilder commentsClosed() {
            commentsOpen = false;
            return this;
        }

        /** Creates the article and returns its id. */
        public long create() {
            return articles.create(new CreateArticle(
                    slug,
                    headline,
                    standfirst,
                    body,
                    section.id(),
                    authorIds,
                    tags,
                    status,
                    status == ArticleStatus.DRAFT ? null : publishedAt,
                    updatedAt,
                    commentsOpen));
        }

        /** Creates a live article and returns it as readers see it. */
        public ArticleSummary publish() {
            long id = create();
            return articles.liveById(id).orElseThrow(() -> new AssertionError("article " + id + " is not live"));
        }
    }
}
