package news.broadsheet.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.article.Articles;
import news.broadsheet.article.CreateArticle;
import news.broadsheet.article.EditorialDesk;
import news.broadsheet.author.Authors;
import news.broadsheet.comment.CommentStatus;
import news.broadsheet.comment.Comments;
import news.broadsheet.demo.internal.DemoIllustrations;
import news.broadsheet.demo.internal.DemoRecord;
import news.broadsheet.demo.internal.DemoRecord.Kind;
import news.broadsheet.media.ImageUpload;
import news.broadsheet.media.MediaLibrary;
import news.broadsheet.media.StoredImage;
import news.broadsheet.page.PageContent;
import news.broadsheet.page.PageStatus;
import news.broadsheet.page.Pages;
import news.broadsheet.page.WritePage;
import news.broadsheet.section.Section;
import news.broadsheet.section.Sections;
import news.broadsheet.shared.Actor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty database with the demo newsroom, dated relative to now so the site looks fresh.
 * The whole load is one transaction: when several nodes start on one empty database, one loads it
 * and the others find the unique slugs taken and leave it be. Everything it creates is recorded,
 * so an admin can remove exactly that ({@link DemoNewsroomRemoval}); once removed, it never loads
 * again by itself. A first start given the first admin ({@code broadsheet.admin.username}) is taken
 * for a real site and loads nothing, unless {@code broadsheet.demo-content.enabled=true} is set.
 * It loads while the application starts, before the web server takes requests, so the first
 * reader never sees an empty front page.
 */
@Component
@ConditionalOnBooleanProperty(name = "broadsheet.demo-content.enabled", matchIfMissing = true)
class DemoContentLoader implements SmartLifecycle {

    /** Below the web server's phase (its start opens the port), so the demo is in before the first request. */
    private static final int BEFORE_THE_WEB_SERVER = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(DemoContentLoader.class);
    private static final String RESOURCE = "demo/newsroom.yml";

    private final Sections sections;
    private final Authors authors;
    private final Articles articles;
    private final Comments comments;
    private final Pages pages;
    private final MediaLibrary media;
    private final EditorialDesk desk;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final DemoRecord record;
    private final @Nullable Boolean enabledExplicitly;
    private final @Nullable String firstAdmin;

    DemoContentLoader(
            Sections sections,
            Authors authors,
            Articles articles,
            Comments comments,
            Pages pages,
            MediaLibrary media,
            EditorialDesk desk,
            TransactionTemplate transaction,
            Clock clock,
            DemoRecord record,
            @Value("${broadsheet.demo-content.enabled:#{null}}") @Nullable Boolean enabledExplicitly,
            @Value("${broadsheet.admin.username:#{null}}") @Nullable String firstAdmin) {
        this.pages = pages;
        this.media = media;
        this.desk = desk;
        this.sections = sections;
        this.authors = authors;
        this.articles = articles;
        this.comments = comments;
        this.transaction = transaction;
        this.clock = clock;
        this.record = record;
        this.enabledExplicitly = enabledExplicitly;
        this.firstAdmin = firstAdmin;
    }

    private volatile boolean running;

    @Override
    public int getPhase() {
        return BEFORE_THE_WEB_SERVER;
    }

