package news.broadsheet.importer.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import news.broadsheet.account.Accounts;
import news.broadsheet.account.Role;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.article.Articles;
import news.broadsheet.article.EditArticle;
import news.broadsheet.article.EditorialDesk;
import news.broadsheet.article.ImportOutcome;
import news.broadsheet.article.ImportStory;
import news.broadsheet.article.ImportUpdate;
import news.broadsheet.article.ImportedText;
import news.broadsheet.author.Author;
import news.broadsheet.author.Authors;
import news.broadsheet.comment.CommentStatus;
import news.broadsheet.comment.Comments;
import news.broadsheet.comment.ImportedComment;
import news.broadsheet.importer.ImportOptions;
import news.broadsheet.importer.ImportProgress;
import news.broadsheet.importer.ImportReport;
import news.broadsheet.media.ImageRejectedException;
import news.broadsheet.media.ImageUpload;
import news.broadsheet.media.MediaLibrary;
import news.broadsheet.media.StoredImage;
import news.broadsheet.section.Section;
import news.broadsheet.section.Sections;
import news.broadsheet.shared.Actor;
import news.broadsheet.shared.Slugs;
import news.broadsheet.shared.Text;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One import of one file. Three streaming passes: a check (well-formed, counted) before anything
 * is written; then authors, categories, tags and attachments; then posts, pages and their
 * comments, committed in batches. Only maps of WordPress ids to ours for authors and terms are
 * kept in memory; posts and comments are looked up in the ledger.
 */
public final class ImportRun {

    private static final Logger log = LoggerFactory.getLogger(ImportRun.class);
    private static final int BATCH_ITEMS = 200;
    private static final int BATCH_COMMENTS = 2000;
    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** What an import works through. */
    public record Services(
            Sections sections,
            Authors authors,
            Accounts accounts,
            Articles articles,
            EditorialDesk desk,
            Comments comments,
            MediaLibrary media,
            ImportLedger ledger,
            java.util.function.Predicate<String> topLevelTaken,
            TransactionTemplate transactions,
            Clock clock,
            @Nullable PagePort pages) {}

    private final Services s;
    private final Path file;
    private final ImportOptions options;
    private final Actor actor;
    private final ImportProgress progress;

    private Wxr.Site site = new Wxr.Site("", "", "", "", "");
    private String siteKey = "unknown-site";
    private final Map<String, Long> authorByLogin = new HashMap<>();
    private final Map<String, Long> sectionByNicename = new HashMap<>();
    private final Map<String, String> categoryWpPath = new HashMap<>();
    private final Set<String> knownTagSlugs = new HashSet<>();
    private @Nullable Long fallbackSection;
    private long fakeIds = -1;

    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private final List<ImportReport.Skipped> skipped = new ArrayList<>();
    private long skippedNotListed;
    private final Map<String, Integer> shortcodes = new TreeMap<>();
    /**
     * A dry run's attachments, by WordPress id, as the import would have recorded them (without an
     * image: none is stored), so that galleries after them change a story as they would for real.
     */
    private final Map<String, DryRunAttachment> wouldRecord = new LinkedHashMap<>();
    /** The same, by the WordPress id of the post each is attached to. */
    private final Map<String, List<ImportLedger.Attachment>> wouldRecordByParent = new HashMap<>();

    /** What a dry run would have written so far, where the import finds it in its ledger. */
    private final Planned planned = new Planned();

    /**
     * A dry run's memory of what it would have stored (stories, pages, comments by WordPress id;
     * stories by guid; pages updated), with the fake id given, only ids so that it stays small. A
     * batch's entries count once the batch would have committed: a batch that fails is retried
     * item by item, as the import retries it after its rollback.
     */
    private static final class Planned {
        private final Map<String, Long> committed = new HashMap<>();
        private final Map<String, Long> inBatch = new HashMap<>();

        @Nullable
        Long get(String key) {
            Long id = inBatch.get(key);
            return id != null ? id : committed.get(key);
        }

        /** Remembers the key; false when it was already there. */
        boolean add(String key, long id) {
            if (get(key) != null) {
                return false;
            }
            inBatch.put(key, id);
            return true;
        }

        void commit() {
            committed.putAll(inBatch);
            inBatch.clear();
        }

        void forget() {
            inBatch.clear();
        }
    }

    private record DryRunAttachment(String parentWpId, ImportLedger.Attachment attachment, boolean stored) {}

    private final List<String> notes = new ArrayList<>();
    private long notesNotListed;
    private long done;
    private long statisticsRefreshedAt = 250;
    private long total;

    public ImportRun(Services services, Path file, ImportOptions options, Actor actor, ImportProgress progress) {
        this.s = services;
        this.file = file;
        this.options = options;
        this.actor = actor;
        this.progress = progress;
        for (String kind : ImportReport.KINDS) {
            counts.put(kind, new long[5]);
        }
        counts.put("other", new long[5]);
    }

    /**
     * Runs the import.
     *
     * @throws news.broadsheet.importer.MalformedExportException before anything is written
     */
    public ImportReport run() throws IOException {
        Instant start = Instant.now();
        progress.checking();
        scan();
        progress.started(total);
        List<Wxr.Author> authors = new ArrayList<>();
        List<Wxr.Category> categories = new ArrayList<>();
        List<Wxr.Tag> tags = new ArrayList<>();
        WxrReader.read(file, new WxrReader.Handler() {
            @Override
            public void site(Wxr.Site found) {
                site = found;
                siteKey = found.root();
            }

            @Override
            public void author(Wxr.Author author) {
                authors.add(author);
            }

            @Override
            public void category(Wxr.Category category) {
                categories.add(category);
            }

            @Override
            public void tag(Wxr.Tag tag) {
                tags.add(tag);
            }

            @Override
            public void item(Wxr.Item item) {
                if ("attachment".equals(item.postType())) {
                    attachment(item);
                    advance();
                }
            }
        });
        importAuthors(authors);
        importSections(categories);
        importTags(tags);
        List<Wxr.Item> batch = new ArrayList<>();
        int[] batchComments = {0};
        WxrReader.read(file, new WxrReader.Handler() {
            @Override
            public void item(Wxr.Item item) {
                if ("attachment".equals(item.postType())) {
                    return;
                }
                batch.add(item);
                batchComments[0] += item.comments().size();
                if (batch.size() >= BATCH_ITEMS || batchComments[0] >= BATCH_COMMENTS) {
                    flush(batch);
                    batchComments[0] = 0;
                }
            }
        });
        flush(batch);
        Map<String, ImportReport.Counts> result = new LinkedHashMap<>();
        counts.forEach((kind, c) -> result.put(kind, new ImportReport.Counts(c[0], c[1], c[2], c[3], c[4])));
        if (notesNotListed > 0) {
            notes.add("... and " + notesNotListed + " more notes");
        }
        return new ImportReport(
                siteKey,
                options.dryRun(),
                result,
                List.copyOf(skipped),
                skippedNotListed,
                Map.copyOf(shortcodes),
                List.copyOf(notes),
                Duration.between(start, Instant.now()));
    }

    // ---- The check: well-formed, and what the file holds. ----

