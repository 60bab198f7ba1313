import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 35, developer se35: a one-off script's report step whose try only reads files
// synchronously and prints what it found (the retired held round 38's alwayz deploy script,
// decided clean; held round 28's "a try whose only effect is log lines"): a failure loses a report
// line, which the catch's own warning replaces. Outside a scripts folder it stays reported.
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A deploy script's bundle-size report (held round 38).
const bundle = dedent`
  function analyzeBundleSize() {
    console.log("Analyzing bundle size...");
    try {
      const assets = path.join(process.cwd(), "dist", "assets");
      let totalSize = 0;
      for (const file of fs.readdirSync(assets)) {
        const size = fs.statSync(path.join(assets, file)).size;
        totalSize += size;
        console.log(\`   \${file}: \${(size / 1024).toFixed(2)} KB\`);
      }
      console.log(\`Total bundle size: \${(totalSize / 1024).toFixed(2)} KB\`);
    } catch (error) {
      console.warn("Could not analyze bundle size:", error.message);
    }
  }
`;

// A CommonJS CI script, hand-written: the coverage summary printed when there is one.
const coverage = dedent`
  const fs = require("fs");
  function printCoverage() {
    try {
      const file = "coverage/coverage-summary.json";
      if (!fs.existsSync(file)) return;
      const total = JSON.parse(fs.readFileSync(file, "utf8")).total;
      console.log("lines: " + total.lines.pct + "%");
    } catch (e) {
      console.warn("no coverage summary:", e.message);
    }
  }
  printCoverage();
  runDeploy();
`;

new RuleTester().run(narrowed, {
  valid: [
    { name: "a deploy script's bundle-size report (held round 38)", code: bundle, filename: "scripts/deploy.js" },
    { name: "a CI script printing the coverage summary", code: coverage, filename: "ci-scripts/report.js" },
  ],
  invalid: [
    { name: "the same report in the app's own code", code: bundle, filename: "src/lib/bundle.js", findings: [{ case: "logAndContinue", line: 12, column: 5, endColumn: 18, suggestions: [{ title: "Mark as intentionally ignored…", output: bundle.replace("  } catch (error) {\n", "  } catch (error) {\n    // Intentionally ignored: <reason>\n") }] }], output: null },
  ],
});
