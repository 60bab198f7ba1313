import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 38, developer prod38: production kutt's false findings, as classes.
// - A callback of a known API that is not error-first, whatever its first parameter is named: hbs's
//   `registerPartials(dir, function (err) {})` (hbs 4.x fires it on its folder walk's `end`, with no
//   argument), `fs.exists` (a boolean), `fs.watch`/`fs.watchFile` (an event name, two stats).
// This table declares only the cases its invalid rows name.
const named = new Set(["ignoredCallbackError", "noopCallback"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// kutt's server/utils/utils.js (Express 4 + hbs, CommonJS).
const kutt = dedent`
  const path = require("node:path");
  const fs = require("node:fs");
  const hbs = require("hbs");
  function registerHandlebarsHelpers() {
    hbs.registerPartials(path.join(__dirname, "../views/partials"), function (err) {});
    const customPartialsPath = path.join(__dirname, "../../custom/views/partials");
    if (fs.existsSync(customPartialsPath)) {
      hbs.registerPartials(customPartialsPath, function (err) {});
    }
  }
  module.exports = { registerHandlebarsHelpers };
`;

// Hand-written: a NestJS MVC bootstrap in TypeScript, hbs imported as a namespace, with options.
const nest = dedent`
  import { NestFactory } from "@nestjs/core";
  import { NestExpressApplication } from "@nestjs/platform-express";
  import { join } from "path";
  import * as hbs from "hbs";
  import { AppModule } from "./app.module";
  async function bootstrap() {
    const app = await NestFactory.create<NestExpressApplication>(AppModule);
    app.setViewEngine("hbs");
    hbs.registerPartials(join(__dirname, "..", "views", "partials"), { rename: (name: string) => name }, (err: unknown) => {
      console.log("partials registered");
    });
    await app.listen(3000);
  }
  bootstrap();
`;

// The project's own helper of that name, which may hand an error: stays reported.
const ownHelper = dedent`
  const views = require("./views");
  views.registerPartials("./partials", (err) => {
    startServer();
  });
`;

new RuleTester().run(narrowed, {
  valid: [
    { name: "hbs registerPartials callback, CommonJS (production kutt)", code: kutt, filename: "server/utils/utils.js" },
    { name: "hbs registerPartials callback with options, NestJS namespace import", code: nest, filename: "src/main.ts" },
    { name: "fs.exists callback gets a boolean", code: dedent`
      import fs from "node:fs";
      export function load(file, done) {
        fs.exists(file, (err) => {
          if (err) return done(null, file);
          done(null, null);
        });
      }
    `, filename: "src/load.js" },
    { name: "fs.watch with a no-op listener: no error to drop", code: dedent`
      const fs = require("fs");
      fs.watch("./config", () => {});
    `, filename: "src/watch.js" },
  ],
  invalid: [
    { name: "the project's own registerPartials stays an error-first callback", code: ownHelper, filename: "src/boot.js", findings: [{ case: "ignoredCallbackError", line: 2, column: 39, endColumn: 42, suggestions: [
      { title: "Check err, log it with console and return", output: ownHelper.replace("(err) => {\n", '(err) => {\n  if (err) {\n    console.error("views.registerPartials failed", err);\n    return;\n  }\n') },
    ] }], output: ownHelper.replace("(err) => {\n", '(err) => {\n  if (err) console.error("views.registerPartials failed", err);\n') },
    { name: "fs.watchFile is not error-first, fs.unwatchFile's neighbour fs.unlink is", code: dedent`
      const fs = require("fs");
      fs.watchFile("./config.json", (err) => reload());
      fs.unlink("./stale.lock", () => {});
    `, filename: "src/config.js", findings: [{ case: "noopCallback", line: 3, column: 27, endColumn: 35, suggestions: [
      { title: "Log the callback error with console", output: dedent`
        const fs = require("fs");
        fs.watchFile("./config.json", (err) => reload());
        fs.unlink("./stale.lock", (err) => {
          if (err) console.error("fs.unlink failed", err);
        });
      ` },
    ] }], output: null },
  ],
});
