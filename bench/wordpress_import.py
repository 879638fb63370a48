#!/usr/bin/env python3
"""WordPress import at scale, measured. Writes a synthetic WordPress export (WXR 1.2) of N posts
and M threaded comments (100,000 and 1,000,000 by default), then imports it with the packaged jar's
`import-wordpress` command, the JVM capped at -Xmx256m, into an empty SQLite file and into an
empty PostgreSQL database. It reports wall time, items per second and the peak resident memory of
the importing JVM (sampled from /proc every 100 ms), and checks the counts in the database.

Usage: bench/wordpress_import.py [--posts N] [--comments M] [--databases sqlite,postgresql]
       [--heap 256m] [--timeout SECONDS] (writes bench/wordpress-import-report.md)
Needs: a built jar (./mvnw package -DskipTests), a JDK >= 21 in JAVA_HOME, and for PostgreSQL the
local server on 127.0.0.1:5432 (trust auth). Every run is bounded in time.
"""
import argparse, glob, os, random, shutil, sqlite3, subprocess, sys, tempfile, threading, time
from datetime import datetime, timedelta, timezone
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SITE = "https://old.example.org"

# Words the synthetic stories and comments are made of; written for this benchmark.
WORDS = """
council harbour ferry budget vote mayor river bridge school teachers rail strike energy prices
storm flood farmers harvest court judge inquiry report hospital nurses patients museum festival
league match season coach market shares bank rates housing rent neighbours village district
minister parliament bill debate committee reform treaty border talks aid charity scientists study
data software privacy security night morning week month year record plan proposal review deal
""".split()
SECTIONS = [("news", "News", None), ("world", "World", None), ("europe", "Europe", "world"),
            ("africa", "Africa", "world"), ("business", "Business", None), ("markets", "Markets", "business"),
            ("sport", "Sport", None), ("culture", "Culture", None), ("science", "Science", None)]
AUTHORS = [("ada", "Ada Reyes"), ("kim", "Kim Laine"), ("lee", "Lee Okafor"), ("ida", "Ida Berg"),
           ("sam", "Sam Patel"), ("noor", "Noor Haddad"), ("tom", "Tom Varga"), ("mia", "Mia Costa")]
TAGS = ["tag-%d" % i for i in range(200)]
STATUSES = ["publish"] * 90 + ["draft"] * 5 + ["pending"] * 2 + ["private"] * 2 + ["future"]
COMMENT_STATES = ["1"] * 85 + ["0"] * 8 + ["spam"] * 5 + ["trash"] * 2


