package news.broadsheet.importer.internal;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.broadsheet.article.ArchivedArticle;
import news.broadsheet.article.ArticleArchive;
import news.broadsheet.article.Correction;
import news.broadsheet.article.Tag;
import news.broadsheet.author.Author;
import news.broadsheet.author.Authors;
import news.broadsheet.comment.ArchivedComment;
import news.broadsheet.comment.CommentArchive;
import news.broadsheet.comment.CommentStatus;
import news.broadsheet.importer.WordPressExportSummary;
import news.broadsheet.media.LibraryImage;
import news.broadsheet.media.MediaLibrary;
import news.broadsheet.media.StoredImage;
import news.broadsheet.page.BodyFormat;
import news.broadsheet.page.EditablePage;
import news.broadsheet.page.PageStatus;
import news.broadsheet.page.Pages;
import news.broadsheet.section.Section;
import news.broadsheet.section.Sections;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the whole site as one WXR 1.2 document, streaming: stories, images and comments are read
 * a page at a time by keyset, written and forgotten, so the site's size does not matter.
 *
 * <p>Everything with an id at or below the highest id seen when the export starts is exported;
 * what is created while it runs waits for the next export. WordPress post ids are one sequence, so
 * stories keep their ids, images follow the highest story id, and pages follow the images. Pages
 * map draft → {@code draft}, published → {@code publish} ({@code future} before their time).
 *
 * <p>Story statuses (Broadsheet → {@code wp:status}); {@code _broadsheet_status} always carries the
 * Broadsheet status itself, and embargo and expiry times their own postmeta:
 *
 * <ul>
 *   <li>draft → {@code draft}; in review → {@code pending}; scheduled → {@code future};
 *   <li>published → {@code publish}, but {@code future} while its publication time is ahead,
 *       {@code private} while an embargo holds it back (WordPress has no embargo; private keeps
 *       it from readers with its dates intact), and {@code draft} once its expiry has passed;
 *   <li>unpublished (taken down by an editor or by its expiry) → {@code draft}, WordPress's way
 *       of taking a post down.
 * </ul>
 *
 * Comment statuses map one to one onto {@code wp:comment_approved}: approved {@code 1}, pending
 * {@code 0}, spam {@code spam}, rejected {@code trash}.
 */
@Component
public class WxrSiteExport {

    private static final int STORIES_PER_PAGE = 200;
    private static final int COMMENTS_PER_PAGE = 1000;
    private static final int IMAGES_PER_PAGE = 500;
    private static final int TAGS_PER_PAGE = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ArticleArchive articles;
    private final CommentArchive comments;
    private final MediaLibrary media;
    private final Sections sections;
    private final Authors authors;
    private final Pages pages;
    private final SiteSettings site;
    private final Clock clock;

    WxrSiteExport(
            ArticleArchive articles,
            CommentArchive comments,
            MediaLibrary media,
            Sections sections,
            Authors authors,
            Pages pages,
            SiteSettings site,
            Clock clock) {
        this.articles = articles;
        this.comments = comments;
        this.media = media;
        this.sections = sections;
        this.authors = authors;
        this.pages = pages;
        this.site = site;
        this.clock = clock;
    }

    public WordPressExportSummary write(OutputStream out) {
        Instant now = clock.instant();
        long maxStory = articles.maxId();
        long maxImage = media.maxId();
        long maxComment = comments.maxId();
        List<Section> allSections = sections.all();
        Map<Long, Section> sectionsById = new HashMap<>();
        allSections.forEach(s -> sectionsById.put(s.id(), s));
        Map<Long, String> nicenames = nicenames(allSections);
        long maxSectionId = allSections.stream().mapToLong(Section::id).max().orElse(0);
        List<Author> allAuthors = authors.all();
        Map<Long, Author> authorsById = new HashMap<>();
        allAuthors.forEach(a -> authorsById.put(a.id(), a));

        Counts counts = new Counts();
        try (WxrWriter wxr = new WxrWriter(out, site.timeZone())) {
            wxr.startDocument("A WordPress eXtended RSS (WXR 1.2) export of " + site.name()
                    + ", written by Broadsheet. Import it with WordPress's importer (Tools: Import: WordPress)"
                    + " or with Broadsheet's.");
            channelHead(wxr, now);
            for (Author author : allAuthors) {
                author(wxr, author, authorsById, maxStory, maxImage);
            }
            for (Section section : allSections) {
                category(wxr, section, nicenames);
            }
            counts.tags = tags(wxr, maxSectionId);
            counts.attachments = attachments(wxr, maxStory, maxImage);
            counts.stories =
                    stories(wxr, now, maxStory, maxImage, maxComment, sectionsById, nicenames, authorsById, counts);
            for (EditablePage page : pages.all()) {
                page(wxr, page, now, maxStory + maxImage + page.id());
                counts.pages++;
            }
            wxr.endDocument();
        }
        return new WordPressExportSummary(
                allAuthors.size(),
                allSections.size(),
                counts.tags,
                counts.stories,
                counts.pages,
                counts.attachments,
                counts.comments);
    }

