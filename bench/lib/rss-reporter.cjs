"use strict";
// Preloaded (`node --require`) into a measured child when /usr/bin/time is missing: at exit,
// the main thread writes the process's peak RSS and CPU time to $BENCH_RSS_FILE.
const { isMainThread } = require("node:worker_threads");
const file = process.env.BENCH_RSS_FILE;
if (file && isMainThread) {
  process.on("exit", () => {
    const u = process.resourceUsage();
    require("node:fs").writeFileSync(file, JSON.stringify({ maxRssKb: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
  });
}
