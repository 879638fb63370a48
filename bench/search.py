#!/usr/bin/env python3
"""Site search over 100,000 stories, measured. Starts the packaged jar once (demo content off) so
Flyway makes the schema, stops it, bulk-inserts synthetic stories straight into SQLite, starts it
again and times the automatic full index rebuild, then measures search latency (p50, p99) per kind
of query and throughput at a fixed concurrency for a bounded time. The reference is the site's
static stylesheet served by the same server in the same run, so the report gives ratios as well as
milliseconds that depend on how busy this shared machine is. The server runs with the JVM options
of ./broadsheet (the documented way to run it); requests are sent and timed by wrk, so the client's
own pauses are not in the tail.

Usage: bench/search.py [--articles N] [--seconds S] [--concurrency C] [--data DIR]
       (writes bench/search-report.md)
Needs: a built jar (./mvnw package -DskipTests), a JDK >= 21 in JAVA_HOME, and wrk (Debian package).
Targets 127.0.0.1 only; every loop is bounded in count and time.
"""
import argparse, glob, os, random, re, shutil, sqlite3, subprocess, sys, tempfile, time
import urllib.error, urllib.parse, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PORT = 18091
WARM_UP_SECONDS = 3  # per kind, before measuring: the JIT compiles the search path in the first few hundred

# The words stories are made of: a news vocabulary written for this benchmark, drawn with
# Zipf-like weights so that some words are common and most are rare, as in real text.
NEWS_WORDS = """
the a of to and in that for on with as by at from is was were has have had will would said says could
council city mayor government minister parliament election elections vote voters campaign party policy
budget tax taxes spending economy inflation interest rates bank banks market markets shares investors
company companies workers union strike pay wages jobs unemployment housing rent prices energy gas power
climate weather flood floods storm rain heat drought farmers harvest water river harbour port ships
shipping cranes dockers transport rail trains buses roads traffic airport flights police court judge
trial jury crime prison officers investigation report inquiry health hospital doctors nurses patients
school schools teachers pupils university students research scientists study data technology software
internet phone privacy security army defence war peace talks treaty border refugees aid charity church
festival music film theatre museum gallery artist book novel writer football match team league cup
season coach player players goal goals win wins lost draw race runners olympic tennis cricket rugby
children families parents community residents neighbours village town district region county state
national international global local officials spokesman statement announced plans plan proposal review
decision agreement deal contract crisis warning risk safety fire accident rescue emergency services
minister president leader opposition coalition reform law bill debate committee member members public
people year years week weeks month months day days today yesterday morning evening night time record
new old first last next major small large high low early late long short better worse more less
""".split()
PHRASES = ["city council", "prime minister", "interest rates", "climate change", "health service",
           "police officers", "housing market", "energy prices", "football league", "peace talks"]
SECTIONS = ["News", "World", "Business", "Politics", "Sport", "Culture", "Science", "Opinion"]
AUTHORS = ["Ada Reyes", "Kim Laine", "Lee Okafor", "Ida Berg", "Sam Patel", "Noor Haddad", "Tom Varga",
           "Mia Costa", "Ravi Menon", "Eva Lund", "Jon Mbeki", "Lia Novak"]
YEARS = [2020, 2021, 2022, 2023, 2024, 2025, 2026]


def vocabulary(rng):
    """The news words plus 6,000 made-up ones (place names, surnames, jargon) from syllables."""
    syllables = ["ba", "ca", "da", "fe", "ge", "ha", "ki", "lo", "ma", "ne", "po", "ra", "si", "ta", "vo",
                 "win", "bor", "ster", "ling", "ton", "ham", "ford", "ley", "mar", "quin", "dor", "vel"]
    made_up = set()
    while len(made_up) < 6000:
        made_up.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    words = NEWS_WORDS + sorted(made_up)
    weights = [1.0 / (rank + 8) for rank in range(len(words))]
    return words, list(__import__("itertools").accumulate(weights))


def sentence(rng, words, weights):
    chosen = rng.choices(words, cum_weights=weights, k=rng.randint(8, 22))
    if rng.random() < 0.3:
        chosen.insert(rng.randint(0, len(chosen)), rng.choice(PHRASES))
    return " ".join(chosen).capitalize() + "."


def story(rng, words, weights):
    headline = " ".join(rng.choices(words, cum_weights=weights, k=rng.randint(5, 10))).capitalize()
    standfirst = sentence(rng, words, weights)
    paragraphs, count, target = [], 0, rng.randint(400, 800)
    while count < target:
        paragraph = " ".join(sentence(rng, words, weights) for _ in range(rng.randint(3, 6)))
        count += paragraph.count(" ") + 1
        paragraphs.append(paragraph)
    return headline, standfirst, paragraphs


def java():
    return os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java")