    private void scan() throws IOException {
        Set<String> categories = new HashSet<>();
        Set<String> tags = new HashSet<>();
        Set<String> logins = new HashSet<>();
        long[] totals = new long[1];
        WxrReader.read(file, new WxrReader.Handler() {
            @Override
            public void author(Wxr.Author author) {
                logins.add(author.login());
            }

            @Override
            public void category(Wxr.Category category) {
                categories.add(category.nicename());
            }

            @Override
            public void tag(Wxr.Tag tag) {
                tags.add(tag.slug());
            }

            @Override
            public void item(Wxr.Item item) {
                totals[0]++;
                String kind = kindOf(item);
                c(kind)[0]++;
                for (Wxr.Term term : item.terms()) {
                    if ("category".equals(term.domain())) {
                        categories.add(term.nicename().isEmpty() ? term.name() : term.nicename());
                    } else if ("post_tag".equals(term.domain())) {
                        tags.add(term.nicename().isEmpty() ? term.name() : term.nicename());
                    }
                }
                if (kind.equals("stories") || kind.equals("pages")) {
                    if (!item.creator().isBlank()) {
                        logins.add(item.creator());
                    }
                }
                c("comments")[0] += item.comments().size();
            }
        });
        total = totals[0];
        c("sections")[0] = categories.size();
        c("tags")[0] = tags.size();
        c("authors")[0] = logins.size();
        c("accounts")[0] = options.createAccounts() ? logins.size() : 0;
    }

    private static String kindOf(Wxr.Item item) {
        return switch (item.postType()) {
            case "post" -> "stories";
            case "page" -> "pages";
            case "attachment" -> "images";
            default -> "other";
        };
    }

    private void advance() {
        done++;
        if (done % 50 == 0 || done == total) {
            progress.advanced(done);
        }
    }

    // ---- Report bookkeeping. ----

    private long[] c(String kind) {
        return java.util.Objects.requireNonNull(counts.get(kind), kind);
    }

    private void imported(String kind) {
        c(kind)[1]++;
    }

    private void alreadyThere(String kind) {
        c(kind)[2]++;
    }

    private void skip(String kind, String wpId, String title, String reason) {
        c(kind)[3]++;
        if (skipped.size() < ImportReport.MAX_LISTED) {
            skipped.add(new ImportReport.Skipped(kind, wpId, clip(title, 120), reason));
        } else {
            skippedNotListed++;
        }
    }

    private void note(String note) {
        if (notes.size() < 200) {
            notes.add(note);
        } else {
            notesNotListed++;
        }
    }

    private long fakeId() {
        return fakeIds--;
    }

    // ---- Authors and accounts. ----

    private void importAuthors(List<Wxr.Author> authors) {
        for (Wxr.Author author : authors) {
            if (author.login().isBlank() || authorByLogin.containsKey(author.login())) {
                continue;
            }
            author(author.login(), author);
        }
    }

    /** The byline for this login, made (and recorded) if this is its first appearance. */
    private long author(String login, Wxr.@Nullable Author declared) {
        Long known = authorByLogin.get(login);
        if (known != null) {
            return known;
        }
        Optional<Long> mapped = s.ledger().find(siteKey, "author", login);
        if (mapped.isPresent()) {
            alreadyThere("authors");
            authorByLogin.put(login, mapped.get());
            if (options.createAccounts()) {
                account(login, declared, mapped.get());
            }
            return mapped.get();
        }
        String name = declared == null
                ? ""
                : Text.withoutControlCharacters(declared.displayName()).strip();
        if (name.isEmpty() && declared != null) {
            name = (declared.firstName() + " " + declared.lastName()).strip();
        }
        if (name.isEmpty()) {
            name = login;
        }
        name = clip(name, 120);
        long id;
        if (options.dryRun()) {
            id = fakeId();
        } else {
            String byline = name;
            Long made = s.transactions().execute(tx -> {
                String base = Slugs.from(login).isEmpty() ? Slugs.from(byline) : Slugs.from(login);
                if (base.isEmpty()) {
                    base = "author";
                }
                String slug = base;
                for (int n = 2; s.authors().bySlug(slug).isPresent(); n++) {
                    slug = clip(base, 90) + "-" + n;
                }
                Author author = s.authors().create(slug, byline, "");
                s.ledger()
                        .record(
                                siteKey,
                                "author",
                                login,
                                author.id(),
                                null,
                                null,
                                null,
                                s.clock().instant());
                return author.id();
            });
            id = java.util.Objects.requireNonNull(made);
        }
        imported("authors");
        authorByLogin.put(login, id);
        if (options.createAccounts()) {
            account(login, declared, id);
        }
        return id;
    }

    private void account(String login, Wxr.@Nullable Author declared, long authorId) {
        if (s.ledger().find(siteKey, "account", login).isPresent()) {
            alreadyThere("accounts");
            return;
        }
        String email = declared == null ? "" : declared.email().strip();
        if (email.isEmpty()) {
            skip("accounts", login, login, "no email address in the export");
            return;
        }
        String username = login.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        if (username.length() < 3) {
            username = username + "-wp";
        }
        String displayName = declared == null || declared.displayName().isBlank() ? login : declared.displayName();
        if (options.dryRun()) {
            if (s.accounts().byUsername(username).isPresent()) {
                skip("accounts", login, login, "the username " + username + " is taken");
            } else {
                imported("accounts");
            }
            return;
        }
        String name = username;
        try {
            // Its own transaction: a refusal must not roll back the author made with it.
            var account = s.transactions()
                    .execute(tx ->
                            s.accounts().createDisabled(name, clip(displayName, 120), email, Role.REPORTER, actor));
            if (account != null) {
                s.transactions().executeWithoutResult(tx -> {
                    s.authors().linkAccount(authorId, account.id(), actor);
                    s.ledger()
                            .record(
                                    siteKey,
                                    "account",
                                    login,
                                    account.id(),
                                    null,
                                    null,
                                    null,
                                    s.clock().instant());
                });
                imported("accounts");
            }
        } catch (news.broadsheet.account.AccountException e) {
            skip("accounts", login, login, String.valueOf(e.getMessage()));
        }
    }

    // ---- Categories and tags. ----

    private void importSections(List<Wxr.Category> categories) {
        Map<String, Wxr.Category> byNicename = new LinkedHashMap<>();
        for (Wxr.Category category : categories) {
            byNicename.putIfAbsent(category.nicename(), category);
        }
        Set<String> visiting = new HashSet<>();
        for (Wxr.Category category : byNicename.values()) {
            section(category, byNicename, visiting);
        }
    }