def sentence(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def generate(path, posts, comments, seed=7):
    """Streams the export to path; every post gets comments/posts comments, a third of them replies."""
    rng = random.Random(seed)
    per_post = comments // posts
    extra = comments - per_post * posts
    start = datetime(2015, 1, 1, tzinfo=timezone.utc)
    comment_id = 0
    with open(path, "w", encoding="utf-8") as out:
        w = out.write
        w('<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0"\n'
          ' xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"\n'
          ' xmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
          ' xmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
          ' xmlns:dc="http://purl.org/dc/elements/1.1/"\n'
          ' xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n')
        w("<title>Benchmark Gazette</title>\n<link>%s</link>\n<description>Synthetic export</description>\n" % SITE)
        w("<language>en-US</language>\n<wp:wxr_version>1.2</wp:wxr_version>\n")
        w("<wp:base_site_url>%s</wp:base_site_url>\n<wp:base_blog_url>%s</wp:base_blog_url>\n" % (SITE, SITE))
        for i, (login, name) in enumerate(AUTHORS, 1):
            w("<wp:author><wp:author_id>%d</wp:author_id><wp:author_login><![CDATA[%s]]></wp:author_login>"
              "<wp:author_email><![CDATA[%s@old.example.org]]></wp:author_email>"
              "<wp:author_display_name><![CDATA[%s]]></wp:author_display_name>"
              "<wp:author_first_name><![CDATA[%s]]></wp:author_first_name>"
              "<wp:author_last_name><![CDATA[%s]]></wp:author_last_name></wp:author>\n"
              % (i, login, login, name, name.split()[0], name.split()[1]))
        for i, (slug, name, parent) in enumerate(SECTIONS, 1):
            w("<wp:category><wp:term_id>%d</wp:term_id><wp:category_nicename><![CDATA[%s]]></wp:category_nicename>"
              "<wp:category_parent><![CDATA[%s]]></wp:category_parent><wp:cat_name><![CDATA[%s]]></wp:cat_name>"
              "</wp:category>\n" % (i, slug, parent or "", name))
        for i, tag in enumerate(TAGS, 100):
            w("<wp:tag><wp:term_id>%d</wp:term_id><wp:tag_slug><![CDATA[%s]]></wp:tag_slug>"
              "<wp:tag_name><![CDATA[%s]]></wp:tag_name></wp:tag>\n" % (i, tag, tag.replace("-", " ").title()))
        for p in range(1, posts + 1):
            post_id = 1000 + p
            when = start + timedelta(minutes=37 * p)
            slug = "story-%d" % p
            section = SECTIONS[p % len(SECTIONS)]
            status = STATUSES[p % len(STATUSES)]
            if status == "future":
                when = datetime(2031, 1, 1, tzinfo=timezone.utc) + timedelta(minutes=p)
            date = when.strftime("%Y-%m-%d %H:%M:%S")
            title = sentence(rng, 6)[:-1]
            body = "\n\n".join(sentence(rng, rng.randint(15, 40)) for _ in range(rng.randint(4, 9)))
            author = AUTHORS[p % len(AUTHORS)][0]
            tags = rng.sample(TAGS, 3)
            w("<item>\n<title>%s</title>\n<link>%s/%s/%s/</link>\n" % (escape(title), SITE, when.strftime("%Y/%m/%d"), slug))
            w("<pubDate>%s</pubDate>\n<dc:creator><![CDATA[%s]]></dc:creator>\n" % (when.strftime("%a, %d %b %Y %H:%M:%S +0000"), author))
            w('<guid isPermaLink="false">%s/?p=%d</guid>\n<description></description>\n' % (SITE, post_id))
            w("<content:encoded><![CDATA[%s]]></content:encoded>\n" % body)
            w("<excerpt:encoded><![CDATA[%s]]></excerpt:encoded>\n" % sentence(rng, 18))
            w("<wp:post_id>%d</wp:post_id>\n<wp:post_date><![CDATA[%s]]></wp:post_date>\n" % (post_id, date))
            w("<wp:post_date_gmt><![CDATA[%s]]></wp:post_date_gmt>\n" % date)
            w("<wp:comment_status><![CDATA[open]]></wp:comment_status><wp:ping_status><![CDATA[open]]></wp:ping_status>\n")
            w("<wp:post_name><![CDATA[%s]]></wp:post_name>\n<wp:status><![CDATA[%s]]></wp:status>\n" % (slug, status))
            w("<wp:post_parent>0</wp:post_parent>\n<wp:menu_order>0</wp:menu_order>\n")
            w("<wp:post_type><![CDATA[post]]></wp:post_type>\n<wp:post_password><![CDATA[]]></wp:post_password>\n")
            w("<wp:is_sticky>0</wp:is_sticky>\n")
            w('<category domain="category" nicename="%s"><![CDATA[%s]]></category>\n' % (section[0], section[1]))
            for tag in tags:
                w('<category domain="post_tag" nicename="%s"><![CDATA[%s]]></category>\n' % (tag, tag))
            count = per_post + (1 if p <= extra else 0)
            first = comment_id + 1
            for c in range(count):
                comment_id += 1
                parent = 0
                if c % 3 == 2 and comment_id - 1 >= first:
                    parent = rng.randint(first, comment_id - 1)
                ctime = (when + timedelta(minutes=5 + c * 3)).strftime("%Y-%m-%d %H:%M:%S")
                reader = "reader%d" % rng.randint(1, 50000)
                w("<wp:comment><wp:comment_id>%d</wp:comment_id>"
                  "<wp:comment_author><![CDATA[%s]]></wp:comment_author>"
                  "<wp:comment_author_email><![CDATA[%s@mail.example.net]]></wp:comment_author_email>"
                  "<wp:comment_author_url></wp:comment_author_url><wp:comment_author_IP><![CDATA[192.0.2.1]]></wp:comment_author_IP>"
                  "<wp:comment_date><![CDATA[%s]]></wp:comment_date><wp:comment_date_gmt><![CDATA[%s]]></wp:comment_date_gmt>"
                  "<wp:comment_content><![CDATA[%s]]></wp:comment_content>"
                  "<wp:comment_approved><![CDATA[%s]]></wp:comment_approved><wp:comment_type><![CDATA[comment]]></wp:comment_type>"
                  "<wp:comment_parent>%d</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>\n"
                  % (comment_id, reader, reader, ctime, ctime, sentence(rng, rng.randint(8, 40)),
                     COMMENT_STATES[comment_id % len(COMMENT_STATES)], parent))
            w("</item>\n")
        w("</channel>\n</rss>\n")


class PeakRss:
    """Samples the resident memory of a process and its children every 100 ms."""

    def __init__(self, pid):
        self.pid, self.peak, self.stop = pid, 0, threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def rss(self, pid):
        try:
            with open("/proc/%d/status" % pid) as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) * 1024
        except OSError:
            pass
        return 0

    def run(self):
        while not self.stop.is_set():
            total = self.rss(self.pid)
            for child in glob.glob("/proc/%d/task/*/children" % self.pid):
                try:
                    for c in open(child).read().split():
                        total += self.rss(int(c))
                except OSError:
                    pass
            self.peak = max(self.peak, total)
            time.sleep(0.1)

    def finish(self):
        self.stop.set()
        self.thread.join()
        return self.peak