def product_jvm_options():
    """The JVM options ./broadsheet starts the application with (its JVM_OPTIONS list), so that
    what is measured is what an operator runs: the same collector and the same heap."""
    script = open(os.path.join(ROOT, "broadsheet")).read()
    block = re.search(r"^JVM_OPTIONS=\((.*?)^\)", script, re.S | re.M).group(1)
    return [option for line in block.splitlines() for option in line.split("#")[0].split()]


def start(data, log):
    jar = sorted(glob.glob(os.path.join(ROOT, "target", "broadsheet-*.jar")))[-1]
    jvm = product_jvm_options() + os.environ.get("BENCH_JVM_OPTIONS", "").split()
    return subprocess.Popen([java(), *jvm, "-jar", jar, f"--server.port={PORT}",
                             f"--broadsheet.data-dir={data}", "--broadsheet.demo-content.enabled=false",
                # One client measures as fast as it can: no per-client limit.
                "--broadsheet.rate-limit.search-per-minute=0", "--broadsheet.rate-limit.suggest-per-minute=0", "--broadsheet.rate-limit.api-per-minute=0"],
                            stdout=log, stderr=subprocess.STDOUT)


def get(path, timeout=60):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=timeout) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def wait_until(condition, seconds, what):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.25)
    sys.exit(f"timed out waiting for {what}")


def stop(process):
    process.terminate()
    process.wait(60)


def seed(db_path, count, rng):
    words, weights = vocabulary(rng)
    db = sqlite3.connect(db_path, timeout=60)
    db.execute("PRAGMA synchronous=OFF")
    for i, name in enumerate(SECTIONS):
        slug = name.lower()
        db.execute("INSERT INTO section (slug, name, description, path, position) VALUES (?, ?, ?, ?, ?)",
                   (slug, name, f"About {name}.", slug, i))
    for name in AUTHORS:
        db.execute("INSERT INTO author (slug, name, bio) VALUES (?, ?, ?)",
                   (name.lower().replace(" ", "-"), name, f"{name} writes for us."))
    section_ids = [r[0] for r in db.execute("SELECT id FROM section ORDER BY id")]
    author_ids = [r[0] for r in db.execute("SELECT id FROM author ORDER BY id")]
    start_ms = int(time.mktime((YEARS[0], 1, 1, 0, 0, 0, 0, 0, 0)) * 1000)
    end_ms = int(time.time() * 1000) - 3_600_000
    total_words = 0
    batch = []
    for n in range(count):
        headline, standfirst, paragraphs = story(rng, words, weights)
        total_words += sum(p.count(" ") + 1 for p in paragraphs)
        published = rng.randint(start_ms, end_ms)
        markdown = "\n\n".join(paragraphs)
        html = "".join(f"<p>{p}</p>\n" for p in paragraphs)
        batch.append((f"bench-{n}", headline[:300], standfirst, markdown, html, rng.choice(section_ids), "published",
                      published, published, published))
        if len(batch) == 2000:
            insert(db, batch, author_ids, rng)
            batch = []
    if batch:
        insert(db, batch, author_ids, rng)
    db.commit()
    db.close()
    return total_words


