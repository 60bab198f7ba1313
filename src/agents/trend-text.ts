/** The trend as a terminal report: the table of findings per family per period, then what changed. */
import * as path from "node:path";
import { printable } from "../cli/escape";
import { FAMILIES, type TrendFinding, type TrendReport } from "./trend";

/** A table cell: the count, with what came and went since the previous period (`3 (+2 -1)`). */
export function cellOf(count: number, added: number, fixed: number): string {
  const delta = [added > 0 ? `+${added}` : "", fixed > 0 ? `-${fixed}` : ""].filter(Boolean).join(" ");
  return delta ? `${count} (${delta})` : String(count);
}

/** The sum of a per-family record. */
export const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

function columns(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join("  ").trimEnd()).join("\n");
}

function findingLine(f: TrendFinding): string {
  return `  ${printable(`${f.file}:${f.line}:${f.column}`)}  ${f.code}  ${printable(f.message)}`;
}

/** Findings listed under "New in …" and "Fixed in …" before the rest is summed up. */
const LISTED = 20;

export function formatTrendText(report: TrendReport, lines: readonly string[]): string {
  const name = path.basename(report.top) + (report.prefix ? `/${report.prefix.replace(/\/$/, "")}` : "");
  const out: string[] = [`Findings per period in ${printable(name)} (${printable(report.rev)}, first parent: the last commit of each period)`, ""];
  const rows: string[][] = [["period", "commit", ...FAMILIES, "total", "problems"]];
  rows.push(["(start)", report.start.commit ? report.start.commit.id.slice(0, 7) : "-", ...FAMILIES.map((f) => String(report.start.counts[f] ?? 0)), String(report.start.total), ""]);
  for (const p of report.periods) {
    rows.push([
      p.complete ? p.label : `${p.label}*`,
      p.commit ? p.commit.id.slice(0, 7) : "-",
      ...FAMILIES.map((f) => cellOf(p.counts[f] ?? 0, p.new[f] ?? 0, p.fixed[f] ?? 0)),
      cellOf(p.total, sum(p.new), sum(p.fixed)),
      String(p.problems.length),
    ]);
  }
  out.push(columns(rows));
  const last = report.periods[report.periods.length - 1];
  if (last && !last.complete) out.push(`* so far (up to ${new Date(report.until * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC)`);
  out.push("", ...lines);
  if (last) {
    for (const [title, list] of [[`New in ${last.label}`, last.newFindings], [`Fixed in ${last.label}`, last.fixedFindings]] as const) {
      if (list.length === 0) continue;
      out.push("", `${title}:`, ...list.slice(0, LISTED).map(findingLine));
      if (list.length > LISTED) out.push(`  … and ${list.length - LISTED} more (--format json lists them all)`);
    }
  }
  // A file that could not be analyzed is said, with the periods it was so in, never dropped.
  const byProblem = new Map<string, string[]>();
  for (const p of report.periods)
    for (const x of p.problems) {
      const key = `${printable(x.file)}: ${x.kind}: ${printable(x.message)}`;
      byProblem.set(key, [...(byProblem.get(key) ?? []), p.label]);
    }
  if (byProblem.size > 0) {
    out.push("", "Files not fully analyzed (periods):");
    for (const [key, labels] of byProblem) out.push(`  ${key} (${labels.length > 3 ? `${labels.length} periods, ${labels[0]} to ${labels[labels.length - 1]}` : labels.join(", ")})`);
  }
  return out.join("\n") + "\n";
}
