/**
 * The trend as one self-contained HTML page: inline CSS, an inline SVG chart drawn here, no
 * script, no font, nothing loaded from anywhere. Every text from the repository (paths, commit
 * subjects, messages) is escaped.
 */
import * as path from "node:path";
import { FAMILIES, countOf, type PeriodResult, type TrendReport } from "./trend";
import { cellOf, sum } from "./trend-text";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One colour per family, readable on light and dark backgrounds; the total is drawn in grey. */
const COLOURS = ["#d1495b", "#edae49", "#00798c", "#30638e", "#8f5ba8", "#3d9970"];

const W = 760;
const H = 280;
const PAD = { left: 44, right: 36, top: 16, bottom: 40 };

function niceMax(n: number): number {
  if (n <= 5) return 5;
  const mag = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (n <= m * mag) return m * mag;
  return 10 * mag;
}

/** A line chart of the count per family (and the total) for each period. */
export function chartSvg(report: TrendReport): string {
  const ps = report.periods;
  const max = niceMax(Math.max(0, ...ps.map((p) => p.total)));
  const x = (i: number) => PAD.left + (ps.length <= 1 ? (W - PAD.left - PAD.right) / 2 : (i * (W - PAD.left - PAD.right)) / (ps.length - 1));
  const y = (n: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - n / max);
  const out: string[] = [`<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="Findings per family per period">`];
  for (let k = 0; k <= 4; k++) {
    const v = (max * k) / 4;
    out.push(`<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}"/>`);
    out.push(`<text class="axis" x="${PAD.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${Number.isInteger(v) ? v : v.toFixed(1)}</text>`);
  }
  const every = Math.max(1, Math.ceil(ps.length / 12));
  ps.forEach((p, i) => {
    if (i % every === 0 || i === ps.length - 1) out.push(`<text class="axis" x="${x(i).toFixed(1)}" y="${H - PAD.bottom + 18}" text-anchor="middle">${escapeHtml(p.label)}</text>`);
  });
  const series: { name: string; colour: string; values: number[]; dash?: boolean }[] = [
    ...FAMILIES.map((f, i) => ({ name: f, colour: COLOURS[i % COLOURS.length]!, values: ps.map((p) => p.counts[f] ?? 0) })),
    { name: "total", colour: "#888888", values: ps.map((p) => p.total), dash: true },
  ];
  for (const s of series) {
    const points = s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
    out.push(`<polyline fill="none" stroke="${s.colour}" stroke-width="2"${s.dash ? ' stroke-dasharray="5 4"' : ""} points="${points}"/>`);
    s.values.forEach((v, i) => out.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="${s.colour}"><title>${escapeHtml(`${ps[i]!.label}: ${s.name} ${v}`)}</title></circle>`));
  }
  out.push("</svg>");
  return out.join("\n");
}

function legend(): string {
  const items = FAMILIES.map((f, i) => `<li><span class="swatch" style="background:${COLOURS[i % COLOURS.length]}"></span>${escapeHtml(f)}</li>`);
  items.push('<li><span class="swatch total"></span>total</li>');
  return `<ul class="legend">${items.join("")}</ul>`;
}

function table(report: TrendReport): string {
  const head = ["period", "commit", ...FAMILIES, "total", "problems"].map((h) => `<th>${escapeHtml(h)}</th>`).join("");
  const rows = report.periods.map((p) => {
    const cells = [
      `<td>${escapeHtml(p.label)}${p.complete ? "" : " <small>(so far)</small>"}</td>`,
      `<td><code title="${escapeHtml(p.commit ? `${p.commit.id} ${p.commit.subject}` : "no commit yet")}">${p.commit ? p.commit.id.slice(0, 7) : "-"}</code></td>`,
      ...FAMILIES.map((f) => `<td class="n">${escapeHtml(cellOf(p.counts[f] ?? 0, p.new[f] ?? 0, p.fixed[f] ?? 0))}</td>`),
      `<td class="n"><b>${escapeHtml(cellOf(p.total, sum(p.new), sum(p.fixed)))}</b></td>`,
      `<td class="n">${p.problems.length}</td>`,
    ];
    return `<tr>${cells.join("")}</tr>`;
  });
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table>`;
}

function findingList(title: string, p: PeriodResult, which: "newFindings" | "fixedFindings"): string {
  const list = p[which];
  if (list.length === 0) return "";
  const items = list.slice(0, 200).map((f) => `<li><code>${escapeHtml(`${f.file}:${f.line}:${f.column}`)}</code> <span class="code">${escapeHtml(f.code)}</span> ${escapeHtml(f.message)}</li>`);
  const more = list.length > 200 ? `<li>… and ${list.length - 200} more</li>` : "";
  return `<h3>${escapeHtml(title)}</h3><ul class="findings">${items.join("")}${more}</ul>`;
}

const CSS = `
:root{color-scheme:light dark;--fg:#1f2328;--bg:#ffffff;--muted:#656d76;--line:#d0d7de}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--line:#30363d}}
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);margin:2rem auto;max-width:70rem;padding:0 1rem}
h1{font-size:1.4rem;margin:0 0 .25rem}.sub{color:var(--muted);margin:0 0 1.5rem}
svg{width:100%;height:auto;max-width:${W}px;display:block}svg .grid{stroke:var(--line)}svg .axis{fill:var(--muted);font-size:11px}
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem}.swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin-right:.35rem;vertical-align:-1px}
.swatch.total{background:repeating-linear-gradient(90deg,#888 0 4px,transparent 4px 7px)}
table{border-collapse:collapse;margin:1rem 0;font-variant-numeric:tabular-nums}th,td{border-bottom:1px solid var(--line);padding:.3rem .7rem;text-align:left;white-space:nowrap}td.n{text-align:right}
code,.code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}.code{color:var(--muted)}
ul.findings{padding-left:1.2rem}ul.findings li{margin:.15rem 0}small{color:var(--muted)}`;

/** The whole page. */
export function trendHtml(report: TrendReport, lines: readonly string[]): string {
  const name = path.basename(report.top) + (report.prefix ? `/${report.prefix.replace(/\/$/, "")}` : "");
  const last = report.periods[report.periods.length - 1];
  const range = `${report.periods[0]?.label ?? ""} to ${last?.label ?? ""}, every ${report.step.n === 1 ? report.step.unit : `${report.step.n} ${report.step.unit}s`}, ${report.rev} (first parent)`;
  const problems = last && last.problems.length > 0 ? `<h3>Files not fully analyzed in ${escapeHtml(last.label)}</h3><ul class="findings">${last.problems.map((p) => `<li><code>${escapeHtml(p.file)}</code> ${escapeHtml(p.kind)}: ${escapeHtml(p.message)}</li>`).join("")}</ul>` : "";
  const totals = FAMILIES.filter((f) => (last?.counts[f] ?? 0) > 0).map((f) => countOf(f, last!.counts[f]!));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`Hardening Hints trend: ${name}`)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${escapeHtml(`Hardening Hints trend: ${name}`)}</h1>
<p class="sub">${escapeHtml(range)}${totals.length > 0 ? ` · now ${escapeHtml(totals.join(", "))}` : ""}</p>
${chartSvg(report)}
${legend()}
${table(report)}
<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul>
${last ? findingList(`New in ${last.label}`, last, "newFindings") + findingList(`Fixed in ${last.label}`, last, "fixedFindings") : ""}
${problems}
<p class="sub">${escapeHtml(`hardening-hints ${report.tool.version}: ${report.stats.commits} commits read, ${report.stats.blobsAnalyzed} blobs analyzed, ${report.stats.blobsReused} reused`)}</p>
</body>
</html>
`;
}
