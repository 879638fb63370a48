package news.broadsheet.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import news.broadsheet.article.SearchableArticle;
import news.broadsheet.article.SearchableArticles;
import news.broadsheet.search.SearchIndexStatus;
import news.broadsheet.search.SearchSettings;
import news.broadsheet.shared.SiteSettings;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's Lucene index under {@code <data-dir>/search-index}, and the one thread that writes
 * it. The thread applies the change log (woken after local commits, and polling for changes made
 * on other nodes), and rebuilds: a new index is built beside the live one and swapped in, so
 * searches go on meanwhile. The last applied change is kept in the Lucene commit, so a restarted
 * node carries on where it stopped.
 */
@Component
public class SearchIndex implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final String LAST_SEQ = "lastSeq";
    private static final String REBUILT_AT = "rebuiltAt";
    private static final String REBUILD_MILLIS = "rebuildMillis";
    private static final String FORMAT = "format";
    /** Wall-clock time of the commit, so a copy of it (a snapshot) knows how far back to read the log. */
    private static final String COMMITTED_AT = "committedAt";
    /** Articles handed to a rebuild thread at a time. */
    private static final int REBUILD_CHUNK = 200;
    /** Log entries this recent are read again, in case they committed after a later sequence number. */
    private static final long LATE_COMMIT_WINDOW_MILLIS = 30_000;

    private static final Object WAKE = new Object();
    private static final Object STOP = new Object();
    /** Told by the merge after a rebuild: the merged index is the one to copy for other nodes. */
    private static final Object MERGED = new Object();

    /** The index being searched and written. */
    record Live(Path path, Directory directory, IndexWriter writer, SearcherManager searchers) {}

    private record Rebuild(String reason, CompletableFuture<SearchIndexStatus> done) {}

    private final Path root;
    private final SearchableArticles articles;
    private final ChangeLog changes;
    private final SearchSettings settings;
    /** The index writer's buffer: the setting, within this JVM's heap. */
    private final int ramBufferMb;

    private final SiteSettings site;
    private final RelatedStoriesCache related;
    private final Analyzer analyzer = IndexFields.analyzer();
    /** Analyses the bodies of stories being indexed (see {@link IndexFields#document}). */
    private final Analyzer storyWordsAnalyzer = IndexFields.analyzer();

    private final FacetsConfig facets = IndexFields.facetsConfig();
    private final BlockingQueue<Object> tasks = new LinkedBlockingQueue<>();
    private final Map<Long, Long> recentlyApplied = new HashMap<>();
    private final AtomicLong lastSeq = new AtomicLong();

    private volatile @Nullable Live live;
    /** The live index was built in an older format: searched until its rebuild is live, never written. */
    private volatile boolean liveIsOldFormat;

    private volatile boolean rebuilding;
    private volatile boolean running;
    private volatile @Nullable Thread thread;
    private volatile @Nullable Instant lastRebuild;
    private volatile long lastRebuildMillis;
    private long lastPrune;
    /** Read the change log from this time on in the next round (after opening an index); MAX_VALUE: no. */
    private volatile long catchUpSince = Long.MAX_VALUE;
    /** When the newest snapshot was written; -1 until read from the snapshot folder. */
    private long lastSnapshot = -1;

    /** False for command-line tools: the running site's node owns the index folder. */
    private final boolean enabled;

    SearchIndex(
            @Value("${broadsheet.data-dir}") String dataDir,
            SearchableArticles articles,
            ChangeLog changes,
            SearchSettings settings,
            SiteSettings site,
            RelatedStoriesCache related,
            @Value("${broadsheet.search.index.enabled:true}") boolean enabled) {
        this.enabled = enabled;
        this.root = Path.of(dataDir).resolve("search-index");
        this.articles = articles;
        this.changes = changes;
        this.settings = settings;
        this.ramBufferMb = settings.ramBufferMbWithin(Runtime.getRuntime().maxMemory());
        if (ramBufferMb < settings.ramBufferMb()) {
            log.info(
                    "Search index writer buffer: {} MB (broadsheet.search.ram-buffer-mb is {} MB, more than a quarter"
                            + " of this JVM's heap)",
                    ramBufferMb,
                    settings.ramBufferMb());
        }
        this.site = site;
        this.related = related;
    }

    Analyzer analyzer() {
        return analyzer;
    }

    FacetsConfig facets() {
        return facets;
    }

    /**
     * Opened before the web server takes requests and closed only after it has stopped: Spring stops
     * the highest phase first, and the default phase would close the index while the graceful
     * shutdown is still letting searches in flight finish. After the demo content loader.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 3072;
    }

    @Override
    public boolean isAutoStartup() {
        return enabled;
    }

    /** Opens the newest complete index, or schedules a rebuild when there is none or it is damaged. */
    @Override
    public void start() {
        running = true;
        // A stop() that found the indexer between rounds (or already stopped) leaves its STOP in
        // the queue, where the new indexer would take it first and end at once, applying no
        // changes from then on.
        tasks.removeIf(task -> task == STOP);
        try {
            open();
        } catch (IOException | RuntimeException e) {
            log.warn("Search index unusable ({}); rebuilding it in the background", e.toString());
            var unused = requestRebuild("the index was damaged");
        }
        Thread indexer = Thread.ofPlatform().name("search-indexer").daemon(true).unstarted(this::loop);
        thread = indexer;
        indexer.start();
    }

    private void open() throws IOException {
        Files.createDirectories(root);
        Path newest = null;
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory)
                    .sorted(Comparator.comparing(Path::getFileName).reversed())
                    .toList()) {
                if (newest == null) {
                    try (Directory directory = FSDirectory.open(dir)) {
                        if (DirectoryReader.indexExists(directory)) {
                            newest = dir;
                            continue;
                        }
                    }
                }
                // An unfinished or replaced build: nothing in it is needed.
                IOUtils.rm(dir);
            }
        }
        if (newest == null) {
            newest = restoreSnapshot();
        }
        if (newest == null) {
            log.info("No search index found; building it in the background");
            var unused = requestRebuild("no index was found");
            return;
        }
        Live opened = openLive(newest, IndexWriterConfig.OpenMode.APPEND);
        Map<String, String> data = opened.writer().getLiveCommitData() == null
                ? Map.of()
                : toMap(opened.writer().getLiveCommitData());
        long seq = Long.parseLong(data.getOrDefault(LAST_SEQ, "0"));
        lastRebuild = data.containsKey(REBUILT_AT) ? Instant.ofEpochMilli(Long.parseLong(data.get(REBUILT_AT))) : null;
        lastRebuildMillis = Long.parseLong(data.getOrDefault(REBUILD_MILLIS, "0"));
        // Check the index can be read through, so damage shows now rather than on a reader's search.
        IndexSearcher searcher = opened.searchers().acquire();
        try {
            for (var leaf : searcher.getIndexReader().leaves()) {
                leaf.reader().checkIntegrity();
            }
        } catch (IOException | RuntimeException e) {
            opened.searchers().release(searcher);
            close(opened, true);
            throw e;
        }
        opened.searchers().release(searcher);
        lastSeq.set(seq);
        // What was applied belongs to the index it was applied to (a copied snapshot may be older).
        recentlyApplied.clear();
        // Entries that committed after this index's commit but under a lower number than its last
        // are read again once (the usual window is only the last half minute).
        if (data.containsKey(COMMITTED_AT)) {
            catchUpSince = Long.parseLong(data.get(COMMITTED_AT)) - LATE_COMMIT_WINDOW_MILLIS;
        }
        live = opened;
        long oldest = changes.minSeq();
        if (!IndexFields.FORMAT.equals(data.get(FORMAT))) {
            log.info("Search index is in an older format; rebuilding it");
            liveIsOldFormat = true;
            var unused = requestRebuild("the index format changed");
        } else if (oldest > seq + 1) {
            log.info("Search index is older than the change log ({} < {}); rebuilding it", seq, oldest);
            var unused = requestRebuild("the index was too far behind");
        } else {
            log.info(
                    "Search index opened at {} with {} documents",
                    newest,
                    opened.writer().getDocStats().numDocs);
        }
    }

    private Live openLive(Path path, IndexWriterConfig.OpenMode mode) throws IOException {
        Directory directory = FSDirectory.open(path);
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(mode)
                    .setRAMBufferSizeMB(ramBufferMb)
                    .setCommitOnClose(false);
            IndexWriter writer = new IndexWriter(directory, config);
            return new Live(path, directory, writer, new SearcherManager(writer, null));
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    private static Map<String, String> toMap(Iterable<Map.Entry<String, String>> data) {
        Map<String, String> map = new HashMap<>();
        data.forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    /** Asks the indexer to look at the change log now (after a local commit). */
    public void wake() {
        if (!enabled) {
            return;
        }
        tasks.offer(WAKE);
    }

    /** Starts a rebuild in the background; the future completes when the new index is live. */
    public CompletableFuture<SearchIndexStatus> requestRebuild(String reason) {
        Rebuild rebuild = new Rebuild(reason, new CompletableFuture<>());
        rebuilding = true;
        tasks.offer(rebuild);
        return rebuild.done();
    }

    /** A searcher on the current index, or null while the first build runs. Close it when done. */
    @Nullable
    Acquired acquire() {
        for (int attempt = 0; attempt < 3; attempt++) {
            Live current = live;
            if (current == null) {
                return null;
            }
            try {
                return new Acquired(current.searchers(), current.searchers().acquire());
            } catch (org.apache.lucene.store.AlreadyClosedException e) {
                // Swapped for a rebuilt index this instant: take the new one.
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null;
    }

    /** A searcher and the manager it came from. */
    record Acquired(SearcherManager manager, IndexSearcher searcher) implements AutoCloseable {
        @Override
        public void close() {
            try {
                manager.release(searcher);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public SearchIndexStatus status() {
        Live current = live;
        long documents = current == null ? 0 : current.writer().getDocStats().numDocs;
        return new SearchIndexStatus(
                documents, lastRebuild, lastRebuildMillis, lastSeq.get(), rebuilding, current != null);
    }

    public boolean available() {
        return live != null;
    }

    private void loop() {
        while (running) {
            try {
                Object task = tasks.poll(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                if (!running || task == STOP) {
                    return;
                }
                if (task instanceof Rebuild rebuild) {
                    rebuild(rebuild);
                }
                if (task == MERGED) {
                    // Other nodes' next start copies this one rather than rebuilding.
                    lastSnapshot = 0;
                }
                applyChanges();
                pruneNowAndThen();
                snapshotNowAndThen();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | IOException e) {
                // The next round tries again: the change log keeps what was not applied.
                log.warn("Search indexer round failed: {}", e.toString());
                sleepQuietly();
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Applies change-log entries this node has not applied yet. Runs on the indexer thread only. */
    void applyChanges() throws IOException {
        Live current = live;
        if (current == null || liveIsOldFormat) {
            return;
        }
        long now = changes.now();
        List<ChangeLog.Entry> entries =
                changes.since(lastSeq.get(), Math.min(now - LATE_COMMIT_WINDOW_MILLIS, catchUpSince), 5000);
        if (entries.size() < 5000) {
            catchUpSince = Long.MAX_VALUE;
        }
        Set<Long> ids = new LinkedHashSet<>();
        long maxSeq = lastSeq.get();
        List<Long> appliedSeqs = new ArrayList<>();
        for (ChangeLog.Entry entry : entries) {
            if (recentlyApplied.containsKey(entry.seq())) {
                continue;
            }
            ids.add(entry.articleId());
            appliedSeqs.add(entry.seq());
            maxSeq = Math.max(maxSeq, entry.seq());
        }
        recentlyApplied.values().removeIf(at -> at < now - 2 * LATE_COMMIT_WINDOW_MILLIS);
        if (ids.isEmpty()) {
            return;
        }
        Map<Long, SearchableArticle> found = new HashMap<>();
        for (SearchableArticle article : articles.byIds(ids)) {
            found.put(article.id(), article);
        }
        for (long id : ids) {
            SearchableArticle article = found.get(id);
            if (article != null && article.releasable()) {
                current.writer()
                        .updateDocument(
                                IndexFields.idTerm(id),
                                IndexFields.document(article, site.timeZone(), facets, storyWordsAnalyzer));
            } else {
                current.writer().deleteDocuments(IndexFields.idTerm(id));
            }
        }
        commit(current, maxSeq, null);
        current.searchers().maybeRefreshBlocking();
        // After the refresh, so an article page that misses the cache reads the changed index.
        related.forget(ids);
        lastSeq.set(maxSeq);
        appliedSeqs.forEach(seq -> recentlyApplied.put(seq, now));
        if (entries.size() == 5000) {
            wake();
        }
    }

    private void commit(Live target, long seq, @Nullable Map<String, String> extra) throws IOException {
        Map<String, String> data = new HashMap<>();
        if (target.writer().getLiveCommitData() != null) {
            data.putAll(toMap(target.writer().getLiveCommitData()));
        }
        if (extra != null) {
            data.putAll(extra);
        }
        data.put(LAST_SEQ, Long.toString(seq));
        data.put(FORMAT, IndexFields.FORMAT);
        data.put(COMMITTED_AT, Long.toString(changes.now()));
        target.writer().setLiveCommitData(data.entrySet());
        target.writer().commit();
    }

    private void rebuild(Rebuild request) {
        long started = System.nanoTime();
        Path path = root.resolve("index-" + System.currentTimeMillis());
        Live fresh = null;
        try {
            log.info("Rebuilding the search index: {}", request.reason());
            rebuilding = true;
            Files.createDirectories(root);
            // Changes after this point are applied to the new index once it is live.
            long seq = changes.maxSeq();
            fresh = openLive(path, IndexWriterConfig.OpenMode.CREATE);
            long count = addAll(fresh.writer());
            long millis = (System.nanoTime() - started) / 1_000_000;
            // To the millisecond, as the commit keeps it: the same after a restart.
            Instant at = Instant.ofEpochMilli(System.currentTimeMillis());
            commit(
                    fresh,
                    seq,
                    Map.of(REBUILT_AT, Long.toString(at.toEpochMilli()), REBUILD_MILLIS, Long.toString(millis)));
            fresh.searchers().maybeRefreshBlocking();
            Live old = live;
            live = fresh;
            related.clear();
            liveIsOldFormat = false;
            lastSeq.set(seq);
            recentlyApplied.clear();
            lastRebuild = at;
            lastRebuildMillis = millis;
            if (old != null) {
                close(old, true);
            }
            removeOtherIndexes(path);
            log.info("Search index rebuilt: {} documents in {} ms", count, millis);
            mergeInBackground(fresh);
            rebuilding = !tasks.stream().noneMatch(t -> t instanceof Rebuild);
            request.done().complete(status());
        } catch (IOException | RuntimeException e) {
            log.error("Search index rebuild failed: {}", e.toString());
            failed(request, fresh, e);
        } catch (OutOfMemoryError e) {
            // The half-built index is dropped with its buffers; this thread lives on to apply changes
            // to the index that was live (if any), instead of dying and leaving search stuck.
            log.error(
                    "Search index rebuild ran out of memory (heap {} MB, index writer buffer {} MB): start the JVM"
                            + " with more heap (-Xmx) or set broadsheet.search.ram-buffer-mb lower",
                    Runtime.getRuntime().maxMemory() / (1024 * 1024),
                    ramBufferMb);
            failed(request, fresh, e);
        }
    }

    /**
     * Merges a rebuilt index into one segment while it serves searches, then asks for a snapshot
     * so that other nodes copy the merged index. A search looks each of its words up in every
     * segment: one segment instead of the eleven a 100,000-story rebuild leaves made a new search
     * a third faster (bench/search-report.md). Stories changed meanwhile go to new segments as
     * usual. It runs after the rebuilt index went live, so search answers as soon as before (a
     * merge before going live made a 100,000-story rebuild 52 s instead of 37-41 s).
     */
    private void mergeInBackground(Live rebuilt) {
        Thread.ofPlatform().name("search-merge").daemon(true).start(() -> {
            if (mergeToOneSegment(rebuilt)) {
                tasks.offer(MERGED);
            }
        });
    }

    /**
     * Merges the live index into one segment and commits it, waiting for a merge already running;
     * false when there is no index or it was closed meanwhile (a newer rebuild, or stopping).
     */
    boolean mergeToOneSegment() {
        Live current = live;
        return current != null && mergeToOneSegment(current);
    }

    private boolean mergeToOneSegment(Live target) {
        long started = System.nanoTime();
        try {
            target.writer().forceMerge(1);
            // So that a restart opens the merged index. The commit data stays what the indexer
            // last set: it may say less than the index holds (those changes are applied again,
            // which changes nothing), never more.
            target.writer().commit();
            target.searchers().maybeRefreshBlocking();
            log.info("Search index merged into one segment in {} ms", (System.nanoTime() - started) / 1_000_000);
            return true;
        } catch (org.apache.lucene.store.AlreadyClosedException e) {
            return false;
        } catch (IOException | RuntimeException e) {
            if (target != live || !running) {
                return false;
            }
            // Searches go on over the segments there are; the next rebuild merges again.
            log.warn("Merging the rebuilt search index into one segment failed: {}", e.toString());
            return true;
        }
    }

    private void failed(Rebuild request, @Nullable Live fresh, Throwable cause) {
        if (fresh != null) {
            close(fresh, true);
        }
        rebuilding = false;
        request.done().completeExceptionally(cause);
    }

    /**
     * Adds every releasable article. This thread reads them from the database while others analyse
     * them: the writer takes documents from several threads at once, each into its own segment.
     */
    private long addAll(IndexWriter writer) throws IOException {
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(
                threads,
                Thread.ofPlatform().name("search-rebuild-", 0).daemon(true).factory());
        // A few chunks in flight per thread, so reading never runs far ahead of indexing.
        Semaphore inFlight = new Semaphore(threads * 2);
        List<Future<?>> pending = new ArrayList<>();
        List<SearchableArticle> chunk = new ArrayList<>();
        ZoneId zone = site.timeZone();
        try {
            long count = articles.forEachReleasable(article -> {
                chunk.add(article);
                if (chunk.size() == REBUILD_CHUNK) {
                    pending.add(submit(pool, inFlight, writer, List.copyOf(chunk), zone));
                    chunk.clear();
                }
            });
            pending.add(submit(pool, inFlight, writer, List.copyOf(chunk), zone));
            pool.shutdown();
            for (Future<?> future : pending) {
                future.get();
            }
            return count;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof OutOfMemoryError outOfMemory) {
                // Out of memory in an analysing thread is the rebuild's, as on this one: said as such.
                throw outOfMemory;
            }
            throw new IllegalStateException("Indexing an article failed", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Rebuild interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private Future<?> submit(
            ExecutorService pool, Semaphore inFlight, IndexWriter writer, List<SearchableArticle> chunk, ZoneId zone) {
        inFlight.acquireUninterruptibly();
        try {
            return pool.submit(() -> {
                try {
                    for (SearchableArticle article : chunk) {
                        writer.addDocument(IndexFields.document(article, zone, facets, storyWordsAnalyzer));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    inFlight.release();
                }
            });
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
        }
    }

    private void close(Live target, boolean delete) {
        try {
            IOUtils.close(target.searchers(), target.writer(), target.directory());
        } catch (IOException | RuntimeException e) {
            log.warn("Closing a search index failed: {}", e.toString());
        }
        if (delete) {
            try {
                IOUtils.rm(target.path());
            } catch (IOException e) {
                log.warn("Could not remove old search index {}: {}", target.path(), e.toString());
            }
        }
    }

    private void removeOtherIndexes(Path keep) throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir :
                    dirs.filter(d -> Files.isDirectory(d) && !d.equals(keep)).toList()) {
                IOUtils.rm(dir);
            }
        }
    }

    /** The shared folder of index snapshots, or null when there is none. */
    private @Nullable Path snapshots() {
        return settings.snapshotDir().isBlank() ? null : Path.of(settings.snapshotDir());
    }

    /** The newest complete snapshot, by the time in its name ({@code index-<millis>}), or null. */
    private @Nullable Path newestSnapshot(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> dirs = Files.list(dir)) {
            return dirs.filter(SearchIndex::isSnapshot)
                    .max(Comparator.comparingLong(SearchIndex::snapshotTime))
                    .orElse(null);
        }
    }

    /** A complete snapshot, named {@code index-<millis>} (a copy still being made is named {@code partial-…}). */
    private static boolean isSnapshot(Path dir) {
        return dir.getFileName().toString().matches("index-\\d+");
    }

    private static long snapshotTime(Path snapshot) {
        return Long.parseLong(snapshot.getFileName().toString().substring("index-".length()));
    }

    /**
     * Copies the newest snapshot in as this node's index, or returns null when there is none or
     * it cannot be read. The caller opens it as any index: one in an older format, or older than
     * the change log reaches back, is rebuilt; otherwise the indexer catches up from the log.
     */
    private @Nullable Path restoreSnapshot() {
        Path dir = snapshots();
        if (dir == null) {
            return null;
        }
        Path target = root.resolve("index-" + System.currentTimeMillis());
        try {
            Path snapshot = newestSnapshot(dir);
            if (snapshot == null) {
                return null;
            }
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(snapshot)) {
                for (Path file : files.toList()) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
            try (Directory directory = FSDirectory.open(target)) {
                if (!DirectoryReader.indexExists(directory)) {
                    throw new IOException("no index in " + snapshot);
                }
            }
            log.info("No search index found; copied the snapshot {} and catching up from the change log", snapshot);
            return target;
        } catch (IOException | RuntimeException e) {
            log.warn("Could not use the search index snapshot: {}", e.toString());
            try {
                IOUtils.rm(target);
            } catch (IOException ignored) {
                // An unfinished copy is removed by the next open in any case.
            }
            return null;
        }
    }

    /**
     * Copies the live index's last commit to the snapshot folder when the newest snapshot there is
     * older than the interval (or after a rebuild). Runs on the indexer thread, the only one that
     * commits, so the commit's files stay while they are copied. The copy is made under a
     * temporary name and renamed when complete; older snapshots are then removed.
     */
    private void snapshotNowAndThen() {
        Path dir = snapshots();
        Live current = live;
        if (dir == null || current == null || liveIsOldFormat) {
            return;
        }
        long now = System.currentTimeMillis();
        if (lastSnapshot < 0) {
            try {
                Path newest = newestSnapshot(dir);
                lastSnapshot = newest == null ? 0 : snapshotTime(newest);
            } catch (IOException | RuntimeException e) {
                lastSnapshot = 0;
            }
        }
        if (now - lastSnapshot < settings.snapshotInterval().toMillis()) {
            return;
        }
        lastSnapshot = now;
        Path partial =
                dir.resolve("partial-" + now + "-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(partial);
            SegmentInfos commit = SegmentInfos.readLatestCommit(current.directory());
            for (String file : commit.files(true)) {
                Files.copy(current.path().resolve(file), partial.resolve(file));
            }
            Path done = dir.resolve("index-" + now);
            Files.move(partial, done, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            // The newest two are kept: another node may be copying the one before this.
            long keepFrom;
            try (Stream<Path> dirs = Files.list(dir)) {
                keepFrom = dirs.filter(SearchIndex::isSnapshot)
                        .map(SearchIndex::snapshotTime)
                        .sorted(Comparator.reverseOrder())
                        .skip(1)
                        .findFirst()
                        .orElse(now);
            }
            try (Stream<Path> dirs = Files.list(dir)) {
                for (Path old : dirs.filter(d -> !d.equals(done)).toList()) {
                    String name = old.getFileName().toString();
                    boolean olderSnapshot = isSnapshot(old) && snapshotTime(old) < keepFrom;
                    boolean abandoned = name.startsWith("partial-")
                            && Files.getLastModifiedTime(old).toMillis() < now - 3_600_000;
                    if (olderSnapshot || abandoned) {
                        IOUtils.rm(old);
                    }
                }
            }
            log.info("Search index snapshot written to {}", done);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not write a search index snapshot: {}", e.toString());
            try {
                IOUtils.rm(partial);
            } catch (IOException ignored) {
                // Removed with other abandoned copies within the hour.
            }
        }
    }

    private void pruneNowAndThen() {
        long now = changes.now();
        if (now - lastPrune > 600_000) {
            lastPrune = now;
            int removed = changes.prune(now - settings.changeRetention().toMillis());
            if (removed > 0) {
                log.info("Pruned {} old search change-log entries", removed);
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread indexer = thread;
        if (indexer != null) {
            // Never interrupt: an interrupted Lucene write closes the index files under the writer.
            tasks.offer(STOP);
            try {
                indexer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (indexer.isAlive()) {
                log.warn("The search indexer did not stop within 10 s");
            }
        }
        Live current = live;
        live = null;
        if (current != null) {
            close(current, false);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