    /** The section for this category, parents first. */
    private @Nullable Long section(Wxr.Category category, Map<String, Wxr.Category> all, Set<String> visiting) {
        String nicename = category.nicename();
        if (sectionByNicename.containsKey(nicename)) {
            return sectionByNicename.get(nicename);
        }
        if (!visiting.add(nicename)) {
            return null;
        }
        Long parentId = null;
        String wpPath = nicename;
        Wxr.Category parent = category.parent().isBlank() ? null : all.get(category.parent());
        if (parent != null) {
            parentId = section(parent, all, visiting);
            wpPath = categoryWpPath.getOrDefault(parent.nicename(), parent.nicename()) + "/" + nicename;
        }
        categoryWpPath.put(nicename, wpPath);
        Long parentSection = parentId;
        Long id;
        try {
            id = s.transactions().execute(tx -> createSection(category, parentSection));
        } catch (IllegalArgumentException e) {
            skip("sections", nicename, category.name(), String.valueOf(e.getMessage()));
            id = null;
        }
        if (id != null) {
            sectionByNicename.put(nicename, id);
            redirectSection("/category/" + wpPath + "/", id);
            if (!category.termId().isBlank()) {
                redirectSection("/?cat=" + category.termId(), id);
            }
        }
        return id;
    }

    private void redirectSection(String path, long id) {
        if (!options.dryRun() && id > 0) {
            s.transactions().executeWithoutResult(tx -> s.ledger().redirect(path, "section", id));
        }
    }

    private @Nullable Long createSection(Wxr.Category category, @Nullable Long parentId) {
        String key = category.nicename();
        Optional<Long> mapped = s.ledger().find(siteKey, "section", key);
        if (mapped.isPresent()) {
            alreadyThere("sections");
            return mapped.get();
        }
        String name = clip(Text.withoutControlCharacters(category.name()).strip(), 200);
        if (name.isEmpty()) {
            name = decode(key);
        }
        String slug = Slugs.from(decode(key));
        if (slug.isEmpty()) {
            slug = Slugs.from(name);
        }
        if (slug.isEmpty()) {
            slug = "category-" + Slugs.from(category.termId().isBlank() ? "x" : category.termId());
        }
        Section parent = parentId == null || parentId < 0
                ? null
                : s.sections().byId(parentId).orElse(null);
        if (parent == null
                && (Sections.RESERVED_SLUGS.contains(slug) || s.topLevelTaken().test(slug))) {
            // The address belongs to the site or a page: the section takes the next free one.
            String base = clip(slug, 90);
            slug = base + "-section";
            for (int n = 2; s.topLevelTaken().test(slug) && n < 50; n++) {
                slug = base + "-section-" + n;
            }
        }
        if (name.isEmpty()) {
            name = slug;
        }
        String path = parent == null ? slug : parent.path() + "/" + slug;
        if (parentId != null && parentId < 0) {
            // Dry run: the parent was not made.
            imported("sections");
            return fakeId();
        }
        Optional<Section> existing = s.sections().byPath(path);
        long id;
        if (existing.isPresent()) {
            id = existing.get().id();
            note("category " + key + " joined the existing section /" + path);
        } else if (path.length() > 400) {
            skip("sections", key, name, "nested too deep for an address");
            return null;
        } else if (options.dryRun()) {
            id = fakeId();
        } else {
            String description =
                    clip(Text.withoutControlCharacters(WordPressBody.plainText(category.description())), 2000);
            id = s.sections().create(parent, slug, name, description).id();
        }
        if (!options.dryRun()) {
            s.ledger()
                    .record(
                            siteKey,
                            "section",
                            key,
                            id,
                            null,
                            null,
                            null,
                            s.clock().instant());
        }
        imported("sections");
        return id;
    }

    private void importTags(List<Wxr.Tag> tags) {
        s.transactions().executeWithoutResult(tx -> {
            for (Wxr.Tag tag : tags) {
                tag(tag.slug(), tag.name(), tag.termId());
            }
        });
    }

    /** Makes sure the tag exists and its old addresses redirect; call inside a transaction. */
    private void tag(String wpSlug, String name, String termId) {
        String key = wpSlug.isBlank() ? Slugs.from(name) : wpSlug;
        if (key.isEmpty() || !knownTagSlugs.add(key)) {
            return;
        }
        if (s.ledger().find(siteKey, "tag", key).isPresent()) {
            alreadyThere("tags");
            return;
        }
        String clean = clip(Text.withoutControlCharacters(name).strip(), 200);
        if (Slugs.from(clean).isEmpty()) {
            skip("tags", key, name, "the name makes no address");
            return;
        }
        if (options.dryRun()) {
            imported("tags");
            return;
        }
        var created = s.articles().ensureTag(clean);
        if (created.isEmpty()) {
            skip("tags", key, name, "not a usable tag name");
            return;
        }
        long id = created.get().id();
        s.ledger().record(siteKey, "tag", key, id, null, null, null, s.clock().instant());
        s.ledger().redirect("/tag/" + key + "/", "tag", id);
        s.ledger().redirect("/?tag=" + key, "tag", id);
        imported("tags");
    }

    // ---- Attachments. ----

    private void attachment(Wxr.Item item) {
        String wpId = item.postId();
        if (wpId.isBlank()) {
            skip("images", "?", item.title(), "no post id");
            return;
        }
        if (s.ledger().find(siteKey, "attachment", wpId).isPresent() || wouldRecord.containsKey(wpId)) {
            alreadyThere("images");
            return;
        }
        String url = item.attachmentUrl().isBlank() ? item.guid() : item.attachmentUrl();
        String relative = item.meta().getOrDefault("_wp_attached_file", "");
        if (relative.isBlank()) {
            int at = url.indexOf("/wp-content/uploads/");
            relative = at < 0 ? "" : url.substring(at + "/wp-content/uploads/".length());
        }
        relative = decode(relative);
        long imageId = 0;
        Path media = options.mediaDir();
        if (media == null) {
            skip("images", wpId, item.title(), "no media folder given (--media); the original address is kept");
        } else if (relative.isBlank()) {
            skip("images", wpId, item.title(), "the export does not say which file it is");
        } else {
            Path root = media.toAbsolutePath().normalize();
            Path source = root.resolve(relative).normalize();
            if (!source.startsWith(root) || !Files.isRegularFile(source)) {
                skip("images", wpId, item.title(), "file not found: " + relative);
            } else {
                try {
                    String alt = item.meta()
                            .getOrDefault("_wp_attachment_image_alt", "")
                            .strip();
                    if (alt.isEmpty()) {
                        alt = item.title().isBlank() ? source.getFileName().toString() : item.title();
                    }
                    ImageUpload upload = new ImageUpload(
                            source.getFileName().toString(),
                            Files.readAllBytes(source),
                            clip(oneLine(alt), 300),
                            clip(oneLine(WordPressBody.plainText(item.excerpt())), 500),
                            "");
                    if (options.dryRun()) {
                        // The library's own checks, so that a file it would refuse is counted as refused.
                        s.media().check(upload);
                        wouldRecord(new DryRunAttachment(
                                item.postParent(), new ImportLedger.Attachment(wpId, 0, url), true));
                    } else {
                        imageId = s.media()
                                .store(upload, actor.accountId() == null ? 0 : actor.accountId())
                                .id();
                    }
                    imported("images");
                } catch (ImageRejectedException e) {
                    skip("images", wpId, item.title(), relative + ": " + e.getMessage());
                } catch (IOException e) {
                    skip("images", wpId, item.title(), relative + ": cannot be read (" + e.getMessage() + ")");
                }
            }
        }
        if (options.dryRun()) {
            if (!wouldRecord.containsKey(wpId)) {
                wouldRecord(new DryRunAttachment(item.postParent(), new ImportLedger.Attachment(wpId, 0, url), false));
            }
        } else {
            long target = imageId;
            String source = url;
            s.transactions()
                    .executeWithoutResult(tx -> s.ledger()
                            .record(
                                    siteKey,
                                    "attachment",
                                    wpId,
                                    target,
                                    item.guid(),
                                    item.postParent(),
                                    source,
                                    s.clock().instant()));
        }
    }

