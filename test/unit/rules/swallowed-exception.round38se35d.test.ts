import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 35, developer se35: held round 26's Express 5 listen rule where the server entry imports
// the app from the project's own module (the retired held round 38's mobiStay `src/server.ts`:
// `import app from "./app.js"`, app.ts binding and exporting `express()`, a finding, debatable).
// Express 5 hands a failed bind to the listen callback, which logs "running" without its error.
// This table declares only the cases its invalid rows name.
const named = new Set(["ignoredCallbackError"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

const manifest = (version: string) => `{ "name": "fixture", "version": "1.0.0", "dependencies": { "express": "${version}" } }\n`;

// ES modules: `export default app` (held round 38).
const esEntry = dedent`
  import app from "./app.js";
  const PORT = process.env.PORT || 5000;
  app.listen(PORT, () => {
    console.log(\`Server running on http://localhost:\${PORT}\`);
  });
`;
const esApp = dedent`
  import express from "express";
  const app = express();
  app.use(express.json());
  export default app;
`;

// CommonJS, hand-written: `module.exports = { app }` and a destructured require.
const cjsEntry = dedent`
  const { app } = require("./app");
  app.listen(3000, function () {
    console.log("listening on 3000");
  });
`;
const cjsApp = dedent`
  const express = require("express");
  const app = express();
  app.get("/health", (req, res) => res.json({ ok: true }));
  module.exports = { app };
`;
// The module exports a Node server, not the app: its listen callback gets no error.
const serverApp = dedent`
  const express = require("express");
  const http = require("http");
  const app = express();
  const app2 = http.createServer(app);
  module.exports = { app: app2 };
`;

const files = (version: string, path: string, text: string) => ({ "package.json": manifest(version), [path]: text });

new RuleTester().run(narrowed, {
  valid: [
    { name: "Express 4: the imported app's listen callback gets no error", code: esEntry, filename: "src/server.ts", files: files("^4.19.2", "src/app.ts", esApp) },
    { name: "Express 5: the module exports a Node server built on the app", code: cjsEntry, filename: "src/index.js", files: files("^5.1.0", "src/app.js", serverApp) },
  ],
  invalid: [
    { name: "Express 5: the app imported from the project's app module (held round 38)", code: esEntry, filename: "src/server.ts", files: files("^5.2.1", "src/app.ts", esApp), findings: [{ case: "ignoredCallbackError", line: 3, column: 18, endColumn: 23, suggestions: [
      { title: "Log err with console", output: esEntry.replace("() => {\n", '(err) => {\n  if (err) console.error("app.listen failed", err);\n') },
      { title: "Check err, log it with console and return", output: esEntry.replace("() => {\n", '(err) => {\n  if (err) {\n    console.error("app.listen failed", err);\n    return;\n  }\n') },
    ] }], output: null },
    { name: "Express 5, CommonJS: the app required by name", code: cjsEntry, filename: "src/index.js", files: files("^5.1.0", "src/app.js", cjsApp), findings: [{ case: "ignoredCallbackError", line: 2, column: 18, endColumn: 29, suggestions: [
      { title: "Log err with console", output: cjsEntry.replace("function () {\n", 'function (err) {\n  if (err) console.error("app.listen failed", err);\n') },
      { title: "Check err, log it with console and return", output: cjsEntry.replace("function () {\n", 'function (err) {\n  if (err) {\n    console.error("app.listen failed", err);\n    return;\n  }\n') },
    ] }], output: null },
  ],
});
