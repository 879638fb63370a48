#!/usr/bin/env python3
"""Relevance harness: how well Broadsheet's search ranks, measured on a test collection.

Starts the built jar on an empty data directory (demo off, a first admin), signs in and creates an
API token through the newsroom's own pages, loads the collection's documents as published stories
through the JSON API (title -> headline, text -> body, less the title where the text repeats it),
waits until search has indexed them, runs every question through /api/v1/search with the site's
defaults (up to 1,000 results each), writes a TREC run and scores it against the judgements: MAP,
P@10 and nDCG@10, beside stock Lucene BM25's run from the same folder scored the same way.

    python3 bench/relevance.py cisi        # or cran, med, or a folder with the same four files

Collections: ../shared/testdata/search/<name>/ (docs.jsonl.gz, topics.tsv, qrels.txt,
baseline-lucene-bm25.run.gz; see that folder's README). Writes bench/results/relevance-<name>.md
and target/relevance/<name>.run. Run after `./mvnw package -DskipTests`, with a JDK >= 21 in
JAVA_HOME. Only 127.0.0.1 is contacted; every wait is bounded.
"""
import argparse
import gzip
import http.cookiejar
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTDATA = ROOT.parent / "shared" / "testdata" / "search"
ADMIN, PASSWORD = "harness", "judged-questions-ranked-2026"
DEPTH, PAGE = 1000, 100


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def java():
    home = os.environ.get("JAVA_HOME")
    if home and Path(home, "bin", "java").exists():
        return str(Path(home, "bin", "java"))
    for candidate in sorted(Path("/usr/lib/jvm").glob("*"), reverse=True):
        release = candidate / "release"
        if release.exists() and re.search(r'JAVA_VERSION="(2[1-9]|[3-9]\d)', release.read_text()):
            return str(candidate / "bin" / "java")
    sys.exit("a JDK >= 21 is needed: set JAVA_HOME")


class Site:
    """One Broadsheet on an empty data directory, and a signed-in HTTP client for it."""

    def __init__(self, port, data, jar=None):
        self.base = f"http://127.0.0.1:{port}"
        jars = [Path(jar)] if jar else [
            p for p in (ROOT / "target").glob("broadsheet-*.jar") if not p.name.endswith("-plain.jar")]
        if not jars or not jars[0].exists():
            sys.exit("build the jar first: ./mvnw package -DskipTests")
        self.log_file = open(Path(data) / "app.log", "w")
        self.process = subprocess.Popen(
            [java(), "-Xmx512m", "--enable-native-access=ALL-UNNAMED", "-jar", str(jars[0]),
             f"--server.port={port}", "--server.address=127.0.0.1", f"--broadsheet.data-dir={data}",
             "--broadsheet.demo-content.enabled=false",
                # One client measures as fast as it can: no per-client limit.
                "--broadsheet.rate-limit.search-per-minute=0", "--broadsheet.rate-limit.suggest-per-minute=0", "--broadsheet.rate-limit.api-per-minute=0", f"--broadsheet.admin.username={ADMIN}",
             f"--broadsheet.admin.password={PASSWORD}", "--broadsheet.admin.email=relevance@example.org",
             f"--broadsheet.site.base-url={self.base}", "--logging.level.root=WARN"],
            stdout=self.log_file, stderr=subprocess.STDOUT)
        self.cookies = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.token = None
        deadline = time.time() + 180
        while time.time() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"Broadsheet stopped at start-up; see {data}/app.log")
            try:
                self.cookies.open(self.base + "/login", timeout=5).read()
                return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)
        sys.exit("Broadsheet did not answer within 180 s")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log_file.close()

    def form(self, path, fields):
        """GETs a form page for its CSRF token, then POSTs the fields with it; returns the answer's HTML."""
        page = self.cookies.open(self.base + path, timeout=30).read().decode()
        csrf = re.search(r'name="_csrf" value="([^"]+)"', page)
        data = urllib.parse.urlencode(list(fields) + [("_csrf", csrf.group(1))]).encode()
        return self.cookies.open(self.base + path, data=data, timeout=30).read().decode()

    def sign_in_and_get_token(self):
        self.form("/login", [("username", ADMIN), ("password", PASSWORD)])
        page = self.form("/admin/tokens", [("name", "relevance harness"), ("scopes", "articles:write"),
                                           ("scopes", "authors:write"), ("scopes", "sections:write")])
        secret = re.search(r'id="new-token-secret" readonly value="([^"]+)"', page)
        if not secret:
            sys.exit("could not create an API token through /admin/tokens")
        self.token = secret.group(1)

    def api(self, method, path, body=None):
        request = urllib.request.Request(
            self.base + path, method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json",
                     "Accept": "application/json"})
        for attempt in range(20):
            try:
                with urllib.request.urlopen(request, timeout=60) as response:
                    return json.loads(response.read() or b"null")
            except urllib.error.HTTPError as e:
                if e.code in (429, 503) and attempt < 19:
                    time.sleep(float(e.headers.get("Retry-After", "1")))
                    continue
                sys.exit(f"{method} {path}: {e.code} {e.read().decode(errors='replace')[:500]}")