    private void wouldRecord(DryRunAttachment attachment) {
        wouldRecord.put(attachment.attachment().wpId(), attachment);
        wouldRecordByParent
                .computeIfAbsent(attachment.parentWpId(), parent -> new ArrayList<>())
                .add(attachment.attachment());
    }

    // ---- Posts, pages and comments, in batches. ----

    private void flush(List<Wxr.Item> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Wxr.Item> items = List.copyOf(batch);
        batch.clear();
        Map<String, long[]> before = snapshot();
        int skippedBefore = skipped.size();
        long notListedBefore = skippedNotListed;
        int notesBefore = notes.size();
        long notesNotListedBefore = notesNotListed;
        try {
            s.transactions().executeWithoutResult(tx -> writeBatch(items));
            planned.commit();
        } catch (RuntimeException e) {
            // Something in the batch broke the transaction: undo its counts, then go one by one.
            log.warn("Import batch failed ({}); retrying its items one at a time", e.toString());
            planned.forget();
            restore(before);
            while (skipped.size() > skippedBefore) {
                skipped.removeLast();
            }
            skippedNotListed = notListedBefore;
            // Its notes too: the items say them again one by one.
            while (notes.size() > notesBefore) {
                notes.removeLast();
            }
            notesNotListed = notesNotListedBefore;
            for (Wxr.Item item : items) {
                Map<String, long[]> one = snapshot();
                try {
                    s.transactions().executeWithoutResult(tx -> writeBatch(List.of(item)));
                    planned.commit();
                } catch (RuntimeException failed) {
                    planned.forget();
                    restore(one);
                    skip(kindOf(item), item.postId(), item.title(), "could not be stored: " + failed.getMessage());
                }
            }
        }
        for (int i = 0; i < items.size(); i++) {
            advance();
        }
        progress.advanced(done);
        if (done >= statisticsRefreshedAt * 4 && !options.dryRun()) {
            // The ledger has grown fourfold since the planner last looked: a few times per import.
            statisticsRefreshedAt = done;
            s.ledger().refreshStatistics();
        }
    }

    /** A story waiting for the batch's one insert of stories. */
    private static final class PendingStory {
        final Wxr.Item item;
        final ImportStory story;
        final String headline;

        @Nullable
        Long id;

        PendingStory(Wxr.Item item, ImportStory story, String headline) {
            this.item = item;
            this.story = story;
            this.headline = headline;
        }
    }

    /** A post's text from this export, for the story an earlier import stored it as. */
    private record ExportedText(Wxr.Item item, ImportedText text) {}

    /** An item's comments, for the story it is (or will be, once its batch is stored). */
    private record CommentsOf(
            Wxr.Item item, long storyId, @Nullable PendingStory pending) {}

    /**
     * What one batch transaction is writing. Stories, comments, ledger rows and redirects are
     * stored a statement per kind per batch, not per item; later items of the batch see earlier
     * ones through these maps.
     */
    private static final class Batch {
        final Map<String, Long> storiesByWpId = new HashMap<>();
        final Map<String, Long> storiesByGuid = new HashMap<>();
        final Map<String, PendingStory> pendingByWpId = new HashMap<>();
        final Map<String, PendingStory> pendingByGuid = new HashMap<>();
        final List<PendingStory> pending = new ArrayList<>();
        final List<ExportedText> texts = new ArrayList<>();
        final List<CommentsOf> comments = new ArrayList<>();
        final List<ImportLedger.Entry> ledger = new ArrayList<>();
        final List<ImportLedger.Redirect> redirects = new ArrayList<>();
    }

    private Batch batch = new Batch();

    private void writeBatch(List<Wxr.Item> items) {
        batch = new Batch();
        List<Wxr.Item> posts =
                items.stream().filter(item -> "post".equals(item.postType())).toList();
        if (!posts.isEmpty()) {
            batch.storiesByWpId.putAll(s.ledger()
                    .findAll(
                            siteKey,
                            "story",
                            posts.stream().map(Wxr.Item::postId).toList()));
            List<String> guids = posts.stream()
                    .map(Wxr.Item::guid)
                    .filter(guid -> !guid.isBlank())
                    .toList();
            batch.storiesByGuid.putAll(s.ledger().findAllByGuid(siteKey, "story", guids));
        }
        items.forEach(this::item);
        storePendingStories();
        updateStoredStories();
        storeComments();
        if (!options.dryRun()) {
            Instant now = s.clock().instant();
            s.ledger().recordAll(siteKey, batch.ledger, now);
            s.ledger().redirectAll(batch.redirects);
        }
    }

    private void storePendingStories() {
        if (batch.pending.isEmpty()) {
            return;
        }
        List<ImportStory> stories =
                batch.pending.stream().map(pending -> pending.story).toList();
        // A dry run checks the stories as the import would, so it refuses what the import would.
        List<ImportOutcome> outcomes =
                options.dryRun() ? s.desk().checkImports(stories) : s.desk().importStories(actor, stories);
        for (int i = 0; i < outcomes.size(); i++) {
            PendingStory pending = batch.pending.get(i);
            ImportOutcome outcome = outcomes.get(i);
            Wxr.Item item = pending.item;
            String wpId = item.postId();
            if (outcome.id() == null) {
                skip(
                        "stories",
                        wpId,
                        pending.headline,
                        String.join("; ", outcome.errors().values()));
                continue;
            }
            long id = options.dryRun() ? fakeId() : outcome.id();
            pending.id = id;
            if (options.dryRun()) {
                planned.add("story:" + wpId, id);
                if (!item.guid().isBlank()) {
                    planned.add("story-guid:" + ImportLedger.clip(item.guid(), 1000), id);
                }
            }
            batch.ledger.add(new ImportLedger.Entry("story", wpId, id, blankToNull(item.guid()), null, null));
            for (String path : oldPaths(item.link())) {
                batch.redirects.add(new ImportLedger.Redirect(path, "story", id));
            }
            if (!wpId.isBlank()) {
                batch.redirects.add(new ImportLedger.Redirect("/?p=" + wpId, "story", id));
            }
            imported("stories");
        }
    }

