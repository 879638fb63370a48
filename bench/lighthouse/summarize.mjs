// Reads the Lighthouse JSON reports written by bench/lighthouse.sh and prints (and writes as Markdown)
// the median score per category per page, the median timings, and every audit that cost points.
// Usage: node summarize.mjs <reports dir> <markdown file> <runs> <machine note> <section path> <article path>
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";

const [dir, markdownFile, runsArg, note, sectionPath, articlePath] = process.argv.slice(2);
const runs = Number(runsArg);
const pages = [
  ["home", "/"],
  ["section", sectionPath],
  ["article", articlePath],
];
const categories = ["performance", "accessibility", "best-practices", "seo"];
const metrics = [
  ["first-contentful-paint", "FCP"],
  ["largest-contentful-paint", "LCP"],
  ["total-blocking-time", "TBT"],
  ["cumulative-layout-shift", "CLS"],
  ["speed-index", "Speed Index"],
];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const groupBy = (items, key) => {
  const groups = new Map();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
};
const percent = (score) => (score == null ? "n/a" : String(Math.round(score * 100)));

const reports = new Map(
  pages.map(([page]) => [
    page,
    Array.from({ length: runs }, (_, i) => JSON.parse(readFileSync(join(dir, `${page}-${i + 1}.report.json`), "utf8"))),
  ]),
);
const first = reports.get("home")[0];
// bench/lighthouse.sh notes the load average before each run ("<page> <n> <1 min> <5 min> <15 min>").
const loadRange = () => {
  const file = join(dir, "load-average.txt");
  if (!existsSync(file)) return `now ${loadavg()[0].toFixed(2)}`;
  const oneMinute = readFileSync(file, "utf8").trim().split("\n").map((line) => Number(line.split(" ")[2]));
  return `${Math.min(...oneMinute).toFixed(2)}–${Math.max(...oneMinute).toFixed(2)}`;
};

const lines = [];
lines.push("# Lighthouse: home, section front, article (mobile)", "");
lines.push(
  `Run ${reports.get("article").at(-1).fetchTime.replace(/\.\d+Z$/, "Z")} by \`bench/lighthouse.sh\`: Lighthouse ${first.lighthouseVersion}, ` +
    `${first.environment.hostUserAgent.match(/(HeadlessChrome|Chrome)\/[\d.]+/)?.[0] ?? "Chromium"}, ` +
    `default mobile settings (simulated slow 4G, 4× CPU slowdown), ${runs} runs per page, interleaved; ` +
    `Broadsheet on a fresh SQLite database with the demo newsroom.`,
  "",
);
const benchmarkIndexes = [...reports.values()].flat().map((r) => r.environment.benchmarkIndex);
lines.push(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, 1-minute load average ` +
    `${loadRange()} before the runs; Lighthouse's benchmark index ${Math.min(...benchmarkIndexes)}–` +
    `${Math.max(...benchmarkIndexes)} (median ${median(benchmarkIndexes)}; higher is a faster, quieter machine).` +
    (note ? ` ${note}` : ""),
  "",
);
lines.push(`Pages: home \`/\`, section \`${sectionPath}\`, article \`${articlePath}\`.`, "");

lines.push("## Median scores", "");
lines.push("| page | performance | accessibility | best practices | SEO | performance, each run |");
lines.push("|---|---|---|---|---|---|");
for (const [page] of pages) {
  const list = reports.get(page);
  const cells = categories.map((c) => percent(median(list.map((r) => r.categories[c].score))));
  const each = list.map((r) => percent(r.categories.performance.score)).join(", ");
  lines.push(`| ${page} | ${cells.join(" | ")} | ${each} |`);
}
lines.push("");

lines.push("## Median timings", "");
lines.push(`| page | ${metrics.map(([, label]) => label).join(" | ")} |`);
lines.push(`|---|${metrics.map(() => "---").join("|")}|`);
for (const [page] of pages) {
  const list = reports.get(page);
  const cells = metrics.map(([id]) => {
    const value = median(list.map((r) => r.audits[id].numericValue));
    return id === "cumulative-layout-shift" ? value.toFixed(3) : `${Math.round(value)} ms`;
  });
  lines.push(`| ${page} | ${cells.join(" | ")} |`);
}
lines.push("");

// Lighthouse measures this machine before each run (its benchmark index); on a shared machine the
// performance score follows it, so each run is listed with it.
lines.push("## Each run", "");
lines.push("| page | run | performance | benchmark index | TBT | Speed Index | LCP |");
lines.push("|---|---|---|---|---|---|---|");
for (const [page] of pages) {
  for (const [runIndex, r] of reports.get(page).entries()) {
    const ms = (id) => `${Math.round(r.audits[id].numericValue)} ms`;
    lines.push(`| ${page} | ${runIndex + 1} | ${percent(r.categories.performance.score)} | ${r.environment.benchmarkIndex} | ` +
      `${ms("total-blocking-time")} | ${ms("speed-index")} | ${ms("largest-contentful-paint")} |`);
  }
}
lines.push("");

// An audit costs points when it is weighted in a category and scored below 1 in some run.
lines.push("## Audits that cost points", "");
const losses = [];
for (const [page] of pages) {
  for (const [runIndex, report] of reports.get(page).entries()) {
    for (const category of categories) {
      for (const ref of report.categories[category].auditRefs) {
        const audit = report.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          losses.push({ page, run: runIndex + 1, category, id: ref.id, title: audit.title, score: audit.score, display: audit.displayValue });
        }
      }
    }
  }
}
if (losses.length === 0) {
  lines.push("None: every weighted audit scored 1 in every run.");
} else {
  lines.push("| category | audit | page: runs that lost points (score, value) |");
  lines.push("|---|---|---|");
  const byAudit = groupBy(losses, (l) => `${l.category}\u0000${l.id}`);
  for (const [key, list] of byAudit) {
    const [category, id] = key.split("\u0000");
    const where = [...groupBy(list, (l) => l.page)]
      .map(([page, ls]) => `${page}: ${ls.map((l) => `#${l.run} (${percent(l.score)}${l.display ? `, ${l.display}` : ""})`).join(", ")}`)
      .join("; ");
    lines.push(`| ${category} | ${list[0].title} (\`${id}\`) | ${where} |`);
  }
}
lines.push("");

// Hand-written findings (what was fixed and what each fix gained) travel with every regenerated report.
const notesFile = new URL("./notes.md", import.meta.url);
if (existsSync(notesFile)) lines.push(readFileSync(notesFile, "utf8").trimEnd(), "");

const markdown = lines.join("\n");
writeFileSync(markdownFile, markdown);
console.log(markdown);