def load(site, docs):
    section = site.api("POST", "/api/v1/sections", {"name": "Collection", "slug": "collection"})
    author = site.api("POST", "/api/v1/authors", {"name": "Test Collection", "slug": "test-collection"})

    def publish(doc):
        title, text = doc["title"].strip(), doc["text"].strip()
        # The collections repeat the title as the text's first line; a story's body does not.
        body = text[len(title):].strip() if title and text.startswith(title) else text
        headline = (title or body.split("\n", 1)[0])[:300].strip() or f"Document {doc['id']}"
        created = site.api("POST", "/api/v1/articles", {
            "headline": headline, "body": body or headline, "slug": f"doc-{doc['id']}",
            "sectionId": section["id"], "authorIds": [author["id"]]})
        site.api("POST", f"/api/v1/articles/{created['id']}/publish")

    with ThreadPoolExecutor(4) as pool:
        for done, _ in enumerate(pool.map(publish, docs), 1):
            if done % 500 == 0:
                log(f"  {done} of {len(docs)} published")


def search(site, question):
    """Doc ids in rank order, up to DEPTH, through the public search API with its defaults."""
    ids = []
    for page in range(1, DEPTH // PAGE + 1):
        query = urllib.parse.urlencode({"q": question, "size": PAGE, "page": page})
        answer = site.api("GET", f"/api/v1/search?{query}")
        ids += [item["article"]["slug"].removeprefix("doc-") for item in answer["items"]]
        if not answer["links"]["next"]:
            break
    return ids


def wait_indexed(site, docs):
    last = docs[-1]
    words = " ".join(re.findall(r"[A-Za-z]{4,}", last["title"] or last["text"])[:8])
    deadline = time.time() + 600
    while time.time() < deadline:
        if str(last["id"]) in search(site, words)[:100]:
            time.sleep(2)  # the index follows the change log in order: everything before it is in
            return
        time.sleep(1)
    sys.exit("search did not index the collection within 600 s")


def read_run(lines):
    run = {}
    for line in lines:
        qid, _, doc, _rank, score, *_ = line.split()
        run.setdefault(qid, []).append((float(score), doc))
    return {qid: [doc for _, doc in sorted(docs, key=lambda d: -d[0])] for qid, docs in run.items()}


def scores(run, qrels):
    """MAP, P@10 and nDCG@10 (graded gains; judged queries with a relevant document; as trec_eval)."""
    aps, p10s, ndcgs = [], [], []
    for qid, grades in qrels.items():
        relevant = {d for d, g in grades.items() if g > 0}
        if not relevant:
            continue
        ranked = run.get(qid, [])[:DEPTH]
        hits, precision_sum = 0, 0.0
        for rank, doc in enumerate(ranked, 1):
            if doc in relevant:
                hits += 1
                precision_sum += hits / rank
        aps.append(precision_sum / len(relevant))
        p10s.append(sum(1 for d in ranked[:10] if d in relevant) / 10)
        dcg = sum(max(grades.get(d, 0), 0) / math.log2(i + 2) for i, d in enumerate(ranked[:10]))
        ideal = sorted((g for g in grades.values() if g > 0), reverse=True)[:10]
        idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
        ndcgs.append(dcg / idcg if idcg else 0)
    n = len(aps)
    return {"MAP": sum(aps) / n, "P@10": sum(p10s) / n, "nDCG@10": sum(ndcgs) / n, "queries": n}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("collection", help="cisi, cran, med, or a folder holding the same four files")
    parser.add_argument("--port", type=int, default=18290)
    parser.add_argument("--jar", help="the jar to run (default: target/broadsheet-*.jar)")
    parser.add_argument("--keep", help="keep the data directory here (for a second run on the same load)")
    args = parser.parse_args()
    folder = Path(args.collection) if Path(args.collection).is_dir() else TESTDATA / args.collection
    name = folder.name
    if not (folder / "docs.jsonl.gz").exists():
        sys.exit(f"no collection at {folder} (the shared test data is not here)")
    with gzip.open(folder / "docs.jsonl.gz", "rt") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    topics = [line.rstrip("\n").split("\t", 1) for line in open(folder / "topics.tsv") if line.strip()]
    qrels = {}
    for line in open(folder / "qrels.txt"):
        qid, _, doc, grade = line.split()[:4]
        qrels.setdefault(qid, {})[doc] = int(grade)
    with gzip.open(folder / "baseline-lucene-bm25.run.gz", "rt") as f:
        baseline = scores(read_run(f), qrels)

    data = args.keep or tempfile.mkdtemp(prefix="broadsheet-relevance-")
    reuse = args.keep and Path(data, "broadsheet.db").exists()
    Path(data).mkdir(parents=True, exist_ok=True)
    site = Site(args.port, data, args.jar)
    try:
        site.sign_in_and_get_token()
        started = time.time()
        if reuse:
            log(f"{name}: reusing the stories already loaded in {data}")
        else:
            log(f"{name}: publishing {len(docs)} documents through the API")
            load(site, docs)
        wait_indexed(site, docs)
        load_seconds = time.time() - started
        log(f"{name}: running {len(topics)} questions")
        timings, run_lines, run = [], [], {}
        for qid, question in topics:
            t0 = time.perf_counter()
            ids = search(site, question)
            timings.append(time.perf_counter() - t0)
            run[qid] = ids
            run_lines += [f"{qid} Q0 {doc} {rank} {DEPTH - rank + 1} broadsheet" for rank, doc in enumerate(ids, 1)]
    finally:
        site.stop()
        if not args.keep:
            shutil.rmtree(data, ignore_errors=True)
    ours = scores(run, qrels)
    out_dir = ROOT / "target" / "relevance"
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / f"{name}.run").write_text("\n".join(run_lines) + "\n")

    timings.sort()
    lines = [
        f"# Search relevance: {name.upper()}",
        "",
        f"Measured by `bench/relevance.py {name}` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: "
        f"{len(docs):,} documents published through the JSON API into an empty Broadsheet (demo off) in "
        f"{load_seconds:.0f} s including indexing; {len(topics)} questions run through `/api/v1/search` with the "
        f"site's defaults (relevance order, up to {DEPTH} results, {PAGE} per request); "
        f"{ours['queries']} of them have relevant documents and are scored.",
        "",
        "| run | MAP | P@10 | nDCG@10 |",
        "|---|---|---|---|",
        f"| stock Lucene BM25 (EnglishAnalyzer; the collection's own run) | {baseline['MAP']:.4f} | "
        f"{baseline['P@10']:.4f} | {baseline['nDCG@10']:.4f} |",
        f"| Broadsheet through the API | {ours['MAP']:.4f} | {ours['P@10']:.4f} | {ours['nDCG@10']:.4f} |",
        f"| ratio | **{ours['MAP'] / baseline['MAP']:.3f}** | {ours['P@10'] / baseline['P@10']:.3f} | "
        f"{ours['nDCG@10'] / baseline['nDCG@10']:.3f} |",
        "",
        f"Target: MAP at least 1.1 times stock BM25. Time per question for all its result pages, as the "
        f"harness saw it (up to {DEPTH // PAGE} requests): median {timings[len(timings) // 2] * 1000:.0f} ms. "
        f"The run is in `target/relevance/{name}.run` (TREC format).",
    ]
    report = ROOT / "bench" / "results" / f"relevance-{name}.md"
    report.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
