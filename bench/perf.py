#!/usr/bin/env python3
"""Broadsheet against nginx serving the same bytes: requests/s, p50 and p99 per page under wrk,
start-up time, resident memory and "publish to visible". Run through bench/perf.sh, which picks
the JDK and builds the jar; see there for the options.

Steps: the jar starts once on an empty database (demo off, a first admin) so Flyway makes the
schema, and stops; the corpus is bulk-inserted with SQL (Python's sqlite3, or psql's COPY for
PostgreSQL); the search index is rebuilt with the jar's --rebuild-search-index (timed) or skipped;
Broadsheet starts (timed to the first home page with content) and nginx starts on its own prefix
with the article page's bytes as a file; wrk measures each target for a bounded time after a
warm-up; a story is published through the API and its pages are polled until it shows; Broadsheet
starts a second time with broadsheet.cache.enabled=false for the uncached article page.
Targets 127.0.0.1 only; every loop is bounded in count and time.
"""
import argparse, csv, datetime, glob, hashlib, io, json, os, random, re, shutil, signal, sqlite3, subprocess
import sys, tempfile, threading, time, urllib.error, urllib.parse, urllib.request, uuid, zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from search import vocabulary, sentence  # the news word list the search benchmark writes stories from

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESULTS = os.path.join(ROOT, "bench", "results")
ADMIN, PASSWORD = "benchadmin", "bench password 123"
API_SECRET = "bst_benchperf" + "0" * 34  # a personal access token (its format) written straight into api_token
SECTIONS = [("news", "News", None), ("world", "World", None), ("business", "Business", None),
            ("politics", "Politics", None), ("sport", "Sport", None), ("culture", "Culture", None),
            ("science", "Science", None), ("opinion", "Opinion", None), ("europe", "Europe", "world"),
            ("asia", "Asia", "world"), ("markets", "Markets", "business"), ("football", "Football", "sport")]
DEEP_SECTION = "news"
FEATURED_COMMENTS = 20  # the article measured has this many comments (the target)
WRK_THREADS, WRK_CONNECTIONS = 2, 32
SEARCH_WORD = "harbour"
JVM_WARMUP = 5  # seconds of wrk on each target after start-up, before any measured run
POSTING_WARMUP = 15  # seconds of posting before the measured run (the JIT needs that long for these paths)

POST_LUA = """-- Posts the public comment form with a body no other request sends (repeats are refused),
-- each from a reader address of its own (X-Forwarded-For, trusted from 127.0.0.1), as many
-- readers would: the flood limit per address stays on at its default.
local counter = 0
local id = 0
local ids = 0
local run = os.time() % 120 -- the warm-up and the measured run use different addresses
local pause = 0 -- mean ms each connection waits between posts (the paced run passes it after --)
function setup(thread)
  ids = ids + 1
  thread:set("id", ids)
end
function init(args)
  pause = tonumber(args[1] or "0")
  if pause > 0 then
    -- Jittered (0 to twice the mean) so that the connections do not post in step, as readers don't.
    delay = function() return math.random(0, 2 * pause) end
  end
end
request = function()
  counter = counter + 1
  local body = "name=Bench+reader+" .. id .. "&body=Benchmark+comment+" .. id .. "-" .. counter
  local address = "10." .. (run * 2 + id) .. "." .. (math.floor(counter / 250) % 250) .. "." .. (counter % 250 + 1)
  return wrk.format("POST", nil, {["Content-Type"] = "application/x-www-form-urlencoded",
                                  ["X-Forwarded-For"] = address}, body)
end
"""


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


class Database:
    """The corpus database, SQLite file or PostgreSQL schema, as the application and psql see it."""

    def __init__(self, kind, data):
        self.kind = kind
        self.data = data
        self.schema = "bench_perf_" + uuid.uuid4().hex[:10] if kind == "postgresql" else None
        self.path = os.path.join(data, "broadsheet.db")

    def app_args(self):
        if self.kind == "sqlite":
            return []
        return [f"--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema={self.schema}",
                "--spring.datasource.username=postgres"]

    def psql(self, sql, stdin=None):
        result = subprocess.run(["psql", "-q", "-X", "-tA", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-U", "postgres",
                                 "-d", "test", "-c", f"SET search_path TO {self.schema}; {sql}" if self.schema else sql],
                                input=stdin, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"psql failed: {result.stderr.strip()[:500]}")
        return result.stdout

    def create(self):
        if self.schema:
            self.psql(f"CREATE SCHEMA {self.schema}")

    def drop(self):
        if self.schema:
            try:
                self.psql(f"DROP SCHEMA IF EXISTS {self.schema} CASCADE")
            except RuntimeError as e:
                log(f"could not drop schema {self.schema}: {e}")

    def query(self, sql):
        """Rows of a read query, as tuples of strings on PostgreSQL and of values on SQLite."""
        if self.kind == "sqlite":
            db = sqlite3.connect(self.path, timeout=60)
            try:
                return db.execute(sql).fetchall()
            finally:
                db.close()
        return [tuple(line.split("|")) for line in self.psql(sql).splitlines() if line]

    def insert(self, table, columns, rows):
        if not rows:
            return
        if self.kind == "sqlite":
            marks = ", ".join("?" for _ in columns)
            self.sqlite.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
            return
        buffer = io.StringIO()
        csv.writer(buffer).writerows(rows)
        self.psql_copy(f"\\copy {table} ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv)", buffer.getvalue())

    def psql_copy(self, command, text):
        result = subprocess.run(["psql", "-q", "-X", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-U", "postgres", "-d",
                                 "test", "-c", f"SET search_path TO {self.schema}", "-c", command],
                                input=text, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"psql COPY failed: {result.stderr.strip()[:500]}")

    def begin(self):
        if self.kind == "sqlite":
            self.sqlite = sqlite3.connect(self.path, timeout=60)
            self.sqlite.execute("PRAGMA synchronous=OFF")

    def commit(self):
        if self.kind == "sqlite":
            self.sqlite.commit()

    def finish(self, tables):
        """After rows with explicit ids: identity sequences continue after them. PostgreSQL gets the
        statistics autovacuum would gather; SQLite none, since the application never runs ANALYZE."""
        if self.kind == "sqlite":
            self.sqlite.commit()
            self.sqlite.close()
            return
        for table in tables:
            self.psql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        self.psql("ANALYZE")