    private void channelHead(WxrWriter wxr, Instant now) {
        wxr.cdata(null, "title", site.name());
        wxr.text(null, "link", site.baseUrl());
        wxr.cdata(null, "description", "");
        wxr.text(null, "pubDate", WxrWriter.rfc822(now));
        wxr.text(null, "language", site.language());
        wxr.wp("wxr_version", "1.2");
        wxr.wp("base_site_url", site.baseUrl());
        wxr.wp("base_blog_url", site.baseUrl());
        wxr.text(null, "generator", "Broadsheet");
    }

    /**
     * A byline as a WordPress author (login = slug); what WXR has no element for goes in Broadsheet's
     * own namespace, which WordPress's importer skips.
     */
    private static void author(
            WxrWriter wxr, Author author, Map<Long, Author> authorsById, long maxStory, long maxImage) {
        String name = author.name().strip();
        int space = name.lastIndexOf(' ');
        wxr.startWp("author");
        wxr.wp("author_id", author.id());
        wxr.wp("author_login", author.slug());
        wxr.wp("author_email", author.email());
        wxr.wpCdata("author_display_name", author.name());
        wxr.wpCdata("author_first_name", space < 0 ? name : name.substring(0, space));
        wxr.wpCdata("author_last_name", space < 0 ? "" : name.substring(space + 1));
        wxr.cdata(WxrWriter.BROADSHEET, "author_bio", author.bio());
        if (!author.jobTitle().isEmpty()) {
            wxr.cdata(WxrWriter.BROADSHEET, "author_job_title", author.jobTitle());
        }
        if (!author.website().isEmpty()) {
            wxr.text(WxrWriter.BROADSHEET, "author_website", author.website());
        }
        for (String profile : author.profiles()) {
            wxr.text(WxrWriter.BROADSHEET, "author_profile", profile);
        }
        Long imageId = author.imageId();
        if (imageId != null && imageId <= maxImage) {
            // The photo's attachment item (post id), like _thumbnail_id on a post.
            wxr.text(WxrWriter.BROADSHEET, "author_image", Long.toString(maxStory + imageId));
        }
        if (author.retired()) {
            wxr.text(WxrWriter.BROADSHEET, "author_retired", "1");
        }
        Long mergedInto = author.mergedIntoId();
        Author target = mergedInto == null ? null : authorsById.get(mergedInto);
        if (target != null) {
            wxr.text(WxrWriter.BROADSHEET, "author_merged_into", target.slug());
        }
        wxr.end();
    }

    private static void category(WxrWriter wxr, Section section, Map<Long, String> nicenames) {
        wxr.startWp("category");
        wxr.wp("term_id", section.id());
        wxr.wp("category_nicename", nicenames.get(section.id()));
        wxr.wp("category_parent", section.parentId() == null ? "" : nicenames.get(section.parentId()));
        wxr.wpCdata("cat_name", section.name());
        wxr.wpCdata("category_description", section.description());
        wxr.meta("termmeta", "_broadsheet_path", section.path());
        wxr.end();
    }

