"use strict";
// The floor as a process of its own, for the whole-CLI table: reads each listed file, parses
// and walks it, keeps nothing. Prints one JSON line with its own wall time and peak RSS.
//   node bench/lib/floor-child.cjs <file-with-one-path-per-line>
const fs = require("node:fs");
const t0 = performance.now();
const { parseAndWalk } = require("./floor.cjs");
const list = fs.readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean);
let nodes = 0;
let bytes = 0;
for (const file of list) {
  const text = fs.readFileSync(file, "utf8");
  bytes += text.length;
  nodes += parseAndWalk(file, text);
}
process.stdout.write(
  JSON.stringify({ files: list.length, nodes, chars: bytes, ms: performance.now() - t0, maxRssKb: process.resourceUsage().maxRSS }) + "\n",
);