def seed(db, stories, rng):
    """Sections, 40 bylines, 300 tags, stories with 0-20 approved comments each (some replies) and
    1-2 bylines and 0-3 tags, published over the last years in id order; the newest has exactly
    FEATURED_COMMENTS comments. Returns counts."""
    words, weights = vocabulary(rng)
    paragraphs = [" ".join(sentence(rng, words, weights) for _ in range(rng.randint(3, 5))) for _ in range(3000)]
    now = int(time.time() * 1000)
    db.begin()
    section_ids = {}
    for position, (slug, name, parent) in enumerate(SECTIONS, start=1):
        section_ids[slug] = position
    db.insert("section", ["id", "parent_id", "slug", "name", "description", "path", "position"],
              [(i, section_ids[parent] if parent else None, slug, name, f"The latest {name} stories.",
                f"{parent}/{slug}" if parent else slug, i) for i, (slug, name, parent) in enumerate(SECTIONS, start=1)])
    authors = [(i, f"author-{i}", f"{rng.choice(['Ada', 'Kim', 'Lee', 'Ida', 'Sam', 'Noor', 'Tom', 'Mia'])}"
                f" {rng.choice(['Reyes', 'Laine', 'Okafor', 'Berg', 'Patel', 'Haddad', 'Varga', 'Costa'])} {i}",
                "Writes for us.") for i in range(1, 41)]
    db.insert("author", ["id", "slug", "name", "bio"], authors)
    tags = [(i, f"topic-{i}", f"Topic {words[(i * 7) % 400]} {i}") for i in range(1, 301)]
    db.insert("tag", ["id", "slug", "name"], tags)
    db.commit()
    # A quarter of the stories in News, the rest spread over the other sections.
    section_choices = [1] * 11 + list(range(2, len(SECTIONS) + 1)) * 3
    start_ms = now - 6 * 365 * 86_400_000
    span = now - 3_600_000 - start_ms
    comment_id = 0
    counts = {"stories": stories, "comments": 0, "replies": 0}
    chunk = 5000
    for first in range(1, stories + 1, chunk):
        article_rows, bylines, tag_rows, comment_rows = [], [], [], []
        for article_id in range(first, min(first + chunk, stories + 1)):
            published = start_ms + span * article_id // stories
            body = rng.sample(paragraphs, rng.randint(3, 5))
            headline = " ".join(rng.choices(words, cum_weights=weights, k=rng.randint(5, 10))).capitalize()
            article_rows.append((article_id, f"story-{article_id}", headline[:300], paragraphs[article_id % 3000][:400],
                                 "\n\n".join(body), "".join(f"<p>{p}</p>\n" for p in body),
                                 rng.choice(section_choices), "published", published, published, published, published))
            for position, author in enumerate(rng.sample(range(1, 41), rng.choice([1, 1, 1, 2]))):
                bylines.append((article_id, author, position))
            for tag in rng.sample(range(1, 301), rng.randint(0, 3)):
                tag_rows.append((article_id, tag))
            n = FEATURED_COMMENTS if article_id == stories else rng.randint(0, 20)
            thread = []
            for k in range(n):
                comment_id += 1
                parent = rng.choice(thread) if thread and rng.random() < 0.2 else None
                counts["replies"] += parent is not None
                thread.append(comment_id)
                created = published + (k + 1) * 60_000
                comment_rows.append((comment_id, article_id, parent, f"Reader {comment_id % 997}",
                                     sentence(rng, words, weights), "approved", created,
                                     hashlib.sha256(str(comment_id % 5000).encode()).hexdigest()))
        counts["comments"] += len(comment_rows)
        db.insert("article", ["id", "slug", "headline", "standfirst", "body_markdown", "body_html", "section_id",
                              "status", "published_at", "created_at", "updated_at", "status_changed_at"], article_rows)
        db.insert("article_author", ["article_id", "author_id", "position"], bylines)
        db.insert("article_tag", ["article_id", "tag_id"], tag_rows)
        db.insert("comment", ["id", "article_id", "parent_id", "author_name", "body", "status", "created_at",
                              "client_address_hash"], comment_rows)
        db.commit()
        if (first - 1) % 100_000 == 0 and first > 1:
            log(f"  {first - 1:,} stories")
    # The benchmark's API token, for publishing through the API.
    account = db.query(f"SELECT id FROM account WHERE username = '{ADMIN}'")[0][0]
    db.insert("api_token", ["account_id", "name", "secret_hash", "prefix", "scopes", "created_at"],
              [(int(account), "bench", hashlib.sha256(API_SECRET.encode()).hexdigest(), API_SECRET[:10],
                "articles:write", now)])
    db.finish(["section", "author", "tag", "article", "comment"])
    return counts