    /** Tags share WordPress's term id sequence with categories, so their ids follow the sections'. */
    private long tags(WxrWriter wxr, long maxSectionId) {
        long count = 0;
        long after = 0;
        while (true) {
            List<Tag> page = articles.tags(after, TAGS_PER_PAGE);
            for (Tag tag : page) {
                wxr.startWp("tag");
                wxr.wp("term_id", maxSectionId + tag.id());
                wxr.wp("tag_slug", tag.slug());
                wxr.wpCdata("tag_name", tag.name());
                wxr.end();
                count++;
            }
            if (page.size() < TAGS_PER_PAGE) {
                return count;
            }
            after = page.getLast().id();
        }
    }

    private long attachments(WxrWriter wxr, long maxStory, long maxImage) {
        long count = 0;
        long after = 0;
        while (true) {
            List<LibraryImage> page = media.page(after, maxImage, IMAGES_PER_PAGE);
            if (page.isEmpty()) {
                return count;
            }
            for (LibraryImage upload : page) {
                attachment(wxr, upload, maxStory + upload.image().id());
                count++;
            }
            after = page.getLast().image().id();
            wxr.flush();
        }
    }

    private void attachment(WxrWriter wxr, LibraryImage upload, long postId) {
        StoredImage image = upload.image();
        String url = site.absolute(image.url());
        wxr.start("item");
        wxr.cdata(null, "title", upload.originalFilename());
        wxr.text(null, "link", url);
        wxr.text(null, "pubDate", WxrWriter.rfc822(upload.uploadedAt()));
        wxr.cdata(WxrWriter.DC, "creator", "");
        wxr.guid(url);
        wxr.cdata(null, "description", "");
        wxr.cdata(WxrWriter.CONTENT, "encoded", "");
        wxr.cdata(WxrWriter.EXCERPT, "encoded", image.caption());
        wxr.wp("post_id", postId);
        dates(wxr, upload.uploadedAt(), upload.uploadedAt(), upload.uploadedAt());
        wxr.wp("comment_status", "closed");
        wxr.wp("ping_status", "closed");
        wxr.wp("post_name", "image-" + image.id());
        wxr.wp("status", "inherit");
        wxr.wp("post_parent", 0);
        wxr.wp("menu_order", 0);
        wxr.wp("post_type", "attachment");
        wxr.wp("post_password", "");
        wxr.wp("is_sticky", 0);
        wxr.wp("attachment_url", url);
        wxr.meta("postmeta", "_wp_attachment_image_alt", image.altText());
        if (!image.credit().isEmpty()) {
            wxr.meta("postmeta", "_broadsheet_credit", image.credit());
        }
        wxr.meta("postmeta", "_broadsheet_image_id", Long.toString(image.id()));
        wxr.end();
    }

    private long stories(
            WxrWriter wxr,
            Instant now,
            long maxStory,
            long maxImage,
            long maxComment,
            Map<Long, Section> sectionsById,
            Map<Long, String> nicenames,
            Map<Long, Author> authorsById,
            Counts counts) {
        long count = 0;
        long after = 0;
        while (true) {
            List<ArchivedArticle> page = articles.page(after, maxStory, STORIES_PER_PAGE);
            if (page.isEmpty()) {
                return count;
            }
            Set<Long> leadImages = new HashSet<>();
            page.stream()
                    .map(ArchivedArticle::leadImageId)
                    .filter(id -> id != null && id <= maxImage)
                    .forEach(leadImages::add);
            Set<Long> existingImages = new HashSet<>(media.byIds(leadImages).keySet());
            CommentCursor cursor =
                    new CommentCursor(page.stream().map(ArchivedArticle::id).toList(), maxComment);
            for (ArchivedArticle story : page) {
                Long lead = story.leadImageId();
                Long thumbnail = lead != null && existingImages.contains(lead) ? maxStory + lead : null;
                story(wxr, story, now, thumbnail, sectionsById, nicenames, authorsById, cursor, counts);
                count++;
            }
            after = page.getLast().id();
            wxr.flush();
        }
    }

