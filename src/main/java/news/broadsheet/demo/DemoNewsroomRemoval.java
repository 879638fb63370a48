package news.broadsheet.demo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.broadsheet.account.Account;
import news.broadsheet.account.Accounts;
import news.broadsheet.article.Articles;
import news.broadsheet.author.Author;
import news.broadsheet.author.Authors;
import news.broadsheet.comment.Comments;
import news.broadsheet.demo.internal.DemoRecord;
import news.broadsheet.demo.internal.DemoRecord.Kind;
import news.broadsheet.page.EditablePage;
import news.broadsheet.page.Pages;
import news.broadsheet.section.Section;
import news.broadsheet.section.Sections;
import news.broadsheet.shared.Actor;
import news.broadsheet.shared.Slugs;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes exactly what the demo newsroom created: its stories (with their comments, revisions,
 * notes and corrections), and its sections, authors and tags unless something that is not demo
 * content still uses them. Goes through the other modules' facades, so search, feeds and sitemaps
 * follow and the audit log records every story removed.
 */
@Service
public class DemoNewsroomRemoval {

    private final DemoRecord record;
    private final Articles articles;
    private final Sections sections;
    private final Authors authors;
    private final Comments comments;
    private final Accounts accounts;
    private final Pages pages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DemoNewsroomRemoval(
            DemoRecord record,
            Articles articles,
            Sections sections,
            Authors authors,
            Comments comments,
            Accounts accounts,
            Pages pages,
            ApplicationEventPublisher events,
            Clock clock) {
        this.pages = pages;
        this.record = record;
        this.articles = articles;
        this.sections = sections;
        this.authors = authors;
        this.comments = comments;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** What removing the demo newsroom would remove and keep now. */
    @Transactional(readOnly = true)
    public DemoInventory inventory() {
        return plan().inventory();
    }

    /** Removes the demo newsroom in one transaction; it never loads again by itself afterwards. */
    @Transactional
    public DemoRemovalReport remove(Actor actor) {
        Plan plan = plan();
        DemoInventory inventory = plan.inventory();
        if (inventory.removedAt() != null) {
            throw new IllegalStateException("The demo newsroom has already been removed.");
        }
        for (long id : plan.articleIds()) {
            articles.delete(id, actor, "Removed with the demo newsroom");
        }
        for (long id : plan.sectionsToRemove()) {
            sections.delete(id);
        }
        for (long id : plan.authorsToRemove()) {
            authors.delete(id);
        }
        for (long id : plan.pagesToRemove()) {
            pages.delete(id, actor);
        }
        int tagsRemoved = 0;
        for (long id : plan.tagIds()) {
            if (articles.deleteTagIfUnused(id)) {
                tagsRemoved++;
            }
        }
        DemoRemovalReport report = new DemoRemovalReport(
                plan.articleIds().size(),
                inventory.comments(),
                plan.sectionsToRemove().size(),
                inventory.sections().stream().filter(DemoInventory.Item::kept).toList(),
                plan.authorsToRemove().size(),
                inventory.authors().stream().filter(DemoInventory.Item::kept).toList(),
                tagsRemoved,
                plan.pagesToRemove().size(),
                inventory.pages().stream().filter(DemoInventory.Item::kept).toList());
        String summary = report.summary();
        record.markRemoved(clock.instant(), actor.name(), summary);
        events.publishEvent(
                new DemoNewsroomRemoved(actor, summary.length() <= 1000 ? summary : summary.substring(0, 997) + "..."));
        return report;
    }

    private record Plan(
            DemoInventory inventory,
            List<Long> articleIds,
            List<Long> sectionsToRemove,
            List<Long> authorsToRemove,
            List<Long> tagIds,
            List<Long> pagesToRemove) {}

    /** The ids of the demo newsroom's things, by kind. */
    private record DemoIds(List<Long> articles, List<Long> sections, List<Long> authors, List<Long> tags) {}

    private DemoIds demoIds(boolean removed) {
        DemoIds recorded = new DemoIds(
                record.ids(Kind.ARTICLE), record.ids(Kind.SECTION), record.ids(Kind.AUTHOR), record.ids(Kind.TAG));
        boolean nothingRecorded = recorded.articles().isEmpty()
                && recorded.sections().isEmpty()
                && recorded.authors().isEmpty()
                && recorded.tags().isEmpty()
                && record.ids(Kind.PAGE).isEmpty();
        return nothingRecorded && !removed ? recognised() : recorded;
    }

    /**
     * A demo newsroom loaded before its items were recorded (V24), recognised by the stories'
     * slugs and headlines; its sections, authors and tags by address and name, and only when at
     * least one demo story is there.
     */
    private DemoIds recognised() {
        DemoNewsroom newsroom = DemoContentLoader.read();
        Map<Long, String> headlines = new LinkedHashMap<>();
        for (DemoNewsroom.Article article : newsroom.articles()) {
            articles.idBySlug(article.slug()).ifPresent(id -> headlines.put(id, article.headline()));
        }
        Map<Long, String> actual = articles.headlines(headlines.keySet());
        List<Long> articleIds = headlines.entrySet().stream()
                .filter(entry -> entry.getValue().equals(actual.get(entry.getKey())))
                .map(Map.Entry::getKey)
                .toList();
        if (articleIds.isEmpty()) {
            return new DemoIds(List.of(), List.of(), List.of(), List.of());
        }
        List<Long> sectionIds = new ArrayList<>();
        for (DemoNewsroom.Section section : newsroom.sections()) {
            recognise(section, "", sectionIds);
        }
        List<Long> authorIds = newsroom.authors().stream()
                .flatMap(author ->
                        authors
                                .bySlug(author.slug())
                                .filter(found -> found.name().equals(author.name()))
                                .stream())
                .map(Author::id)
                .toList();
        List<Long> tagIds = newsroom.articles().stream()
                .flatMap(article -> article.tags().stream())
                .map(Slugs::from)
                .distinct()
                .flatMap(slug -> articles.tagBySlug(slug).stream())
                .map(news.broadsheet.article.Tag::id)
                .toList();
        return new DemoIds(articleIds, sectionIds, authorIds, tagIds);
    }

    private void recognise(DemoNewsroom.Section demo, String parentPath, List<Long> ids) {
        String path = parentPath.isEmpty() ? demo.slug() : parentPath + "/" + demo.slug();
        sections.byPath(path)
                .filter(section -> section.name().equals(demo.name()))
                .ifPresent(section -> ids.add(section.id()));
        for (DemoNewsroom.Section child : demo.children()) {
            recognise(child, path, ids);
        }
    }

    private Plan plan() {
        var removal = record.removal();
        DemoIds ids = demoIds(removal.isPresent());
        // Only what still exists: an editor may have deleted or merged some of it since.
        Map<Long, String> stories = new LinkedHashMap<>(articles.headlines(ids.articles()));
        List<Long> articleIds = List.copyOf(stories.keySet());
        Set<Long> demoArticles = new HashSet<>(articleIds);
        int commentCount = articleIds.isEmpty()
                ? 0
                : comments.queueCounts(articleIds).values().stream()
                        .mapToInt(Integer::intValue)
                        .sum();

        List<Section> all = sections.all();
        Set<Long> demoSectionIds = new HashSet<>(ids.sections());
        List<Section> demoSections = all.stream()
                .filter(section -> demoSectionIds.contains(section.id()))
                .sorted(Comparator.comparingInt((Section section) -> depth(section))
                        .reversed())
                .toList();
        Set<Long> removable = new HashSet<>();
        Map<Long, DemoInventory.Item> sectionItems = new LinkedHashMap<>();
        List<Long> sectionsToRemove = new ArrayList<>();
        for (Section section : demoSections) { // deepest first, so children are decided before parents
            long others = articles.idsUsingSection(section.id()).stream()
                    .filter(id -> !demoArticles.contains(id))
                    .count();
            boolean keptChild = all.stream()
                    .anyMatch(child ->
                            Long.valueOf(section.id()).equals(child.parentId()) && !removable.contains(child.id()));
            String keptBecause = others > 0
                    ? stories(others) + " that " + (others == 1 ? "is" : "are") + " not demo content "
                            + (others == 1 ? "is" : "are") + " filed here"
                    : keptChild ? "a section that stays is below it" : null;
            if (keptBecause == null) {
                removable.add(section.id());
                sectionsToRemove.add(section.id());
            }
            sectionItems.put(
                    section.id(), new DemoInventory.Item(section.name() + " (/" + section.path() + ")", keptBecause));
        }
        List<DemoInventory.Item> sectionList = demoSections.stream()
                .sorted(Comparator.comparing(Section::path))
                .map(section -> sectionItems.get(section.id()))
                .toList();

        Map<Long, Author> demoAuthors = authors.byIds(ids.authors());
        List<Account> allAccounts = accounts.all();
        List<DemoInventory.Item> authorItems = new ArrayList<>();
        List<Long> authorsToRemove = new ArrayList<>();
        for (Author author : demoAuthors.values().stream()
                .sorted(Comparator.comparing(Author::name))
                .toList()) {
            long others = articles.idsByAuthor(author.id()).stream()
                    .filter(id -> !demoArticles.contains(id))
                    .count();
            Account account = allAccounts.stream()
                    .filter(a -> Long.valueOf(author.id()).equals(a.authorId()))
                    .findFirst()
                    .orElse(null);
            String keptBecause = others > 0
                    ? "in the byline of " + stories(others) + " that " + (others == 1 ? "is" : "are")
                            + " not demo content"
                    : account != null ? "the account " + account.username() + " writes as them" : null;
            if (keptBecause == null) {
                authorsToRemove.add(author.id());
            }
            authorItems.add(new DemoInventory.Item(author.name(), keptBecause));
        }
        // A demo page someone has saved since (an About page rewritten for the real site) is theirs now.
        List<DemoInventory.Item> pageItems = new ArrayList<>();
        List<Long> pagesToRemove = new ArrayList<>();
        for (long id : record.ids(Kind.PAGE)) {
            EditablePage page = pages.byId(id).orElse(null);
            if (page == null) {
                continue;
            }
            String keptBecause = page.version() > 1 ? "it has been edited in the newsroom since" : null;
            if (keptBecause == null) {
                pagesToRemove.add(id);
            }
            pageItems.add(new DemoInventory.Item(page.title() + " (/" + page.slug() + ")", keptBecause));
        }
        DemoInventory inventory = new DemoInventory(
                removal.map(DemoRecord.Removal::at).orElse(null),
                removal.map(DemoRecord.Removal::by).orElse(null),
                removal.map(DemoRecord.Removal::summary).orElse(null),
                List.copyOf(stories.values()),
                commentCount,
                sectionList,
                authorItems,
                ids.tags().size(),
                pageItems);
        return new Plan(inventory, articleIds, sectionsToRemove, authorsToRemove, ids.tags(), pagesToRemove);
    }

    private static int depth(Section section) {
        return (int) section.path().chars().filter(c -> c == '/').count();
    }

    private static String stories(long count) {
        return count == 1 ? "1 story" : count + " stories";
    }

    /**
     * What the demo newsroom consists of now.
     *
     * @param removedAt when it was removed, or null while it is here
     */
    public record DemoInventory(
            java.time.@Nullable Instant removedAt,
            @Nullable String removedBy,
            @Nullable String removalSummary,
            List<String> stories,
            int comments,
            List<Item> sections,
            List<Item> authors,
            int tags,
            List<Item> pages) {

        /** True when there is demo content to remove. */
        public boolean present() {
            return removedAt == null
                    && (!stories.isEmpty()
                            || !sections.isEmpty()
                            || !authors.isEmpty()
                            || tags > 0
                            || !pages.isEmpty());
        }

        /**
         * A section or author of the demo newsroom.
         *
         * @param keptBecause why it stays when the demo is removed, or null when it goes
         */
        public record Item(String name, @Nullable String keptBecause) {

            public boolean kept() {
                return keptBecause != null;
            }
        }
    }

    /** What a removal did. */
    public record DemoRemovalReport(
            int stories,
            int comments,
            int sectionsRemoved,
            List<DemoInventory.Item> sectionsKept,
            int authorsRemoved,
            List<DemoInventory.Item> authorsKept,
            int tagsRemoved,
            int pagesRemoved,
            List<DemoInventory.Item> pagesKept) {

        public String summary() {
            StringBuilder summary = new StringBuilder("Removed the demo newsroom: ")
                    .append(count(stories, "story", "stories"))
                    .append(", ")
                    .append(count(comments, "comment", "comments"))
                    .append(", ")
                    .append(count(sectionsRemoved, "section", "sections"))
                    .append(", ")
                    .append(count(authorsRemoved, "author", "authors"))
                    .append(", ")
                    .append(count(tagsRemoved, "tag", "tags"))
                    .append(" and ")
                    .append(count(pagesRemoved, "page", "pages"))
                    .append('.');
            for (DemoInventory.Item kept : sectionsKept) {
                summary.append(" Kept the section ")
                        .append(kept.name())
                        .append(": ")
                        .append(kept.keptBecause())
                        .append('.');
            }
            for (DemoInventory.Item kept : authorsKept) {
                summary.append(" Kept the author ")
                        .append(kept.name())
                        .append(": ")
                        .append(kept.keptBecause())
                        .append('.');
            }
            for (DemoInventory.Item kept : pagesKept) {
                summary.append(" Kept the page ")
                        .append(kept.name())
                        .append(": ")
                        .append(kept.keptBecause())
                        .append('.');
            }
            return summary.toString();
        }

        private static String count(int n, String one, String many) {
            return n + " " + (n == 1 ? one : many);
        }
    }
}
