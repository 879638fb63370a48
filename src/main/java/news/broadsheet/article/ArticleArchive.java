package news.broadsheet.article;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import news.broadsheet.article.internal.ArticleArchiveRepository;
import news.broadsheet.section.Section;
import news.broadsheet.section.Sections;
import news.broadsheet.shared.SiteSettings;
import org.springframework.stereotype.Service;

/**
 * Reads every story, whatever its status, and every tag, a page at a time in id order (keyset
 * paging): for exports that must never hold the whole site in memory.
 */
@Service
public class ArticleArchive {

    private static final DateTimeFormatter URL_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final ArticleArchiveRepository repository;
    private final Sections sections;
    private final SiteSettings site;

    ArticleArchive(ArticleArchiveRepository repository, Sections sections, SiteSettings site) {
        this.repository = repository;
        this.sections = sections;
        this.site = site;
    }

    /** The highest story id so far (0 when there are none): an export stops there, so it is one moment's site. */
    public long maxId() {
        return repository.findMaxArticleId();
    }

    /** At most {@code limit} stories with ids above {@code afterId} and at most {@code upToId}, in id order. */
    public List<ArchivedArticle> page(long afterId, long upToId, int limit) {
        List<ArchivedArticle> rows = repository.findArticles(afterId, upToId, limit);
        Map<Long, Section> sectionsById = new HashMap<>();
        return rows.stream()
                .map(row -> {
                    if (row.publishedAt() == null) {
                        return row;
                    }
                    Section section = sectionsById.computeIfAbsent(
                            row.sectionId(), id -> sections.byId(id).orElseThrow());
                    String url = section.url() + "/"
                            + URL_DATE.format(row.publishedAt().atZone(site.timeZone())) + "/" + row.slug();
                    return withUrl(row, url);
                })
                .toList();
    }

    /** At most {@code limit} tags with ids above {@code afterId}, in id order, used or not. */
    public List<Tag> tags(long afterId, int limit) {
        return repository.findTags(afterId, limit);
    }

    private static ArchivedArticle withUrl(ArchivedArticle a, String url) {
        return new ArchivedArticle(
                a.id(),
                a.slug(),
                a.headline(),
                a.standfirst(),
                a.bodyMarkdown(),
                a.bodyHtml(),
                a.sectionId(),
                a.extraSectionIds(),
                a.authorIds(),
                a.tags(),
                a.status(),
                a.publishedAt(),
                a.createdAt(),
                a.updatedAt(),
                a.embargoUntil(),
                a.expiresAt(),
                a.commentsOpen(),
                a.seoTitle(),
                a.seoDescription(),
                a.leadImageId(),
                a.corrections(),
                url);
    }
}