    private void story(
            WxrWriter wxr,
            ArchivedArticle story,
            Instant now,
            @Nullable Long thumbnailId,
            Map<Long, Section> sectionsById,
            Map<Long, String> nicenames,
            Map<Long, Author> authorsById,
            CommentCursor cursor,
            Counts counts) {
        String draftLink = site.baseUrl() + "/?p=" + story.id();
        String link = story.url() == null ? draftLink : site.absolute(story.url());
        List<Author> byline = story.authorIds().stream()
                .map(authorsById::get)
                .filter(a -> a != null)
                .toList();
        Instant postDate = story.publishedAt() != null ? story.publishedAt() : story.createdAt();

        wxr.start("item");
        wxr.cdata(null, "title", story.headline());
        wxr.text(null, "link", link);
        wxr.text(null, "pubDate", WxrWriter.rfc822(postDate));
        wxr.cdata(
                WxrWriter.DC,
                "creator",
                byline.isEmpty() ? "" : byline.getFirst().slug());
        wxr.guid(draftLink);
        wxr.cdata(null, "description", "");
        wxr.cdata(WxrWriter.CONTENT, "encoded", news.broadsheet.shared.AbsoluteLinks.in(story.bodyHtml(), link));
        wxr.cdata(WxrWriter.EXCERPT, "encoded", story.standfirst());
        wxr.wp("post_id", story.id());
        dates(wxr, postDate, story.publishedAt(), story.updatedAt());
        wxr.wp("comment_status", story.commentsOpen() ? "open" : "closed");
        wxr.wp("ping_status", "closed");
        wxr.wp("post_name", story.slug());
        wxr.wp("status", wordPressStatus(story, now));
        wxr.wp("post_parent", 0);
        wxr.wp("menu_order", 0);
        wxr.wp("post_type", "post");
        wxr.wp("post_password", "");
        wxr.wp("is_sticky", 0);
        Section primary = sectionsById.get(story.sectionId());
        if (primary != null) {
            wxr.category("category", nicenames.getOrDefault(primary.id(), primary.slug()), primary.name());
        }
        List<Section> extra = story.extraSectionIds().stream()
                .map(sectionsById::get)
                .filter(s -> s != null && s.id() != story.sectionId())
                .toList();
        for (Section section : extra) {
            wxr.category("category", nicenames.getOrDefault(section.id(), section.slug()), section.name());
        }
        for (Tag tag : story.tags()) {
            wxr.category("post_tag", tag.slug(), tag.name());
        }

        wxr.meta("postmeta", "_broadsheet_markdown", story.bodyMarkdown());
        wxr.meta("postmeta", "_broadsheet_status", story.status().dbValue());
        if (primary != null) {
            wxr.meta("postmeta", "_broadsheet_section", primary.path());
        }
        for (Section section : extra) {
            wxr.meta("postmeta", "_broadsheet_extra_section", section.path());
        }
        for (Author author : byline) {
            wxr.meta("postmeta", "_broadsheet_byline", author.slug());
        }
        wxr.meta("postmeta", "_broadsheet_created_at", story.createdAt().toString());
        wxr.meta("postmeta", "_broadsheet_updated_at", story.updatedAt().toString());
        if (story.publishedAt() != null) {
            wxr.meta("postmeta", "_broadsheet_published_at", story.publishedAt().toString());
        }
        if (story.embargoUntil() != null) {
            wxr.meta(
                    "postmeta",
                    "_broadsheet_embargo_until",
                    story.embargoUntil().toString());
        }
        if (story.expiresAt() != null) {
            wxr.meta("postmeta", "_broadsheet_expires_at", story.expiresAt().toString());
        }
        if (story.seoTitle() != null) {
            wxr.meta("postmeta", "_broadsheet_seo_title", story.seoTitle());
            wxr.meta("postmeta", "_yoast_wpseo_title", story.seoTitle());
        }
        if (story.seoDescription() != null) {
            wxr.meta("postmeta", "_broadsheet_seo_description", story.seoDescription());
            wxr.meta("postmeta", "_yoast_wpseo_metadesc", story.seoDescription());
        }
        for (Correction correction : story.corrections()) {
            Map<String, String> value = new LinkedHashMap<>();
            value.put("kind", correction.kind());
            value.put("text", correction.text());
            value.put("publishedAt", correction.publishedAt().toString());
            wxr.meta("postmeta", "_broadsheet_correction", JSON.writeValueAsString(value));
        }
        if (thumbnailId != null) {
            wxr.meta("postmeta", "_thumbnail_id", Long.toString(thumbnailId));
        }
        for (ArchivedComment comment : cursor.on(story.id())) {
            comment(wxr, comment);
            counts.comments++;
        }
        wxr.end();
    }