class Server:
    """Broadsheet on the packaged jar, started and stopped by this script."""

    def __init__(self, options, db, log_name, extra=()):
        self.options, self.db = options, db
        self.log_path = os.path.join(db.data, log_name)
        self.extra = list(extra)
        self.process = None

    def command(self):
        java = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java")
        jar = sorted(glob.glob(os.path.join(ROOT, "target", "broadsheet-*.jar")))[-1]
        return [java, "--enable-native-access=ALL-UNNAMED", "-jar", jar, f"--server.port={self.options.port}",
                "--server.address=127.0.0.1", f"--broadsheet.data-dir={self.db.data}",
                "--broadsheet.demo-content.enabled=false",
                # One client measures as fast as it can: no per-client limit.
                "--broadsheet.rate-limit.search-per-minute=0", "--broadsheet.rate-limit.suggest-per-minute=0", "--broadsheet.rate-limit.api-per-minute=0", f"--broadsheet.admin.username={ADMIN}",
                f"--broadsheet.admin.password={PASSWORD}",
                # Comments show at once, no repeat window, comments open on old stories; the flood
                # limit stays at its default, each posting request coming from an address of its own
                # (X-Forwarded-For from wrk on 127.0.0.1, trusted as from a reverse proxy).
                "--broadsheet.comments.moderation=post", "--server.forward-headers-strategy=native",
                "--broadsheet.comments.repeat-window-minutes=0", "--broadsheet.comments.close-after-days=0",
                *self.db.app_args(), *self.quick_check(), *self.extra]

    def quick_check(self):
        # SQLite's quick_check at start-up reads the whole file: minutes at a million stories.
        large = self.db.kind == "sqlite" and self.options.stories >= 100_000
        return ["--broadsheet.database.quick-check=false"] if large else []

    def start(self):
        self.began = time.time()
        self.logfile = open(self.log_path, "w")
        self.process = subprocess.Popen(self.command(), stdout=self.logfile, stderr=subprocess.STDOUT)
        return self

    def run_to_end(self, args, seconds):
        with open(self.log_path, "w") as out:
            process = subprocess.Popen(self.command() + list(args), stdout=out, stderr=subprocess.STDOUT)
            self.process = process
            try:
                return process.wait(seconds)
            finally:
                self.process = None
                if process.poll() is None:
                    process.kill()
                    process.wait()

    def rss_mb(self):
        try:
            with open(f"/proc/{self.process.pid}/status") as f:
                return int(re.search(r"VmRSS:\s+(\d+) kB", f.read()).group(1)) / 1024
        except (OSError, AttributeError):
            return 0.0

    def cpu_seconds(self):
        try:
            with open(f"/proc/{self.process.pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, AttributeError, IndexError):
            return 0.0

    def settle(self, limit=120):
        """Waits until the JVM is nearly idle: requests wrk gave up on (timeouts) are still being
        served after it stops, and would otherwise be measured with the next target."""
        began = time.time()
        while time.time() - began < limit:
            before = self.cpu_seconds()
            time.sleep(0.5)
            if self.cpu_seconds() - before < 0.1:
                break
        return time.time() - began

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def log_text(self):
        with open(self.log_path, errors="replace") as f:
            return f.read()


def fetch(url, data=None, headers=None, timeout=30):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def wait_for(server, condition, seconds, what):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if not server.alive():
            sys.exit(f"Broadsheet exited while waiting for {what}; see {server.log_path}:\n{server.log_text()[-3000:]}")
        try:
            if condition():
                return time.time()
        except OSError:
            pass
        time.sleep(0.02)
    sys.exit(f"timed out after {seconds} s waiting for {what}")


class Nginx:
    """nginx as a non-daemon on its own prefix and port, serving one file."""

    def __init__(self, directory, port, body):
        self.directory, self.port = directory, port
        os.makedirs(os.path.join(directory, "www"), exist_ok=True)
        os.makedirs(os.path.join(directory, "logs"), exist_ok=True)
        os.makedirs(os.path.join(directory, "temp"), exist_ok=True)
        with open(os.path.join(directory, "www", "article.html"), "wb") as f:
            f.write(body)
        temp = os.path.join(directory, "temp")
        config = f"""daemon off;
worker_processes 2;
pid {directory}/nginx.pid;
error_log {directory}/logs/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {temp}/body; proxy_temp_path {temp}/proxy; fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi; scgi_temp_path {temp}/scgi;
    types {{ text/html html; }}
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    server {{
        listen 127.0.0.1:{port};
        root {directory}/www;
    }}
}}
"""
        with open(os.path.join(directory, "nginx.conf"), "w") as f:
            f.write(config)
        # Workers run as nobody when started by root: they must be able to read the file.
        for path in [os.path.dirname(directory), directory, os.path.join(directory, "www")]:
            os.chmod(path, 0o755)
        os.chmod(os.path.join(directory, "www", "article.html"), 0o644)
        self.process = None

    def start(self):
        self.process = subprocess.Popen(["nginx", "-p", self.directory, "-c", os.path.join(self.directory, "nginx.conf"),
                                         "-e", os.path.join(self.directory, "logs", "error.log")],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{self.port}/article.html"
        for _ in range(200):
            try:
                if fetch(url)[0] == 200:
                    return url
            except OSError:
                pass
            if self.process.poll() is not None:
                sys.exit("nginx exited: " + open(os.path.join(self.directory, "logs", "error.log")).read()[-2000:])
            time.sleep(0.05)
        sys.exit("nginx did not answer")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def milliseconds(text):
    number, unit = re.match(r"([\d.]+)(us|ms|s|m|h)", text).groups()
    return float(number) * UNITS[unit]


def wrk(url, seconds, server=None, script=None, script_args=()):
    """One bounded wrk run; resident memory of the JVM is sampled while it runs."""
    command = ["wrk", f"-t{WRK_THREADS}", f"-c{WRK_CONNECTIONS}", f"-d{seconds}s", "--timeout", "5s", "--latency"]
    if script:
        command += ["-s", script]
    peak = [0.0]
    stop = threading.Event()

    def sample():
        while not stop.wait(0.5):
            peak[0] = max(peak[0], server.rss_mb())

    sampler = threading.Thread(target=sample, daemon=True) if server else None
    if sampler:
        sampler.start()
    try:
        extra = ["--", *script_args] if script_args else []
        output = subprocess.run(command + [url] + extra, capture_output=True, text=True, timeout=seconds + 60).stdout
    finally:
        stop.set()
        if sampler:
            sampler.join()
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
              "requests": int(re.search(r"(\d+) requests in", output).group(1)),
              "p50": milliseconds(re.search(r"\n\s+50%\s+(\S+)", output).group(1)),
              "p99": milliseconds(re.search(r"\n\s+99%\s+(\S+)", output).group(1)),
              "non2xx": int((re.search(r"Non-2xx or 3xx responses: (\d+)", output) or [0, 0])[1]),
              "errors": sum(int(n) for n in (re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+),"
                                                       r" timeout (\d+)", output) or re.match("()", "")).groups() if n),
              "rss": peak[0]}
    return result