def insert(db, batch, author_ids, rng):
    for row in batch:
        cursor = db.execute("INSERT INTO article (slug, headline, standfirst, body_markdown, body_html, section_id,"
                            " status, published_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
        for position, author in enumerate(rng.sample(author_ids, rng.choice([1, 1, 1, 2]))):
            db.execute("INSERT INTO article_author (article_id, author_id, position) VALUES (?, ?, ?)",
                       (cursor.lastrowid, author, position))


def unrepeated(count, seed):
    """Two-word searches no one asked before (no answer kept for them): words drawn as stories'
    words are, so common words come up more often than rare ones; each asked once."""
    words, weights = vocabulary(random.Random(20261128))  # the same words the stories were written in
    stop = set("a an and are as at be but by for if in into is it no not of on or such that the their then there"
               " these they this to was will with".split())  # English stop words: a pair of them finds nothing
    rng, seen = random.Random(seed), set()
    while len(seen) < count:
        pair = tuple(rng.choices(words, cum_weights=weights, k=2))
        if pair[0] != pair[1] and not (pair[0] in stop and pair[1] in stop):
            seen.add(" ".join(pair))
    return [f"/search?q={urllib.parse.quote_plus(q)}" for q in sorted(seen, key=lambda q: rng.random())]


def queries(section_id):
    q = urllib.parse.quote_plus
    return {
        "single word": [f"/search?q={q(w)}" for w in ["council", "harbour", "inflation", "festival", "rescue"]],
        "two words": [f"/search?q={q(w)}" for w in ["council budget", "harbour strike", "energy prices",
                                                     "police investigation", "football coach"]],
        "phrase": [f"/search?q={q(w)}" for w in ['"city council"', '"interest rates"', '"peace talks"',
                                                  '"housing market"', '"climate change"']],
        "typo": [f"/search?q={q(w)}" for w in ["councel", "harbuor", "inflaton", "festivl", "rescure"]],
        "facet-filtered": [f"/search?q={q(w)}&section={section_id}&year=2024" for w in
                           ["council", "harbour", "energy", "police", "football"]],
        "newest first": [f"/search?q={q(w)}&sort=newest" for w in ["council", "harbour", "inflation", "festival",
                                                                   "rescue"]],
        "deep page (50)": [f"/search?q={q(w)}&page=50" for w in ["council", "harbour", "energy", "police",
                                                                "football"]],
    }


# wrk sends the paths of PATHS in turn, one after another on each connection; with ONCE set it
# stops after sending each path once (for searches that must not be answered from memory).
ROTATE_LUA = """
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
local once = os.getenv("ONCE") == "1"
local sent = 0
request = function()
  sent = sent + 1
  return wrk.format("GET", paths[((sent - 1) % #paths) + 1])
end
response = function(status, headers, body)
  if once and sent >= #paths then wrk.thread:stop() end
end
"""


def wrk(paths, seconds, connections=1, once=False):
    """Requests the paths in turn for a bounded time; returns (p50 ms, p99 ms, requests, requests/s)."""
    with tempfile.TemporaryDirectory() as work:
        with open(os.path.join(work, "paths"), "w") as f:
            f.write("\n".join(paths) + "\n")
        with open(os.path.join(work, "rotate.lua"), "w") as f:
            f.write(ROTATE_LUA)
        env = dict(os.environ, PATHS=os.path.join(work, "paths"), ONCE="1" if once else "0")
        out = subprocess.run(["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s", "--latency",
                              "--timeout", "30s", "-s", os.path.join(work, "rotate.lua"),
                              f"http://127.0.0.1:{PORT}"], env=env, capture_output=True, text=True,
                             timeout=seconds + 60).stdout
    if "Non-2xx" in out or "Socket errors" in out:
        sys.exit(f"wrk saw failed requests for {paths[0]}:\n{out}")

    def millis(percent):
        value, unit = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)$", out, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    requests = int(re.search(r"(\d+) requests in", out).group(1))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return millis(50), millis(99), requests, rate


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=10, help="per kind of query, for latency and throughput")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--data", help="keep the seeded database in this directory and reuse it on the next run"
                                       " (the index is rebuilt every time); for trying changes quickly")
    options = parser.parse_args()
    rng = random.Random(20261128)
    data = options.data or tempfile.mkdtemp(prefix="bench-search-")
    os.makedirs(data, exist_ok=True)
    seeded = os.path.join(data, "seeded")
    log_path = os.path.join(data, "server.log")
    began = time.time()
    try:
        if os.path.exists(seeded):
            words, seed_seconds = (int(v) if i == 0 else float(v) for i, v in enumerate(open(seeded).read().split()))
        else:
            with open(log_path, "w") as log:
                server = start(data, log)
                wait_until(lambda: get("/search")[0] == 200, 180, "first start")
                stop(server)
            t = time.time()
            words = seed(os.path.join(data, "broadsheet.db"), options.articles, rng)
            seed_seconds = time.time() - t
            if options.data:
                with open(seeded, "w") as f:
                    f.write(f"{words} {seed_seconds}")
        # Rows inserted behind the application's back are not in the change log: remove the index
        # so that the next start finds none and rebuilds it, which is what is measured.
        shutil.rmtree(os.path.join(data, "search-index"), ignore_errors=True)
        print(f"inserted {options.articles:,} stories ({words:,} body words) in {seed_seconds:.0f} s", flush=True)
        log_path = os.path.join(data, "server-2.log")
        with open(log_path, "w") as log:
            t = time.time()
            server = start(data, log)
            try:
                wait_until(lambda: "Search index rebuilt" in open(log_path).read(), 900, "the index rebuild")
                wait_until(lambda: get("/search")[0] == 200, 300, "the server")
                until_searchable = time.time() - t
                rebuilt = re.search(r"Search index rebuilt: (\d+) documents in (\d+) ms", open(log_path).read())
                documents, rebuild_ms = int(rebuilt.group(1)), int(rebuilt.group(2))
                print(f"rebuilt {documents:,} documents in {rebuild_ms / 1000:.1f} s", flush=True)
                # Then the node merges the new index into one segment while it answers searches;
                # what follows is measured on the merged index.
                wait_until(lambda: "Search index merged" in open(log_path).read(), 900, "the merge after the rebuild")
                merge_ms = int(re.search(r"Search index merged into one segment in (\d+) ms",
                                         open(log_path).read()).group(1))
                print(f"merged in {merge_ms / 1000:.1f} s", flush=True)
                index_bytes = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in
                                  os.walk(os.path.join(data, "search-index")) for f in fs)
                status, home = get("/")
                css = re.search(r'href="(/assets/css/[^"]+)"', home).group(1)
                section_id = sqlite3.connect(os.path.join(data, "broadsheet.db")).execute(
                    "SELECT id FROM section WHERE slug = 'business'").fetchone()[0]
                mix = queries(section_id)
                for paths in mix.values():
                    wrk(paths, WARM_UP_SECONDS)
                wrk([css], WARM_UP_SECONDS)
                rows = []
                ref = wrk([css], options.seconds)
                rows.append(("static stylesheet (reference)", ref))
                for name, paths in mix.items():
                    rows.append((name, wrk(paths, options.seconds)))
                    print(f"{name}: p50 {rows[-1][1][0]:.1f} ms, p99 {rows[-1][1][1]:.1f} ms", flush=True)
                wrk(unrepeated(1000, 1), WARM_UP_SECONDS * 2, once=True)  # warm up on other searches
                # More searches than can be asked in the time, each once: none is answered from memory.
                cold = wrk(unrepeated(5000, 2), options.seconds, once=True)
                print(f"unrepeated: p50 {cold[0]:.1f} ms, p99 {cold[1]:.1f} ms ({cold[2]} searches)", flush=True)
                all_paths = [p for paths in mix.values() for p in paths]
                ref_rate = wrk([css], options.seconds, options.concurrency)[3]
                rate = wrk(all_paths, options.seconds, options.concurrency)[3]
                sample_hits = re.search(r"([\d,]+) stories match", get(mix["single word"][0])[1])
            finally:
                stop(server)
        lines = ["| query | requests | p50 ms | p99 ms | p50 / reference |", "|---|---|---|---|---|"]
        for name, (p50, p99, requests, _) in rows:
            lines.append(f"| {name} | {requests:,} | {p50:.1f} | {p99:.1f} | {p50 / ref[0]:.1f}× |")
        lines.append(f"| two words, each asked once | {cold[2]:,} | {cold[0]:.1f} | {cold[1]:.1f}"
                     f" | {cold[0] / ref[0]:.1f}× |")
        report = os.path.join(ROOT, "bench", "search-report.md")
        with open(report, "w") as f:
            f.write("# Site search over 100,000 stories\n\n")
            f.write(f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on this 2-core machine (shared),"
                    f" SQLite, one node. `bench/search.py --articles {options.articles}"
                    f" --seconds {options.seconds} --concurrency {options.concurrency}`; server JVM options as"
                    f" ./broadsheet runs it: `{' '.join(product_jvm_options())}`; whole run"
                    f" {(time.time() - began) / 60:.1f} minutes.\n\n")
            f.write("## Data and rebuild\n\n")
            f.write(f"- {options.articles:,} synthetic stories ({words:,} body words, 400-800 each) in"
                    f" {len(SECTIONS)} sections by {len(AUTHORS)} authors over {len(YEARS)} years, written from a"
                    f" news word list plus 6,000 made-up words with Zipf-like frequencies, inserted with"
                    f" Python's sqlite3 in {seed_seconds:.0f} s.\n")
            f.write(f"- Automatic full rebuild at start-up (no index found): {documents:,} documents in"
                    f" **{rebuild_ms / 1000:.1f} s**; search answered {until_searchable:.0f} s after the JVM was"
                    f" started. Then the node merged the index into one segment while answering searches, in"
                    f" {merge_ms / 1000:.1f} s; what follows was measured after that. Index size"
                    f" {index_bytes / 1e6:.0f} MB.\n")
            if sample_hits:
                f.write(f"- `council` matches {sample_hits.group(1)} stories.\n")
            f.write("\n## Latency\n\n")
            f.write(f"One client on 127.0.0.1 sending requests one after another on a kept-alive connection for"
                    f" {options.seconds} s per kind (wrk; after {WARM_UP_SECONDS} s of warm-up per kind), cycling over"
                    f" five queries each, so all but the first of each are answered from the node's kept answers"
                    f" (`broadsheet.search.answer-cache-entries`) as a repeated search is on a live site; the last row"
                    f" is different two-word searches each asked once, none of them kept. Every search renders the"
                    f" full results page:"
                    " 10 hits with highlighted snippets, checked against the database, and facet counts for"
                    " section, author and year (on a 5,000-story sample when more match).\n\n")
            f.write("\n".join(lines) + "\n\n")
            f.write("## Throughput\n\n")
            f.write(f"{options.concurrency} concurrent clients for {options.seconds} s each, the query mix above"
                    f" (35 queries in rotation, wrk): **{rate:.0f} searches/s**; the stylesheet at the"
                    f" same concurrency: {ref_rate:.0f} requests/s ({rate / ref_rate:.2f} of it).\n")
        print(open(report).read())
    finally:
        if not options.data:
            shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
