#!/usr/bin/env python3
"""Comment-heavy pages, measured: a story with 5,000 comments and the desk's queue with 100,000
pending comments, on SQLite and PostgreSQL. Each page is timed against a static stylesheet served
by the same server in the same run (the reference), so the report gives medians and ratios rather
than numbers that depend on how busy this shared machine is.

Usage: bench/comments.py [--runs N] [--databases sqlite,postgresql]  (writes bench/comments-report.md)
Needs: a built jar (./mvnw package -DskipTests), a JDK >= 21 in JAVA_HOME, psql for PostgreSQL.
Targets 127.0.0.1 only; every loop is bounded.
"""
import argparse, csv, glob, http.cookiejar, os, re, shutil, sqlite3, statistics, subprocess, sys, tempfile, time
import urllib.parse, urllib.request, uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PORT = 18090
ADMIN, PASSWORD = "benchadmin", "bench password 123"
THREAD_COMMENTS, PENDING_COMMENTS = 5_000, 100_000


def opener():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def get(client, path):
    try:
        with client.open(f"http://127.0.0.1:{PORT}{path}", timeout=60) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def start(args, log):
    java = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java")
    jar = sorted(glob.glob(os.path.join(ROOT, "target", "broadsheet-*.jar")))[-1]
    process = subprocess.Popen([java, "--enable-native-access=ALL-UNNAMED", "-jar", jar, f"--server.port={PORT}",
                                f"--broadsheet.admin.username={ADMIN}", f"--broadsheet.admin.password={PASSWORD}",
                                "--broadsheet.comments.flood-per-minute=1000000", *args],
                               stdout=log, stderr=subprocess.STDOUT)
    client = opener()
    for _ in range(240):
        try:
            status, body = get(client, "/")
            if status == 200 and 'class="lead"' in body:
                return process
        except OSError:
            pass
        time.sleep(0.5)
    process.kill()
    sys.exit("server did not start")


def seed_rows(article_id, other_ids):
    now = int(time.time() * 1000)
    thread = []
    for i in range(THREAD_COMMENTS):
        thread.append((article_id, f"Reader {i}", f"Comment number {i} on this story, with a few words.", "approved",
                       now - (THREAD_COMMENTS - i) * 1000, "bench"))
    pending = []
    for i in range(PENDING_COMMENTS):
        pending.append((other_ids[i % len(other_ids)], f"Queued {i}", f"Pending comment {i}.", "pending",
                        now - (PENDING_COMMENTS - i) * 10, "bench"))
    return thread + pending


INSERT = ("INSERT INTO comment (article_id, author_name, body, status, created_at, client_address_hash)"
          " VALUES (?, ?, ?, ?, ?, ?)")


def seed_sqlite(path, article_id, other_ids):
    db = sqlite3.connect(path, timeout=60)
    db.executemany(INSERT, seed_rows(article_id, other_ids))
    db.commit()
    db.close()


def seed_postgresql(schema, article_id, other_ids):
    rows = seed_rows(article_id, other_ids)
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, newline="") as f:
        csv.writer(f).writerows(rows)
        name = f.name
    subprocess.run(["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-c",
                    f"\\copy {schema}.comment (article_id, author_name, body, status, created_at, client_address_hash)"
                    f" FROM '{name}' WITH (FORMAT csv)"], check=True)
    os.unlink(name)


def ids(client):
    status, home = get(client, "/")
    lead = re.search(r'class="lead".*?href="([^"]+)"', home, re.S).group(1)
    status, page = get(client, lead)
    lead_id = int(re.search(r'action="/articles/(\d+)/comments"', page).group(1))
    return lead, lead_id


def sign_in(client):
    status, page = get(client, "/login")
    token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"username": ADMIN, "password": PASSWORD, "_csrf": token}).encode()
    try:
        client.open(f"http://127.0.0.1:{PORT}/login", data=data, timeout=30)
    except urllib.error.HTTPError as e:
        if e.code != 302:
            raise


def timed(client, path, runs):
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        status, _ = get(client, path)
        samples.append((time.perf_counter() - t) * 1000)
        assert status == 200, (path, status)
    return statistics.median(samples), sorted(samples)[int(len(samples) * 0.9) - 1]


def run(database, runs, lines):
    data = tempfile.mkdtemp(prefix="bench-")
    args = [f"--broadsheet.data-dir={data}"]
    schema = None
    if database == "postgresql":
        schema = "bench_" + uuid.uuid4().hex[:12]
        subprocess.run(["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-c", f"CREATE SCHEMA {schema}"], check=True)
        args += [f"--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema={schema}",
                 "--spring.datasource.username=postgres"]
    with open(os.path.join(data, "server.log"), "w") as log:
        server = start(args, log)
        try:
            client = opener()
            lead, lead_id = ids(client)
            others = [lead_id + 1, lead_id + 2, lead_id + 3]
            if database == "sqlite":
                seed_sqlite(os.path.join(data, "broadsheet.db"), lead_id, others)
            else:
                seed_postgresql(schema, lead_id, others)
            status, home = get(client, "/")
            css = re.search(r'href="(/assets/css/[^"]+)"', home).group(1)
            sign_in(client)
            timed(client, lead, 5)  # warm up
            timed(client, "/admin/comments?queue=pending", 5)
            ref = timed(client, css, runs)
            article = timed(client, lead, runs)
            desk = timed(client, "/admin/comments?queue=pending", runs)
            older = re.search(r'rel="next" href="([^"]+)"', get(client, "/admin/comments?queue=pending")[1]).group(1)
            desk2 = timed(client, older.replace("&amp;", "&"), runs)
            for name, (median, p90) in [("static stylesheet (reference)", ref),
                                         (f"article page, {THREAD_COMMENTS:,} comments (first page)", article),
                                         (f"desk, pending queue of {PENDING_COMMENTS:,}", desk),
                                         ("desk, second page (keyset)", desk2)]:
                lines.append(f"| {database} | {name} | {median:.1f} | {p90:.1f} | {median / ref[0]:.1f}× |")
        finally:
            server.terminate()
            server.wait(30)
            if schema:
                subprocess.run(["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-c",
                                f"DROP SCHEMA {schema} CASCADE"], check=False)
            shutil.rmtree(data, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--databases", default="sqlite,postgresql")
    options = parser.parse_args()
    lines = ["| database | page | median ms | p90 ms | median / reference |", "|---|---|---|---|---|"]
    for database in options.databases.split(","):
        run(database, options.runs, lines)
    report = os.path.join(ROOT, "bench", "comments-report.md")
    with open(report, "w") as f:
        f.write("# Comment pages under load of data\n\n")
        f.write(f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {options.runs} sequential requests per page"
                " from one client on 127.0.0.1, after 5 warm-up requests. Reference: the site's stylesheet from the"
                " same server in the same run.\n\n")
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