    /** A static page as a WordPress page; footer placement and the body's source in postmeta. */
    private void page(WxrWriter wxr, EditablePage page, Instant now, long postId) {
        String draftLink = site.baseUrl() + "/?page_id=" + postId;
        Instant publishedAt = page.publishedAt();
        boolean released = page.status() == PageStatus.PUBLISHED && publishedAt != null;
        String link = released ? site.absolute(page.url()) : draftLink;
        Instant postDate = publishedAt != null ? publishedAt : page.updatedAt();
        wxr.start("item");
        wxr.cdata(null, "title", page.title());
        wxr.text(null, "link", link);
        wxr.text(null, "pubDate", WxrWriter.rfc822(postDate));
        wxr.cdata(WxrWriter.DC, "creator", "");
        wxr.guid(draftLink);
        wxr.cdata(null, "description", "");
        wxr.cdata(
                WxrWriter.CONTENT,
                "encoded",
                news.broadsheet.shared.AbsoluteLinks.in(pages.render(page.content()), link));
        wxr.cdata(WxrWriter.EXCERPT, "encoded", page.content().description());
        wxr.wp("post_id", postId);
        dates(wxr, postDate, released ? publishedAt : null, page.updatedAt());
        wxr.wp("comment_status", "closed");
        wxr.wp("ping_status", "closed");
        wxr.wp("post_name", page.slug());
        wxr.wp("status", publishedAt == null || !released ? "draft" : publishedAt.isAfter(now) ? "future" : "publish");
        wxr.wp("post_parent", 0);
        wxr.wp("menu_order", page.content().footerPosition());
        wxr.wp("post_type", "page");
        wxr.wp("post_password", "");
        wxr.wp("is_sticky", 0);
        if (page.content().format() == BodyFormat.MARKDOWN) {
            wxr.meta("postmeta", "_broadsheet_markdown", page.content().body());
        } else {
            wxr.meta("postmeta", "_broadsheet_html", page.content().body());
        }
        wxr.meta("postmeta", "_broadsheet_status", page.status().dbValue());
        wxr.meta("postmeta", "_broadsheet_in_footer", page.content().inFooter() ? "1" : "0");
        wxr.meta(
                "postmeta",
                "_broadsheet_footer_position",
                Integer.toString(page.content().footerPosition()));
        wxr.meta("postmeta", "_broadsheet_updated_at", page.updatedAt().toString());
        if (publishedAt != null) {
            wxr.meta("postmeta", "_broadsheet_published_at", publishedAt.toString());
        }
        wxr.end();
    }

    private static void comment(WxrWriter wxr, ArchivedComment comment) {
        wxr.startWp("comment");
        wxr.wp("comment_id", comment.id());
        wxr.wpCdata("comment_author", comment.authorName());
        wxr.wp("comment_author_email", comment.email() == null ? "" : comment.email());
        wxr.wp("comment_author_url", "");
        // Broadsheet keeps only a keyed hash of the commenter's address, and never exports it.
        wxr.wp("comment_author_IP", "");
        wxr.wp("comment_date", wxr.localDate(comment.postedAt()));
        wxr.wp("comment_date_gmt", WxrWriter.gmtDate(comment.postedAt()));
        wxr.wpCdata("comment_content", comment.body());
        wxr.wp("comment_approved", approved(comment.status()));
        wxr.wp("comment_type", "comment");
        wxr.wp("comment_parent", comment.parentId() == null ? 0 : comment.parentId());
        wxr.wp("comment_user_id", 0);
        if (comment.postedAt().getNano() != 0) {
            // wp:comment_date keeps whole seconds; this keeps the exact time.
            wxr.meta("commentmeta", "_broadsheet_posted_at", comment.postedAt().toString());
        }
        if (comment.featured()) {
            wxr.meta("commentmeta", "_broadsheet_featured", "1");
        }
        if (comment.staff()) {
            wxr.meta("commentmeta", "_broadsheet_staff", "1");
        }
        wxr.end();
    }