    @Override
    public void start() {
        running = true;
        loadIfWanted();
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Loads the demo newsroom unless the database has content, a removal was recorded, or it is a real site's first start. */
    void loadIfWanted() {
        var removal = record.removal();
        if (removal.isPresent()) {
            log.info(
                    "Demo content not loaded: {} removed the demo newsroom on {}",
                    removal.get().by(),
                    removal.get().at());
            return;
        }
        if (articles.count() > 0 || !sections.topLevel().isEmpty()) {
            return;
        }
        if (enabledExplicitly == null && firstAdmin != null && !firstAdmin.isBlank()) {
            log.info("Demo content not loaded: broadsheet.admin.username is set, so this is taken for a real"
                    + " site's first start. Start with broadsheet.demo-content.enabled=true to load the demo anyway.");
            return;
        }
        DemoNewsroom newsroom = read();
        try {
            transaction.executeWithoutResult(status -> load(newsroom));
            log.info("Loaded the demo newsroom: {} stories", newsroom.articles().size());
        } catch (DataIntegrityViolationException e) {
            log.info("Demo content not loaded: another node is loading it or already has");
        }
    }

    static DemoNewsroom read() {
        try {
            List<PropertySource<?>> sources =
                    new YamlPropertySourceLoader().load(RESOURCE, new ClassPathResource(RESOURCE));
            return new Binder(org.springframework.boot.context.properties.source.ConfigurationPropertySources.from(
                            sources))
                    .bind("demo", DemoNewsroom.class)
                    .orElseThrow(() -> new IllegalStateException(RESOURCE + " has no demo newsroom"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    private void load(DemoNewsroom newsroom) {
        List<Long> sectionIds = new java.util.ArrayList<>();
        for (DemoNewsroom.Section section : newsroom.sections()) {
            createSection(null, section, sectionIds);
        }
        List<Long> articleIds = new java.util.ArrayList<>();
        Map<String, Long> authorIds = new HashMap<>();
        for (DemoNewsroom.Author author : newsroom.authors()) {
            authorIds.put(
                    author.slug(),
                    authors.create(author.slug(), author.name(), author.bio()).id());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        for (DemoNewsroom.Article article : newsroom.articles()) {
            Instant published = now.minus(Duration.ofHours(article.hoursAgo()));
            Instant updated =
                    article.updatedHoursAgo() == null ? null : now.minus(Duration.ofHours(article.updatedHoursAgo()));
            Section section = sections.byPath(article.section())
                    .orElseThrow(() -> new IllegalStateException("Unknown demo section " + article.section()));
            List<String> slugs = new java.util.ArrayList<>(article.retiredSlugs());
            slugs.add(article.slug());
            long id = articles.create(new CreateArticle(
                    slugs.getFirst(),
                    article.headline(),
                    article.standfirst(),
                    article.body(),
                    section.id(),
                    article.authors().stream().map(authorIds::get).toList(),
                    article.tags(),
                    ArticleStatus.PUBLISHED,
                    published,
                    updated,
                    article.commentsOpen()));
            articleIds.add(id);
            illustrate(id, article.slug(), newsroom.sections().indexOf(topLevel(newsroom, article.section())));
            for (String slug : slugs.subList(1, slugs.size())) {
                articles.changeSlug(id, slug);
            }
            for (DemoNewsroom.Comment comment : article.comments()) {
                createComment(id, null, published, comment);
            }
        }
        List<Long> pageIds = new java.util.ArrayList<>();
        for (DemoNewsroom.Page page : newsroom.pages()) {
            pageIds.add(pages.put(
                    new WritePage(
                            PageContent.markdown(page.slug(), page.title(), page.body())
                                    .describedAs(page.description())
                                    .inFooter(page.footerPosition()),
                            PageStatus.PUBLISHED,
                            now.minus(Duration.ofDays(30))),
                    Actor.SYSTEM));
        }
        record.add(Kind.PAGE, pageIds);
        record.add(Kind.SECTION, sectionIds);
        record.add(Kind.AUTHOR, authorIds.values());
        record.add(Kind.ARTICLE, articleIds);
        record.add(
                Kind.TAG,
                articles.tagsOf(articleIds).values().stream()
                        .flatMap(List::stream)
                        .map(news.broadsheet.article.Tag::id)
                        .distinct()
                        .toList());
    }

    /**
     * Gives a story a drawn picture, so the demo shows lead pictures and picture cards. No account
     * uploaded it: the uploader is recorded as 0, the system.
     */
    private void illustrate(long articleId, String slug, int sectionIndex) {
        DemoIllustrations.Illustration picture = DemoIllustrations.draw(slug, sectionIndex, 1600, 900);
        StoredImage image = media.store(
                new ImageUpload(slug + ".jpg", picture.jpeg(), picture.altText(), "", "Illustration: Broadsheet demo"),
                0);
        desk.setImportedLeadImage(Actor.SYSTEM, articleId, image.id());
    }

    private static DemoNewsroom.@Nullable Section topLevel(DemoNewsroom newsroom, String sectionPath) {
        String top = sectionPath.contains("/") ? sectionPath.substring(0, sectionPath.indexOf('/')) : sectionPath;
        return newsroom.sections().stream()
                .filter(section -> section.slug().equals(top))
                .findFirst()
                .orElse(null);
    }

    private void createSection(@Nullable Section parent, DemoNewsroom.Section demo, List<Long> ids) {
        Section section = sections.create(parent, demo.slug(), demo.name(), demo.description());
        ids.add(section.id());
        for (DemoNewsroom.Section child : demo.children()) {
            createSection(section, child, ids);
        }
    }

    private void createComment(long articleId, @Nullable Long parentId, Instant published, DemoNewsroom.Comment demo) {
        long id = comments.importComment(
                articleId,
                parentId,
                demo.name(),
                demo.email(),
                demo.body(),
                CommentStatus.APPROVED,
                published.plus(Duration.ofMinutes(demo.minutesAfter())));
        for (DemoNewsroom.Comment reply : demo.replies()) {
            createComment(articleId, id, published, reply);
        }
    }
}