def jar():
    found = [j for j in glob.glob(os.path.join(ROOT, "target", "broadsheet-*.jar")) if not j.endswith("-plain.jar")]
    if not found:
        sys.exit("No jar in target/: run ./mvnw package -DskipTests first")
    return found[0]


def java():
    home = os.environ.get("JAVA_HOME")
    return os.path.join(home, "bin", "java") if home else "java"


def psql(sql, db="postgres"):
    subprocess.run(["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-c", sql], check=True,
                   stdout=subprocess.DEVNULL)


def run_import(export, database, heap, timeout, log):
    data = tempfile.mkdtemp(prefix="bench-wp-")
    args = [java(), "-Xmx" + heap, "--enable-native-access=ALL-UNNAMED", "-jar", jar(), "import-wordpress",
            export, "--broadsheet.data-dir=" + data, "--broadsheet.demo-content.enabled=false"]
    if database == "postgresql":
        psql("DROP DATABASE IF EXISTS bench_wp_import")
        psql("CREATE DATABASE bench_wp_import")
        args += ["--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/bench_wp_import",
                 "--spring.datasource.username=postgres"]
    started = time.monotonic()
    with open(log, "w") as out:
        process = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT)
        sampler = PeakRss(process.pid)
        try:
            code = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            code = "timeout"
        peak = sampler.finish()
    elapsed = time.monotonic() - started
    counts = count_rows(database, data)
    shutil.rmtree(data, ignore_errors=True)
    if database == "postgresql":
        psql("DROP DATABASE IF EXISTS bench_wp_import")
    return {"database": database, "exit": code, "seconds": elapsed, "peak_mb": peak / 2**20, "counts": counts}


def count_rows(database, data):
    queries = {"stories": "SELECT COUNT(*) FROM article", "comments": "SELECT COUNT(*) FROM comment"}
    counts = {}
    for name, sql in queries.items():
        try:
            if database == "sqlite":
                with sqlite3.connect(os.path.join(data, "broadsheet.db")) as db:
                    counts[name] = db.execute(sql).fetchone()[0]
            else:
                out = subprocess.run(["psql", "-At", "-h", "127.0.0.1", "-U", "postgres", "-d", "bench_wp_import",
                                      "-c", sql], capture_output=True, text=True, check=True)
                counts[name] = int(out.stdout.strip())
        except Exception as e:  # a failed import may have left no schema
            counts[name] = "n/a (%s)" % e.__class__.__name__
    return counts


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--comments", type=int, default=1_000_000)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--heap", default="256m")
    parser.add_argument("--timeout", type=int, default=1800)
    parser.add_argument("--export", help="reuse this generated export instead of writing a new one")
    parser.add_argument("--report", default=os.path.join(ROOT, "bench", "wordpress-import-report.md"))
    opts = parser.parse_args()

    export = opts.export or os.path.join(tempfile.gettempdir(), "bench-wxr-%d-%d.xml" % (opts.posts, opts.comments))
    if not os.path.exists(export):
        t = time.monotonic()
        generate(export + ".part", opts.posts, opts.comments)
        os.rename(export + ".part", export)
        print("Wrote %s (%.0f MB) in %.0f s" % (export, os.path.getsize(export) / 2**20, time.monotonic() - t))
    results = []
    for database in opts.databases.split(","):
        log = os.path.join(ROOT, "target", "bench-wp-import-%s.log" % database)
        print("Importing into %s ..." % database, flush=True)
        result = run_import(export, database, opts.heap, opts.timeout, log)
        print(result, flush=True)
        results.append(result)
    write_report(opts, export, results)


def write_report(opts, export, results):
    items = opts.posts + opts.comments
    lines = ["# WordPress import benchmark", "",
             "Generated by `bench/wordpress_import.py` on %s (%d cores); the export: %d posts, %d comments, %.0f MB;"
             " the importing JVM capped at `-Xmx%s`." % (datetime.now().strftime("%Y-%m-%d %H:%M"), os.cpu_count(),
                                                           opts.posts, opts.comments, os.path.getsize(export) / 2**20, opts.heap),
             "", "| database | exit | time | posts + comments per second | peak resident memory | stories / comments in the database |",
             "|---|---|---|---|---|---|"]
    for r in results:
        lines.append("| %s | %s | %.0f s (%.1f min) | %.0f | %.0f MB | %s / %s |" % (
            r["database"], r["exit"], r["seconds"], r["seconds"] / 60, items / r["seconds"], r["peak_mb"],
            r["counts"].get("stories"), r["counts"].get("comments")))
    lines += ["", "Peak resident memory is the whole JVM process (heap, metaspace, code cache, thread stacks and the",
              "SQLite page cache), sampled every 100 ms; the heap itself cannot exceed the cap.", ""]
    with open(opts.report, "w") as f:
        f.write("\n".join(lines))
    print("Wrote", opts.report)


if __name__ == "__main__":
    main()