def single_client_ms(url, runs=5):
    """Median of a few sequential GETs: the page's own cost, before the crowd arrives."""
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        try:
            fetch(url, timeout=10)
        except OSError:  # a timeout: the page is still queued behind the run before
            return float("inf")
        samples.append((time.perf_counter() - t) * 1000)
    return sorted(samples)[runs // 2]


def measure(name, url, options, server=None, script=None, warmup=True):
    if warmup:
        wrk(url, options.warmup, server, script)
    alone = None if script else single_client_ms(url)
    result = wrk(url, options.seconds, server, script)
    result["alone"] = alone
    result["settle"] = server.settle() if server else 0.0
    result["name"], result["url"], result["load"] = name, url, os.getloadavg()[0]
    log(f"{name}: {result['rps']:,.0f} requests/s, p50 {result['p50']:.2f} ms, p99 {result['p99']:.2f} ms"
        + (f", {result['non2xx']} non-2xx/3xx" if result["non2xx"] else "")
        + (f", {result['errors']} socket errors" if result["errors"] else "")
        + (f"; busy {result['settle']:.0f} s after the run" if result["settle"] >= 1 else ""))
    return result


def start_timed(server, featured_slug):
    """Starts Broadsheet; seconds from process start to the first home page that shows the newest story."""
    server.start()
    home = f"http://127.0.0.1:{server.options.port}/"
    done = wait_for(server, lambda: (lambda r: r[0] == 200 and featured_slug.encode() in r[1])(fetch(home)), 600,
                    "the first home page with content")
    started = None
    for _ in range(50):  # the log line may trail the first answer
        started = re.search(r"Started \S+ in ([\d.]+) seconds", server.log_text())
        if started:
            break
        time.sleep(0.1)
    return done - server.began, float(started.group(1)) if started else None


def publish_to_visible(options, base, section_url):
    """Creates a story through the API, publishes it, and polls the pages that should show it."""
    marker = "zq" + uuid.uuid4().hex[:10]
    auth = {"Authorization": f"Bearer {API_SECRET}", "Content-Type": "application/json"}
    story = {"headline": f"Flash {marker} harbour cranes stop", "standfirst": "A story published by the benchmark.",
             "body": f"The cranes stopped at noon. {marker} is the word to search for.", "section": DEEP_SECTION,
             "authorSlugs": ["author-1"]}
    status, body = fetch(base + "/api/v1/articles", json.dumps(story).encode(), auth)
    if status != 201:
        raise RuntimeError(f"API create answered {status}: {body[:300]!r}")
    article_id = json.loads(body)["id"]
    pages = {"home": "/", "its section": section_url, "Atom feed": "/feeds/all.atom", "search": f"/search?q={marker}"}
    began = time.time()
    status, body = fetch(f"{base}/api/v1/articles/{article_id}/publish", b"", auth)
    publish_ms = (time.time() - began) * 1000
    if status != 200:
        raise RuntimeError(f"API publish answered {status}: {body[:300]!r}")
    # Each page polled by a thread of its own, so that a slow page does not delay seeing the others.
    seen = {}
    deadline = began + 30

    def poll(name, path):
        while time.time() < deadline:
            try:
                status, page = fetch(base + path, timeout=max(1, deadline - time.time()))
            except OSError:
                continue
            if status == 200 and marker.encode() in page:
                seen[name] = (time.time() - began) * 1000
                return
            time.sleep(0.01)

    pollers = [threading.Thread(target=poll, args=item, daemon=True) for item in pages.items()]
    for poller in pollers:
        poller.start()
    for poller in pollers:
        poller.join(max(0.0, deadline - time.time()) + 5)
    return publish_ms, {name: seen.get(name) for name in pages}


def plot(results, path, title):
    if not shutil.which("gnuplot"):
        return False
    data = path + ".dat"
    with open(data, "w") as f:
        for r in results:
            label = r["name"].replace('"', "")
            f.write(f"\"{label}\" {max(r['p50'], 0.001):.4f} {max(r['p99'], 0.001):.4f}\n")
    script = f"""set terminal pngcairo size 1100,560 font "DejaVu Sans,10"
set output "{path}"
set title "{title}"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set logscale y
set ylabel "latency, ms (log scale)"
set grid ytics
set xtics rotate by -25 scale 0
set key outside right top
set bmargin 9
plot "{data}" using 2:xtic(1) title "p50" linecolor rgb "#3a6ea5", "" using 3 title "p99" linecolor rgb "#c0504d"
"""
    result = subprocess.run(["gnuplot"], input=script, capture_output=True, text=True)
    if result.returncode != 0:
        # pngcairo is missing from some builds; the plain png terminal always exists.
        result = subprocess.run(["gnuplot"], input=script.replace('pngcairo size 1100,560 font "DejaVu Sans,10"',
                                                                  "png size 1100,560"), capture_output=True, text=True)
    os.unlink(data)
    return result.returncode == 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--stories", type=int, default=None)
    parser.add_argument("--seconds", type=int, default=None, help="wrk duration per target (default 10, quick 2)")
    parser.add_argument("--warmup", type=int, default=None, help="wrk warm-up per target (default 3, quick 1)")
    parser.add_argument("--search-index", choices=["rebuild", "skip"], default="rebuild",
                        help="skip leaves the bulk-inserted stories out of the index (for 1M: see README)")
    parser.add_argument("--port", type=int, default=18095)
    parser.add_argument("--nginx-port", type=int, default=18096)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--skip-build", action="store_true", help="handled by perf.sh")
    parser.add_argument("--note", default="")
    parser.add_argument("--corpus", default=None, metavar="DIR",
                        help="SQLite only: reuse a data directory kept by --keep instead of generating a corpus"
                             " (the stories already posted or published by earlier runs stay in it)")
    parser.add_argument("--keep", action="store_true",
                        help="keep the corpus (data directory, PostgreSQL schema) for profiling afterwards")
    options = parser.parse_args()
    options.stories = options.stories or (1000 if options.quick else 10_000)
    options.seconds = options.seconds or (2 if options.quick else 10)
    options.warmup = options.warmup or (1 if options.quick else 3)
    if options.stories < 10:
        sys.exit("--stories must be at least 10")
    # SIGTERM unwinds like Ctrl-C, so the finally blocks below stop what was started.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped by SIGTERM"))

    began = time.time()
    load_before = os.getloadavg()
    if options.corpus and options.db != "sqlite":
        sys.exit("--corpus reuses a SQLite data directory; PostgreSQL corpora are generated each run")
    data = options.corpus or tempfile.mkdtemp(prefix="bench-perf-")
    db = Database(options.db, data)
    servers, nginx = [], None
    figures = {}
    try:
        if options.corpus:
            options.stories = int(db.query("SELECT MAX(id) FROM article WHERE slug = 'story-' || id")[0][0])
            counts = {"stories": options.stories,
                      "comments": int(db.query("SELECT COUNT(*) FROM comment")[0][0]),
                      "replies": int(db.query("SELECT COUNT(*) FROM comment WHERE parent_id IS NOT NULL")[0][0])}
            figures["seed_s"] = None
            log(f"reusing the corpus in {data}: {counts['stories']:,} stories, {counts['comments']:,} comments")
        else:
            db.create()
            log(f"{options.db}, {options.stories:,} stories; temporary files in {data}")
            first = Server(options, db, "migrate.log")
            servers.append(first)
            first.start()
            wait_for(first, lambda: fetch(f"http://127.0.0.1:{options.port}/")[0] == 200, 300, "the first start")
            first.stop()
            log("schema made by the application (Flyway); generating the corpus")
            t = time.time()
            counts = seed(db, options.stories, random.Random(20261203))
            figures["seed_s"] = time.time() - t
            log(f"inserted {counts['stories']:,} stories and {counts['comments']:,} comments in {figures['seed_s']:.0f} s")
        figures["index"] = None
        if options.search_index == "rebuild" and not options.corpus:
            rebuild = Server(options, db, "rebuild.log")
            servers.append(rebuild)
            t = time.time()
            code = rebuild.run_to_end(["--rebuild-search-index"], 4 * 3600)
            figures["index"] = time.time() - t
            if code != 0:
                sys.exit(f"index rebuild failed ({code}):\n{rebuild.log_text()[-3000:]}")
            rebuilt = re.search(r"Search index rebuilt: (\d+) documents in (\d+) ms", rebuild.log_text())
            figures["index_rebuild"] = (int(rebuilt.group(1)), int(rebuilt.group(2)) / 1000) if rebuilt else None
            log(f"search index rebuilt in {figures['index']:.0f} s (jar --rebuild-search-index, JVM start included)")

        featured = options.stories
        featured_slug = f"story-{featured}"
        poster = featured - 1
        section_id = 1
        live = int(db.query(f"SELECT count(*) FROM article WHERE section_id = {section_id} AND status = 'published'")[0][0])
        deep_offset = max(0, live * 9 // 10)
        cursor = db.query(f"SELECT published_at, id FROM article WHERE section_id = {section_id} AND status = 'published'"
                          f" ORDER BY published_at DESC, id DESC LIMIT 1 OFFSET {deep_offset}")[0]
        base = f"http://127.0.0.1:{options.port}"

        server = Server(options, db, "server.log")
        servers.append(server)
        figures["startup"], figures["started_log"] = start_timed(server, featured_slug)
        figures["rss_start"] = server.rss_mb()
        log(f"first home page with content {figures['startup']:.2f} s after process start;"
            f" resident memory {figures['rss_start']:.0f} MB")
        home = fetch(base + "/")[1].decode()
        article_path = re.search(r'href="(/[^"]*/' + re.escape(featured_slug) + ')"', home).group(1)
        status, article_bytes = fetch(base + article_path)
        if status != 200:
            sys.exit(f"article {article_path} answered {status}")
        figures["article_bytes"] = len(article_bytes)
        figures["article_comments"] = article_bytes.count(b'<article class="comment')
        nginx = Nginx(os.path.join(data, "nginx"), options.nginx_port, article_bytes)
        static_url = nginx.start()
        deep_url = f"/{DEEP_SECTION}?before={cursor[0]}.{cursor[1]}"
        if fetch(base + deep_url)[0] != 200:
            sys.exit(f"deep section page {deep_url} did not answer 200")
        script = os.path.join(data, "post-comment.lua")
        with open(script, "w") as f:
            f.write(POST_LUA)

        targets = [("article page", article_path), ("home", "/"),
                   (f"section page, {deep_offset:,} stories back", deep_url),
                   (f"search \"{SEARCH_WORD}\"", f"/search?q={SEARCH_WORD}"), ("Atom feed", "/feeds/all.atom")]
        # A freshly started JVM runs interpreted code until the JIT has compiled the hot paths: the first
        # target measured paid for it (article page 20,800 requests/s cold, 28,000 warm). Each target
        # gets some load first, as a server that has been up for a while has had.
        for _, path in targets:
            wrk(base + path, JVM_WARMUP if not options.quick else options.warmup, server)
        results = [measure("nginx, static file (reference)", static_url, options)]
        for name, path in targets:
            results.append(measure(name, base + path, options, server))
        try:
            status, answer = fetch(f"{base}/articles/{poster}/comments", b"name=Bench+check&body=Does+the+form+answer",
                                   {"Content-Type": "application/x-www-form-urlencoded"}, timeout=120)
        except OSError:
            status, answer = 303, b""
            log("the comment form did not answer within 120 s (the server is still busy); posting anyway")
        if status not in (200, 303):
            sys.exit(f"the comment form answered {status}: {answer[:500]!r}")
        # Posting has code paths of its own that nothing above warmed up: a longer warm-up, and only the
        # measured run's comments counted.
        wrk(f"{base}/articles/{poster}/comments", POSTING_WARMUP if not options.quick else options.warmup, server, script)
        before = int(db.query(f"SELECT count(*) FROM comment WHERE article_id = {poster}")[0][0])
        posting = measure("comment posting (form POST)", f"{base}/articles/{poster}/comments", options, server, script,
                          warmup=False)
        total = int(db.query(f"SELECT count(*) FROM comment WHERE article_id = {poster} AND status = 'approved'")[0][0])
        figures["posting_db"] = (before, total)
        results.append(posting)
        # Latency at about half the saturated rate: each connection pauses between posts (a random time
        # around a mean) so that the 32 together aim at half of what the run above accepted (wrk cannot
        # fix a rate; this comes close, a little under, as each post's own time adds to its pause).
        half = max(1.0, posting["rps"] / 2)
        pause_ms = int(WRK_CONNECTIONS * 1000 / half)
        paced = wrk(f"{base}/articles/{poster}/comments", options.seconds, server, script, [str(pause_ms)])
        paced["pause_ms"] = pause_ms
        figures["posting_paced"] = paced
        log(f"comment posting at about half rate: {paced['rps']:,.0f} requests/s, p50 {paced['p50']:.2f} ms,"
            f" p99 {paced['p99']:.2f} ms (each connection pausing {pause_ms} ms)")
        figures["rss_load"] = max(r["rss"] for r in results)
        try:
            figures["publish_ms"], figures["visible"] = publish_to_visible(options, base, f"/{DEEP_SECTION}")
        except (OSError, RuntimeError) as e:  # at a million stories the server may still be swamped
            log(f"publish to visible failed: {e}")
            figures["publish_ms"], figures["visible"] = None, {"publishing": None}
        log("publish to visible: " + ", ".join(f"{k} {v:.0f} ms" if v is not None else f"{k} not within 30 s"
                                                for k, v in figures["visible"].items()))
        server.stop()

        uncached = Server(options, db, "server-uncached.log", ["--broadsheet.cache.enabled=false"])
        servers.append(uncached)
        figures["startup_uncached"], _ = start_timed(uncached, featured_slug)
        wrk(base + article_path, JVM_WARMUP if not options.quick else options.warmup, uncached)
        results.insert(2, measure(f"article page, cache off ({figures['article_comments']} comments)",
                                  base + article_path, options, uncached))
        figures["rss_load_uncached"] = results[2]["rss"]
        results.append(measure("nginx, static file (again, at the end)", static_url, options))
        uncached.stop()
        nginx.stop()
        write_report(options, figures, counts, results, load_before, began)
    finally:
        for s in servers:
            s.stop()
        if nginx:
            nginx.stop()
        if options.keep or options.corpus:
            log(f"kept the corpus: data directory {data}" + (f", schema {db.schema}" if db.schema else ""))
        else:
            db.drop()
            shutil.rmtree(data, ignore_errors=True)


def one_client(ms):
    return "" if ms is None else "over 10,000" if ms == float("inf") else f"{ms:.1f}"


def times(ratio):
    return f"{ratio:.1f}" if ratio < 10 else f"{ratio:,.0f}"


def has_page_cache():
    jar = sorted(glob.glob(os.path.join(ROOT, "target", "broadsheet-*.jar")))[-1]
    with zipfile.ZipFile(jar) as archive:
        return any("news/broadsheet/cache/" in entry for entry in archive.namelist())


def write_report(options, figures, counts, results, load_before, began):
    reference = results[0]
    size = f"{options.stories // 1_000_000}m" if options.stories % 1_000_000 == 0 else (
        f"{options.stories // 1000}k" if options.stories % 1000 == 0 else str(options.stories))
    name = f"perf-{options.db}-{size}"
    lines = [f"# Broadsheet against nginx: {options.db}, {options.stories:,} stories", ""]
    lines.append(f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime(began))} on this 2-core machine (shared)"
                 f" with `bench/perf.sh --db {options.db} --stories {options.stories}"
                 + (f" --seconds {options.seconds}" if options.seconds != 10 else "")
                 + (" --search-index skip" if options.search_index == "skip" else "")
                 + (f" --corpus {options.corpus}" if options.corpus else "") + "`;"
                 f" whole run {(time.time() - began) / 60:.1f} minutes. Load average"
                 f" {load_before[0]:.1f} before, {os.getloadavg()[0]:.1f} after."
                 + (f" {options.note}" if options.note else ""))
    lines += ["", "wrk on 127.0.0.1: 2 threads, 32 connections, `--latency`, 5 s timeout,"
              f" {JVM_WARMUP} s of load on each target after Broadsheet starts (the JIT's warm-up), then for each"
              f" {options.warmup} s warm-up (posting: more, below) and {options.seconds} s measured. The reference is nginx"
              f" (Debian's nginx-light, 2 workers, sendfile) serving the article page's bytes"
              f" ({figures['article_bytes']:,} bytes, the same response Broadsheet gives wrk, which asks for no"
              " compression) as a static file in the same run. Ratios: requests/s as a fraction of nginx's,"
              " latency as a multiple of nginx's. Socket errors are mostly timeouts (over 5 s), which wrk leaves out"
              " of its latencies; \"one client\" is the median of 5 sequential requests between the warm-up and the"
              " run; \"busy after\" is how long the JVM kept working after wrk stopped (requests wrk had given up on;"
              " the next target waits for it, 120 s at most); \"load after\" is the machine's 1-minute load average after the run (2 cores,"
              " shared with other people's builds)." + ("" if has_page_cache() else
              " This jar has no page cache (no `news.broadsheet.cache` package): these are the \"before\" figures,"
              " and the two article rows both measure the uncached page."), ""]
    lines += ["| target | requests/s | / nginx | p50 ms | × nginx | p99 ms | × nginx | non-2xx/3xx | socket errors"
              " | one client, ms | busy after, s | load after |", "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r['name']} | {r['rps']:,.0f} | {r['rps'] / reference['rps']:.4f} | {r['p50']:.2f} |"
                     f" {times(r['p50'] / reference['p50'])} | {r['p99']:.2f} | {times(r['p99'] / reference['p99'])} |"
                     f" {r['non2xx']} | {r['errors']} | {one_client(r['alone'])} |"
                     f" {r['settle']:.0f} | {r['load']:.1f} |")
    posting = next(r for r in results if r["name"].startswith("comment posting"))
    before, total = figures["posting_db"]
    accepted = total - before
    seconds = options.seconds
    lines += ["", f"![p50 and p99 per target]({name}.png)", "", "## Comment posting", "",
              f"Each request POSTs the public comment form of one story with a body no other request sends"
              f" from a reader address of its own (`X-Forwarded-For`, trusted from 127.0.0.1), so the flood limit"
              f" stays on at its default of 5 a minute (moderation `post`, repeat window off, comments open on old"
              f" stories)."
              f" After {POSTING_WARMUP if not options.quick else options.warmup} s of posting to warm up,"
              f" accepted comments counted in the database: **{accepted:,}** new rows on the story in"
              f" the measured run ({seconds} s of wrk), that is **{accepted / seconds:,.0f}"
              f" accepted comments/s**; wrk counted {posting['requests']:,} requests in the measured run"
              f" ({posting['non2xx']} answered other than 2xx/3xx). The p99 in the table is at saturation."]
    paced = figures.get("posting_paced")
    if paced:
        lines += ["", f"At about half that rate (each of the {WRK_CONNECTIONS} connections pausing a random 0 to"
                      f" {2 * paced['pause_ms']} ms, {paced['pause_ms']} ms on average, between posts, {options.seconds} s): **{paced['rps']:,.0f} posts/s, p50 {paced['p50']:.2f} ms,"
                      f" p99 {paced['p99']:.2f} ms** ({paced['non2xx']} answered other than 2xx/3xx,"
                      f" {paced['errors']} socket errors)."]
    lines += ["", "## Start-up, memory, publish to visible", ""]
    started = f" (Spring logs \"Started in {figures['started_log']:.1f} s\")" if figures["started_log"] else ""
    lines.append(f"- First home page with content (the newest story on it), timed from process start (`java -jar`):"
                 f" **{figures['startup']:.2f} s**{started}; the second start (cache off) {figures['startup_uncached']:.2f} s.")
    lines.append(f"- Resident memory (VmRSS of the JVM, default heap): **{figures['rss_start']:.0f} MB** after start,"
                 f" **{figures['rss_load']:.0f} MB** at most under load (sampled every 0.5 s during wrk);"
                 f" {figures['rss_load_uncached']:.0f} MB in the cache-off run.")
    visible = figures["visible"]
    lines.append(f"- Publish to visible: a story created through the API and published with"
                 f" `POST /api/v1/articles/{{id}}/publish` ("
                 + ("no answer" if figures["publish_ms"] is None else f"{figures['publish_ms']:.0f} ms") + "); then each page polled, each by a thread of its own,"
                 f" until it shows the story: " + ", ".join(
                     f"{k} **{v:.0f} ms**" if v is not None else f"{k} **not within 30 s**" for k, v in visible.items())
                 + ", from the publish request.")
    if options.db == "sqlite" and options.stories >= 100_000:
        lines.append("- Started with `--broadsheet.database.quick-check=false`: SQLite's `quick_check` at start-up"
                     " reads the whole file (the header and schema checks still run).")
    lines += ["", "## Corpus", ""]
    lines.append(f"- {counts['stories']:,} published stories (3-5 paragraphs of generated news text each, over six"
                 f" years, a quarter in News) in {len(SECTIONS)} sections (4 of them nested), 1-2 of 40 bylines,"
                 f" 0-3 of 300 tags; {counts['comments']:,} approved comments (0-20 a story, {counts['replies']:,}"
                 f" of them replies); the newest story has {FEATURED_COMMENTS} and is the article measured.")
    if figures["seed_s"] is None:
        lines.append(f"- A corpus kept from an earlier run (`--corpus`), migrated by this build at its first start;"
                     " it also holds the comments and stories that earlier runs posted and published.")
    else:
        lines.append(f"- Inserted with {'Python sqlite3' if options.db == 'sqlite' else 'psql COPY, then ANALYZE'}"
                     f" into a database migrated by the application: {figures['seed_s']:.0f} s.")
    if figures["index"] is not None:
        rebuilt = figures.get("index_rebuild")
        lines.append(f"- Search index rebuilt by `java -jar … --rebuild-search-index`: {figures['index']:.0f} s, JVM start"
                     " included" + (f" ({rebuilt[0]:,} documents in {rebuilt[1]:.0f} s by its own count)." if rebuilt
                                   else "."))
    else:
        lines.append("- Search index not rebuilt (`--search-index skip`): bulk-inserted stories are not in it, so"
                     " search and related stories find (almost) nothing; their figures are not comparable.")
    text = "\n".join(lines) + "\n"
    if options.quick:
        print(text)
        return
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, name + ".md"), "w") as f:
        f.write(text)
    if not plot(results, os.path.join(RESULTS, name + ".png"),
                f"Broadsheet vs nginx static file: {options.db}, {options.stories:,} stories"):
        log("no plot (gnuplot missing or failed)")
    print(text)
    log(f"report: bench/results/{name}.md")


if __name__ == "__main__":
    main()