    /** {@code post_date} and friends; a story never published has no GMT date, as in WordPress. */
    private static void dates(WxrWriter wxr, Instant postDate, @Nullable Instant publishedAt, Instant modified) {
        wxr.wp("post_date", wxr.localDate(postDate));
        wxr.wp("post_date_gmt", publishedAt == null ? WxrWriter.NO_DATE : WxrWriter.gmtDate(publishedAt));
        wxr.wp("post_modified", wxr.localDate(modified));
        wxr.wp("post_modified_gmt", WxrWriter.gmtDate(modified));
    }

    /** The mapping in the class comment. */
    static String wordPressStatus(ArchivedArticle story, Instant now) {
        return switch (story.status()) {
            case DRAFT, UNPUBLISHED -> "draft";
            case IN_REVIEW -> "pending";
            case SCHEDULED -> "future";
            case PUBLISHED -> {
                if (story.expiresAt() != null && !story.expiresAt().isAfter(now)) {
                    yield "draft";
                }
                if (story.embargoUntil() != null && story.embargoUntil().isAfter(now)) {
                    yield "private";
                }
                if (story.publishedAt() != null && story.publishedAt().isAfter(now)) {
                    yield "future";
                }
                yield "publish";
            }
        };
    }

    static String approved(CommentStatus status) {
        return switch (status) {
            case APPROVED -> "1";
            case PENDING -> "0";
            case SPAM -> "spam";
            case REJECTED -> "trash";
        };
    }

    /**
     * WordPress category nicenames are unique, Broadsheet section slugs only under one parent: a
     * slug used twice becomes its path with hyphens ({@code business-europe}), and any clash left
     * gets the section id. The exact path travels in the {@code _broadsheet_path} term meta.
     */
    static Map<Long, String> nicenames(List<Section> sections) {
        Map<String, Integer> uses = new HashMap<>();
        sections.forEach(s -> uses.merge(s.slug(), 1, Integer::sum));
        Set<String> taken = new HashSet<>();
        Map<Long, String> names = new HashMap<>();
        List<Section> later = new ArrayList<>();
        for (Section section : sections) {
            if (uses.getOrDefault(section.slug(), 0) == 1) {
                names.put(section.id(), section.slug());
                taken.add(section.slug());
            } else {
                later.add(section);
            }
        }
        for (Section section : later) {
            String name = section.path().replace('/', '-');
            if (!taken.add(name)) {
                name = name + "-" + section.id();
                taken.add(name);
            }
            names.put(section.id(), name);
        }
        return names;
    }

    /** Walks the comments of one page of stories in (story, id) order, a page of comments at a time. */
    private final class CommentCursor {

        private final List<Long> articleIds;
        private final long maxComment;
        private List<ArchivedComment> batch = List.of();
        private int next;
        private boolean exhausted;
        private long afterArticle;
        private long afterComment;

        CommentCursor(List<Long> articleIds, long maxComment) {
            this.articleIds = articleIds;
            this.maxComment = maxComment;
        }

        /** The comments of this story, oldest id first; stories must be asked for in id order. */
        Iterable<ArchivedComment> on(long articleId) {
            return () -> new java.util.Iterator<>() {
                @Override
                public boolean hasNext() {
                    ArchivedComment head = peek();
                    while (head != null && head.articleId() < articleId) {
                        next++;
                        head = peek();
                    }
                    return head != null && head.articleId() == articleId;
                }

                @Override
                public ArchivedComment next() {
                    if (!hasNext()) {
                        throw new java.util.NoSuchElementException();
                    }
                    return batch.get(next++);
                }
            };
        }

        private @Nullable ArchivedComment peek() {
            if (next < batch.size()) {
                return batch.get(next);
            }
            if (exhausted) {
                return null;
            }
            batch = comments.page(articleIds, afterArticle, afterComment, maxComment, COMMENTS_PER_PAGE);
            next = 0;
            if (batch.size() < COMMENTS_PER_PAGE) {
                exhausted = true;
            }
            if (batch.isEmpty()) {
                return null;
            }
            afterArticle = batch.getLast().articleId();
            afterComment = batch.getLast().id();
            return batch.getFirst();
        }
    }

    private static final class Counts {
        long tags;
        long attachments;
        long stories;
        long pages;
        long comments;
    }
}