    private Map<String, long[]> snapshot() {
        Map<String, long[]> copy = new HashMap<>();
        counts.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    private void restore(Map<String, long[]> snapshot) {
        snapshot.forEach((k, v) -> System.arraycopy(v, 0, c(k), 0, v.length));
    }

    private void item(Wxr.Item item) {
        switch (item.postType()) {
            case "post" -> story(item);
            case "page" -> page(item);
            default -> {
                skip("other", item.postId(), item.title(), "post type " + item.postType() + " is not imported");
                skipComments(item, "its " + item.postType() + " is not imported");
            }
        }
    }

    private void story(Wxr.Item item) {
        String wpId = item.postId();
        if (wpId.isBlank()) {
            // Matched by nothing on a later import, and every such post would be "the same one".
            skip("stories", "?", item.title(), "no post id");
            skipComments(item, "its post was not imported");
            return;
        }
        String guid = item.guid().isBlank() ? null : ImportLedger.clip(item.guid(), 1000);
        Long plannedId = options.dryRun() ? plannedStory(wpId, guid) : null;
        if (plannedId != null) {
            // Stored by an earlier batch of this dry run: the import would find it in its ledger.
            alreadyThere("stories");
            batch.comments.add(new CommentsOf(item, plannedId, null));
            return;
        }
        Long existing = batch.storiesByWpId.get(wpId);
        if (existing == null && guid != null) {
            existing = batch.storiesByGuid.get(guid);
        }
        PendingStory earlier = batch.pendingByWpId.get(wpId);
        if (earlier == null && guid != null) {
            earlier = batch.pendingByGuid.get(guid);
        }
        if (existing != null || earlier != null) {
            alreadyThere("stories");
            if (existing != null) {
                batch.texts.add(new ExportedText(item, exportedText(item, existing)));
            }
            batch.comments.add(new CommentsOf(item, existing == null ? 0 : existing, earlier));
            return;
        }
        ArticleStatus status = switch (item.status()) {
            case "publish" -> ArticleStatus.PUBLISHED;
            case "future" -> ArticleStatus.SCHEDULED;
            case "draft" -> ArticleStatus.DRAFT;
            case "pending" -> ArticleStatus.IN_REVIEW;
            case "private" -> ArticleStatus.UNPUBLISHED;
            default -> null;
        };
        // A Broadsheet export carries the exact status beside WordPress's nearest one.
        String ownStatus = item.meta().get("_broadsheet_status");
        if (ownStatus != null) {
            try {
                status = ArticleStatus.fromDb(ownStatus.strip());
            } catch (IllegalArgumentException e) {
                // Not one of ours: keep WordPress's status.
            }
        }
        if (status == null) {
            skip(
                    "stories",
                    wpId,
                    item.title(),
                    "status " + (item.status().isBlank() ? "(none)" : item.status()) + " is not imported");
            skipComments(item, "its post was not imported");
            return;
        }
        String headline = headline(item);
        WordPressBody.Result body = body(item);
        body.unknownShortcodes().forEach(name -> shortcodes.merge(name, 1, Integer::sum));
        body.notes().forEach(n -> note("post " + wpId + ": " + n));
        if (body.html().length() > 200_000) {
            skip("stories", wpId, headline, "the body is over 200,000 characters");
            skipComments(item, "its post was not imported");
            return;
        }
        List<Long> sectionIds = new ArrayList<>();
        List<String> tagNames = new ArrayList<>();
        for (Wxr.Term term : item.terms()) {
            if ("category".equals(term.domain())) {
                Long section = termSection(term);
                if (section != null && !sectionIds.contains(section)) {
                    sectionIds.add(section);
                }
            } else if ("post_tag".equals(term.domain())) {
                tag(term.nicename(), term.name(), "");
                String name = clip(Text.withoutControlCharacters(term.name()).strip(), 200);
                if (!Slugs.from(name).isEmpty()) {
                    tagNames.add(name);
                }
            }
        }
        List<Long> ownSections = ownSections(item);
        if (!ownSections.isEmpty()) {
            sectionIds = ownSections;
        }
        if (sectionIds.isEmpty()) {
            sectionIds.add(fallbackSection());
        }
        String login = item.creator().isBlank() ? "wordpress" : item.creator();
        long authorId = author(login, null);
        List<Long> bylines = ownBylines(item);
        if (bylines.isEmpty()) {
            bylines = List.of(authorId);
        }
        boolean ours = item.meta().containsKey("_broadsheet_status");
        Instant published = ours ? ownTime(item, "_broadsheet_published_at") : time(item);
        Instant now = s.clock().instant();
        boolean needsTime = status != ArticleStatus.DRAFT
                && status != ArticleStatus.IN_REVIEW
                && !(ours && status == ArticleStatus.UNPUBLISHED);
        Instant publishedAt = published == null && needsTime ? now : published;
        Long leadImage = null;
        String thumbnail = item.meta().get("_thumbnail_id");
        if (thumbnail != null && !thumbnail.isBlank()) {
            leadImage = s.ledger()
                    .find(siteKey, "attachment", thumbnail.strip())
                    .filter(id -> id > 0)
                    .orElse(null);
            DryRunAttachment dryRun = wouldRecord.get(thumbnail.strip());
            if (leadImage == null && !(dryRun != null && dryRun.stored())) {
                note("post " + wpId + ": its featured image (attachment " + thumbnail + ") was not imported");
            }
        }
        String slug = Slugs.from(decode(item.postName()));
        EditArticle content = new EditArticle(
                headline,
                standfirst(item),
                Text.withoutControlCharacters(body.html()),
                slug,
                sectionIds.getFirst(),
                sectionIds.subList(1, sectionIds.size()),
                tagNames,
                bylines,
                blankToNull(item.meta().getOrDefault("_broadsheet_seo_title", "")),
                blankToNull(item.meta().getOrDefault("_broadsheet_seo_description", "")),
                "open".equals(item.commentStatus()));
        ImportStory story = new ImportStory(
                content,
                status,
                publishedAt,
                ours ? orElse(ownTime(item, "_broadsheet_created_at"), publishedAt, now) : orElse(publishedAt, now),
                ours ? orElse(ownTime(item, "_broadsheet_updated_at"), publishedAt, now) : orElse(publishedAt, now),
                leadImage,
                ownTime(item, "_broadsheet_embargo_until"),
                ownTime(item, "_broadsheet_expires_at"),
                ownCorrections(item));
        PendingStory pending = new PendingStory(item, story, headline);
        batch.pending.add(pending);
        batch.pendingByWpId.putIfAbsent(wpId, pending);
        if (guid != null) {
            batch.pendingByGuid.putIfAbsent(guid, pending);
        }
        batch.comments.add(new CommentsOf(item, 0, pending));
    }

    /** A post's body as a story keeps it: Broadsheet's own Markdown where the export carries it. */
    private WordPressBody.Result body(Wxr.Item item) {
        String markdown = item.meta().get("_broadsheet_markdown");
        return markdown != null
                ? new WordPressBody.Result(markdown, List.of(), List.of())
                : WordPressBody.convert(item.content(), galleries(item.postId()));
    }

    private static String standfirst(Wxr.Item item) {
        // Stripped after clipping, as the story stores it: a cut can end on a space.
        return clip(Text.withoutControlCharacters(WordPressBody.plainText(item.excerpt())), 1000)
                .strip();
    }

    /** The text the export carries for a post an earlier import stored as this story. */
    private ImportedText exportedText(Wxr.Item item, long storyId) {
        return new ImportedText(
                storyId,
                headline(item),
                standfirst(item),
                Text.withoutControlCharacters(body(item).html()));
    }

    /**
     * Brings the batch's stories an earlier import stored up to date with this export, where no
     * one has edited them here since; a story edited here keeps its text and the report says so.
     */
    private void updateStoredStories() {
        if (batch.texts.isEmpty()) {
            return;
        }
        List<ImportUpdate> outcomes = s.desk()
                .updateImported(
                        actor, batch.texts.stream().map(ExportedText::text).toList(), options.dryRun());
        for (int i = 0; i < outcomes.size(); i++) {
            ExportedText exported = batch.texts.get(i);
            ImportUpdate outcome = outcomes.get(i);
            String post = "post " + exported.item().postId() + " (\""
                    + clip(exported.text().headline(), 80) + "\")";
            switch (outcome.result()) {
                case UPDATED -> c("stories")[4]++;
                case EDITED_HERE -> notApplied(post, null);
                case REFUSED ->
                    notApplied(post, String.join("; ", outcome.errors().values()));
                case UNCHANGED, GONE -> {
                    // Nothing to do or say: a story deleted here stays deleted.
                }
            }
        }
    }

    /** Notes that an item already imported kept its text: edited here, or (with a reason) refused. */
    private void notApplied(String item, @Nullable String refusal) {
        String notApplied = options.dryRun() ? "would not be applied" : "was not applied";
        note(
                refusal == null
                        ? item + ": edited here since it was imported; its text in this export " + notApplied
                        : item + ": its text in this export " + notApplied + ": " + refusal);
    }

    private static Instant orElse(@Nullable Instant first, @Nullable Instant second, Instant last) {
        return first != null ? first : second != null ? second : last;
    }

    private static Instant orElse(@Nullable Instant first, Instant last) {
        return first != null ? first : last;
    }

    /** The corrections and update notes a Broadsheet export carries, one JSON object per line. */
    private List<ImportStory.Correction> ownCorrections(Wxr.Item item) {
        List<ImportStory.Correction> corrections = new ArrayList<>();
        for (String line : lines(item.meta().getOrDefault("_broadsheet_correction", ""))) {
            try {
                var value = JSON.readTree(line);
                String kind = value.path("kind").asText("");
                String text = value.path("text").asText("");
                Instant at = Instant.parse(value.path("publishedAt").asText(""));
                if ((kind.equals("correction") || kind.equals("update")) && !text.isBlank()) {
                    corrections.add(new ImportStory.Correction(kind, text, at));
                    continue;
                }
            } catch (RuntimeException e) {
                // Not one of ours: reported below.
            }
            note("post " + item.postId() + ": a correction it carries could not be read and was left out");
        }
        return corrections;
    }

    /** The sections a Broadsheet export names by path (primary first), where this site has them. */
    private List<Long> ownSections(Wxr.Item item) {
        List<Long> ids = new ArrayList<>();
        String primary = item.meta().get("_broadsheet_section");
        if (primary == null) {
            return ids;
        }
        List<String> paths = new ArrayList<>();
        paths.add(primary);
        paths.addAll(lines(item.meta().getOrDefault("_broadsheet_extra_section", "")));
        for (String path : paths) {
            s.sections().byPath(path.strip()).ifPresent(section -> {
                if (!ids.contains(section.id())) {
                    ids.add(section.id());
                }
            });
        }
        return ids;
    }

    /** The bylines a Broadsheet export names by slug, in order, where this site has them. */
    private List<Long> ownBylines(Wxr.Item item) {
        List<Long> ids = new ArrayList<>();
        if (options.dryRun()) {
            return ids;
        }
        for (String slug : lines(item.meta().getOrDefault("_broadsheet_byline", ""))) {
            s.authors().bySlug(slug.strip()).ifPresent(author -> {
                if (!ids.contains(author.id())) {
                    ids.add(author.id());
                }
            });
        }
        return ids;
    }

    private static List<String> lines(String value) {
        return value.isBlank() ? List.of() : List.of(value.split("\n"));
    }

    private static @Nullable Instant ownTime(Wxr.Item item, String key) {
        return parseInstant(item.meta().get(key));
    }

    private static @Nullable Instant parseInstant(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private @Nullable Long plannedStory(String wpId, @Nullable String guid) {
        Long id = planned.get("story:" + wpId);
        return id != null || guid == null ? id : planned.get("story-guid:" + guid);
    }

    private void page(Wxr.Item item) {
        PagePort pages = s.pages();
        if (pages == null) {
            skip("pages", item.postId(), item.title(), "pages not supported yet");
            skipComments(item, "comments on pages are not imported");
            return;
        }
        String wpId = item.postId();
        if (wpId.isBlank()) {
            skip("pages", "?", item.title(), "no post id");
            skipComments(item, "comments on pages are not imported");
            return;
        }
        Optional<Long> existing = s.ledger().find(siteKey, "page", wpId);
        if (existing.isEmpty() && planned.get("page:" + wpId) != null) {
            // The same page again in a dry run: the import would find the first in its ledger.
            existing = Optional.of(0L);
        }
        if (existing.isPresent()) {
            alreadyThere("pages");
            if (existing.get() > 0) {
                updatePage(pages, existing.get(), item);
            }
            skipComments(item, "comments on pages are not imported");
            return;
        }
        String ownStatus = item.meta().getOrDefault("_broadsheet_status", "");
        boolean ours = ownStatus.equals("published") || ownStatus.equals("draft");
        boolean published = ours ? ownStatus.equals("published") : "publish".equals(item.status());
        if (!ours
                && !published
                && !"draft".equals(item.status())
                && !"pending".equals(item.status())
                && !"private".equals(item.status())) {
            skip("pages", wpId, item.title(), "status " + item.status() + " is not imported");
            skipComments(item, "its page was not imported");
            return;
        }
        WordPressBody.Result body = pageBody(item);
        body.unknownShortcodes().forEach(name -> shortcodes.merge(name, 1, Integer::sum));
        body.notes().forEach(n -> note("page " + wpId + ": " + n));
        PagePort.ImportedPage page = importedPage(item, body, published);
        long id = 0;
        try {
            // A dry run refuses what the import would, and writes nothing.
            if (options.dryRun()) {
                pages.check(page);
            } else {
                id = pages.create(page, actor);
            }
        } catch (IllegalArgumentException e) {
            skip("pages", wpId, item.title(), String.valueOf(e.getMessage()));
            skipComments(item, "its page was not imported");
            return;
        }
        if (options.dryRun()) {
            planned.add("page:" + wpId, 0);
        } else {
            Instant now = s.clock().instant();
            s.ledger().record(siteKey, "page", wpId, id, blankToNull(item.guid()), null, null, now);
            for (String path : oldPaths(item.link())) {
                s.ledger().redirect(path, "page", id);
            }
            s.ledger().redirect("/?page_id=" + wpId, "page", id);
            s.ledger().redirect("/?p=" + wpId, "page", id);
        }
        imported("pages");
        skipComments(item, "comments on pages are not imported");
    }

    /** A page's body: a Broadsheet export carries the page's exact source, Markdown or HTML. */
    private WordPressBody.Result pageBody(Wxr.Item item) {
        String markdown = item.meta().get("_broadsheet_markdown");
        String html = item.meta().get("_broadsheet_html");
        return markdown != null
                ? new WordPressBody.Result(markdown, List.of(), List.of())
                : html != null
                        ? new WordPressBody.Result(html, List.of(), List.of())
                        : WordPressBody.convert(item.content(), galleries(item.postId()));
    }

    private PagePort.ImportedPage importedPage(Wxr.Item item, WordPressBody.Result body, boolean published) {
        String ownStatus = item.meta().getOrDefault("_broadsheet_status", "");
        boolean ours = ownStatus.equals("published") || ownStatus.equals("draft");
        Instant time = ours ? ownTime(item, "_broadsheet_published_at") : time(item);
        return new PagePort.ImportedPage(
                headline(item),
                Slugs.from(decode(item.postName())),
                body.html(),
                published,
                time,
                time == null ? s.clock().instant() : time,
                null,
                item.meta().get("_broadsheet_markdown") != null,
                clip(oneLine(WordPressBody.plainText(item.excerpt())), 500),
                "1".equals(item.meta().get("_broadsheet_in_footer")),
                footerPosition(item));
    }

    /**
     * Brings a page an earlier import created up to date with this export, where no one has edited
     * it here since an import wrote it (its status, address and footer place stay).
     */
    private void updatePage(PagePort pages, long pageId, Wxr.Item item) {
        String page = "page " + item.postId() + " (\"" + clip(item.title(), 80) + "\")";
        try {
            switch (pages.update(pageId, importedPage(item, pageBody(item), false), actor, options.dryRun())) {
                case UPDATED -> {
                    // A dry run compares each copy with the page as it is; the import, a second
                    // copy with the page the first made.
                    if (!options.dryRun() || planned.add("page-updated:" + pageId, pageId)) {
                        c("pages")[4]++;
                    }
                }
                case EDITED_HERE -> notApplied(page, null);
                case UNCHANGED, GONE -> {
                    // Nothing to do or say: a page deleted here stays deleted.
                }
            }
        } catch (IllegalArgumentException e) {
            notApplied(page, String.valueOf(e.getMessage()));
        }
    }

    private static int footerPosition(Wxr.Item item) {
        try {
            return Integer.parseInt(
                    item.meta().getOrDefault("_broadsheet_footer_position", "0").strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void skipComments(Wxr.Item item, String reason) {
        for (Wxr.Comment comment : item.comments()) {
            skip("comments", comment.id(), clip(WordPressBody.plainText(comment.content()), 60), reason);
        }
    }

    /** One story's comments on their way in: those stored (WordPress id → ours) and those waiting for a parent. */
    private static final class StoryComments {
        final long storyId;
        final Map<String, Long> stored = new HashMap<>();
        final Map<String, Wxr.Comment> waiting = new LinkedHashMap<>();
        /** Imported before and gone since (erased at the writer's request): never brought back. */
        final Set<String> removed = new HashSet<>();

        StoryComments(long storyId) {
            this.storyId = storyId;
        }
    }

    /** A comment ready to store, and the thread it belongs to. */
    private record Ready(StoryComments thread, Wxr.Comment comment, ImportedComment row) {}

    /**
     * The batch's comments, parents before replies whatever their order in the file: one insert
     * for every comment whose parent is stored, then one for their replies, and so on.
     */
    private void storeComments() {
        if (batch.comments.isEmpty()) {
            return;
        }
        List<String> wpIds = batch.comments.stream()
                .flatMap(of -> of.item().comments().stream())
                .map(Wxr.Comment::id)
                .toList();
        // Read in a dry run too: a comment an earlier import stored is "already there", not "would add".
        Map<String, Long> known = wpIds.isEmpty() ? Map.of() : s.ledger().findAll(siteKey, "comment", wpIds);
        Set<Long> stillStored = new HashSet<>(s.comments().stillStored(known.values()));
        Set<String> claimed = new HashSet<>();
        List<StoryComments> threads = new ArrayList<>();
        for (CommentsOf of : batch.comments) {
            if (of.item().comments().isEmpty()) {
                continue;
            }
            Long storyId = of.pending() == null ? Long.valueOf(of.storyId()) : of.pending().id;
            if (storyId == null) {
                skipComments(of.item(), "its post was not imported");
                continue;
            }
            StoryComments thread = new StoryComments(storyId);
            for (Wxr.Comment comment : of.item().comments()) {
                Long id = known.get(comment.id());
                if (id == null && options.dryRun()) {
                    // Stored by an earlier batch of this dry run: in the import's ledger by now.
                    id = planned.get("comment:" + comment.id());
                    if (id != null) {
                        stillStored.add(id);
                    }
                }
                if (id != null) {
                    if (stillStored.contains(id)) {
                        thread.stored.put(comment.id(), id);
                    } else {
                        thread.removed.add(comment.id());
                    }
                    alreadyThere("comments");
                } else if (!claimed.add(comment.id())) {
                    alreadyThere("comments");
                } else {
                    thread.waiting.putIfAbsent(comment.id(), comment);
                }
            }
            threads.add(thread);
        }
        while (true) {
            List<Ready> round = new ArrayList<>();
            for (StoryComments thread : threads) {
                List<Wxr.Comment> ready = thread.waiting.values().stream()
                        .filter(comment -> {
                            String parent = comment.parent().strip();
                            return parent.isEmpty()
                                    || parent.equals("0")
                                    || thread.stored.containsKey(parent)
                                    || !thread.waiting.containsKey(parent);
                        })
                        .toList();
                for (Wxr.Comment comment : ready) {
                    thread.waiting.remove(comment.id());
                    String parent = comment.parent().strip();
                    boolean root = parent.isEmpty() || parent.equals("0");
                    Long parentId = root ? null : thread.stored.get(parent);
                    if (!root && parentId == null) {
                        note("comment " + comment.id() + ": its parent " + parent
                                + (thread.removed.contains(parent)
                                        ? " was removed from this site since it was imported"
                                        : " is not in the export")
                                + "; shown as a new thread");
                    }
                    commentRow(comment, thread.storyId, parentId == null || parentId < 0 ? null : parentId)
                            .ifPresent(row -> round.add(new Ready(thread, comment, row)));
                }
            }
            if (round.isEmpty()) {
                break;
            }
            store(round);
        }
        // Replies in a loop of parents: each starts a thread of its own.
        List<Ready> loops = new ArrayList<>();
        for (StoryComments thread : threads) {
            for (Wxr.Comment comment : thread.waiting.values()) {
                commentRow(comment, thread.storyId, null).ifPresent(row -> loops.add(new Ready(thread, comment, row)));
            }
            thread.waiting.clear();
        }
        store(loops);
    }

    private void store(List<Ready> comments) {
        if (comments.isEmpty()) {
            return;
        }
        List<Long> ids = options.dryRun()
                ? comments.stream().map(ready -> fakeId()).toList()
                : s.comments().importComments(comments.stream().map(Ready::row).toList());
        for (int i = 0; i < comments.size(); i++) {
            Ready ready = comments.get(i);
            long id = ids.get(i);
            ready.thread().stored.put(ready.comment().id(), id);
            if (options.dryRun()) {
                planned.add("comment:" + ready.comment().id(), id);
            } else {
                batch.ledger.add(
                        new ImportLedger.Entry("comment", ready.comment().id(), id, null, null, null));
            }
            imported("comments");
        }
    }

    /** The comment as it will be stored, or empty (and reported) when it cannot be. */
    private Optional<ImportedComment> commentRow(Wxr.Comment comment, long storyId, @Nullable Long parentId) {
        String body = Text.withoutControlCharacters(WordPressBody.plainText(comment.content()));
        if (body.isBlank()) {
            skip("comments", comment.id(), "", "the comment is empty");
            return Optional.empty();
        }
        CommentStatus status = switch (comment.approved().strip()) {
            case "1", "approve" -> CommentStatus.APPROVED;
            case "spam" -> CommentStatus.SPAM;
            case "trash", "post-trashed" -> CommentStatus.REJECTED;
            default -> CommentStatus.PENDING;
        };
        String name = clip(
                        Text.withoutControlCharacters(WordPressBody.plainText(comment.author()))
                                .strip(),
                        80)
                .strip();
        if (name.isEmpty()) {
            name = "Anonymous";
        }
        String email = comment.email().strip();
        if (email.isEmpty() || email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+")) {
            email = null;
        }
        // A Broadsheet export keeps the exact time beside WordPress's whole seconds.
        Instant at = parseInstant(comment.meta().get("_broadsheet_posted_at"));
        if (at == null) {
            at = wpTime(comment.dateGmt());
        }
        if (at == null) {
            at = wpTime(comment.date());
        }
        if (at == null) {
            at = s.clock().instant();
        }
        boolean featured = "1".equals(comment.meta().get("_broadsheet_featured"));
        return Optional.of(new ImportedComment(storyId, parentId, name, email, body, status, at, featured));
    }

    // ---- Helpers. ----

    private @Nullable Long termSection(Wxr.Term term) {
        String key = term.nicename().isEmpty() ? Slugs.from(term.name()) : term.nicename();
        if (key.isEmpty()) {
            return null;
        }
        Long known = sectionByNicename.get(key);
        if (known != null) {
            return known;
        }
        // A category the export uses but does not declare: a top-level section.
        Long id = createSection(new Wxr.Category("", key, "", term.name(), ""), null);
        if (id != null) {
            sectionByNicename.put(key, id);
            categoryWpPath.put(key, key);
            if (!options.dryRun() && id > 0) {
                s.ledger().redirect("/category/" + key + "/", "section", id);
            }
        }
        return id;
    }

    private long fallbackSection() {
        if (fallbackSection == null) {
            long[] before = c("sections").clone();
            fallbackSection = createSection(new Wxr.Category("", "uncategorized", "", "Uncategorized", ""), null);
            if (fallbackSection == null) {
                throw new IllegalStateException("no section for uncategorised posts");
            }
            // Not a category of the file: it does not count among them.
            System.arraycopy(before, 0, c("sections"), 0, before.length);
            note("posts without a category went to the section Uncategorized");
        }
        return fallbackSection;
    }

    private WordPressBody.Galleries galleries(String postWpId) {
        return new WordPressBody.Galleries() {
            @Override
            public List<WordPressBody.Image> byIds(List<String> ids) {
                List<ImportLedger.Attachment> found = new ArrayList<>(s.ledger().attachments(siteKey, ids));
                // Each once, as the ledger's query gives them.
                for (String id : new java.util.LinkedHashSet<>(ids)) {
                    DryRunAttachment dryRun = wouldRecord.get(id);
                    if (dryRun != null) {
                        found.add(dryRun.attachment());
                    }
                }
                return images(found);
            }

            @Override
            public List<WordPressBody.Image> attachedToPost() {
                List<ImportLedger.Attachment> found = new ArrayList<>(s.ledger().attachmentsOf(siteKey, postWpId));
                found.addAll(wouldRecordByParent.getOrDefault(postWpId, List.of()));
                return images(found);
            }
        };
    }

    private List<WordPressBody.Image> images(List<ImportLedger.Attachment> attachments) {
        Map<Long, StoredImage> stored = s.media()
                .byIds(attachments.stream()
                        .map(ImportLedger.Attachment::imageId)
                        .filter(id -> id > 0)
                        .toList());
        List<WordPressBody.Image> images = new ArrayList<>();
        for (ImportLedger.Attachment attachment : attachments) {
            StoredImage image = stored.get(attachment.imageId());
            if (image != null) {
                images.add(new WordPressBody.Image(image.url(), image.altText()));
            } else if (attachment.sourceUrl() != null && attachment.sourceUrl().matches("https?://\\S+")) {
                images.add(new WordPressBody.Image(attachment.sourceUrl(), ""));
            }
        }
        return images;
    }

    private String headline(Wxr.Item item) {
        // Titles are text (entities decoded), not HTML: "<" in a title is a character.
        String headline = Text.withoutControlCharacters(org.jsoup.parser.Parser.unescapeEntities(item.title(), false))
                .replaceAll("\\s+", " ")
                .strip();
        if (headline.isEmpty()) {
            headline = "Untitled (WordPress " + item.postType() + " " + item.postId() + ")";
        }
        return headline.length() > 300 ? headline.substring(0, 299) + "…" : headline;
    }

    /** The item's publication time: post_date_gmt, else post_date (as UTC), else pubDate. */
    private static @Nullable Instant time(Wxr.Item item) {
        Instant at = wpTime(item.postDateGmt());
        if (at == null) {
            at = wpTime(item.postDate());
        }
        if (at == null && !item.pubDate().isBlank()) {
            try {
                at = ZonedDateTime.parse(item.pubDate().strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
            } catch (RuntimeException e) {
                at = null;
            }
        }
        return at;
    }

    private static @Nullable Instant wpTime(String text) {
        String value = text.strip();
        if (value.isEmpty() || value.startsWith("0000")) {
            return null;
        }
        try {
            return LocalDateTime.parse(value, WP_DATE).toInstant(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The item's old addresses on the WordPress site: its link, relative to the site's root. */
    List<String> oldPaths(String link) {
        List<String> paths = new ArrayList<>();
        String path = relativePath(link, siteKey);
        if (path != null && !path.equals("/")) {
            paths.add(path);
        }
        return paths;
    }

    /** The address relative to the site root (path, plus query if any); null when it is not an address. */
    static @Nullable String relativePath(String link, String siteRoot) {
        if (link.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(link.strip().replace(" ", "%20"));
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            String rootPath = "";
            try {
                String root = URI.create(siteRoot).getRawPath();
                rootPath = root == null ? "" : root;
            } catch (IllegalArgumentException e) {
                rootPath = "";
            }
            while (rootPath.endsWith("/")) {
                rootPath = rootPath.substring(0, rootPath.length() - 1);
            }
            if (!rootPath.isEmpty() && (path.equals(rootPath) || path.startsWith(rootPath + "/"))) {
                path = path.substring(rootPath.length());
            }
            if (!path.startsWith("/")) {
                path = "/" + path;
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String oneLine(String text) {
        return Text.withoutControlCharacters(text).replaceAll("\\s+", " ").strip();
    }

    private static @Nullable String blankToNull(String text) {
        return text.isBlank() ? null : text;
    }

    private static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
