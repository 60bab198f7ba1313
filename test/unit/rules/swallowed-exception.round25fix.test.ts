import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Fixes (session 23, review R67), hand-written rows:
// - "Set process.exitCode after logging" only at the top level of a real script: a file that
//   exports nothing and starts no server, run as a script (a shebang, a scripts folder,
//   `process.argv`/`process.exit`, or a chain that starts from a call of a function such as
//   `main()`); a module that exports its app, or one that listens, is imported or keeps serving,
//   where the exit code does nothing;
// - a rebuilt handler keeps every comment of the one it replaces, in its place.
// This table declares only the cases its invalid rows name.
const named = new Set(["promiseCatchLogOnly", "emptyErrorHandler"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

new RuleTester().run(narrowed, {
  valid: [],
  invalid: [
    {
      name: "a connect at the top level of a module that exports the app its server imports: no exit code, the comment untouched",
      filename: "src/app.ts",
      code: dedent`
        import express from "express";
        import mongoose from "mongoose";

        const app = express();

        mongoose.connect(DB_URL).then(() => {}).catch((err) => {
          console.log(\`Database connection error: \${err}\`);
          // process.exit();
        });

        export default app;
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 6, column: 47, endLine: 9, endColumn: 2, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            import express from "express";
            import mongoose from "mongoose";

            const app = express();

            mongoose.connect(DB_URL).then(() => {}).catch((err) => {
              // Intentionally ignored: <reason>
              console.log(\`Database connection error: \${err}\`);
              // process.exit();
            });

            export default app;
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a CommonJS module that exports its client: no exit code",
      filename: "lib/db.js",
      code: dedent`
        const client = createClient(process.env.REDIS_URL);
        client.connect().catch((err) => console.error("redis connect failed", err));
        module.exports = client;
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 2, column: 24, endLine: 2, endColumn: 75, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            const client = createClient(process.env.REDIS_URL);
            client.connect().catch((err) => /* Intentionally ignored: <reason> */ console.error("redis connect failed", err));
            module.exports = client;
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a file that exports nothing but starts a server: a failed connect leaves it serving, no exit code",
      filename: "src/server.ts",
      code: dedent`
        import { app } from "./app";
        import { db } from "./db";

        db.connect().catch((err) => console.error("db connect failed", err));
        app.listen(3000);
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 4, column: 20, endLine: 4, endColumn: 68, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            import { app } from "./app";
            import { db } from "./db";

            db.connect().catch((err) => /* Intentionally ignored: <reason> */ console.error("db connect failed", err));
            app.listen(3000);
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a server the chain itself starts once connected: a failed connect is a failed start, the exit code stays",
      filename: "src/server.ts",
      code: dedent`
        import { createConnection } from "typeorm";

        createConnection().then(async () => {
          app.listen(3000);
        }).catch((error) => console.log("connection error: ", error));
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 5, column: 10, endLine: 5, endColumn: 61, suggestions: [
          { title: "Set process.exitCode after logging", output: dedent`
            import { createConnection } from "typeorm";

            createConnection().then(async () => {
              app.listen(3000);
            }).catch((error) => {
              console.log("connection error: ", error);
              process.exitCode = 1;
            });
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            import { createConnection } from "typeorm";

            createConnection().then(async () => {
              app.listen(3000);
            }).catch((error) => /* Intentionally ignored: <reason> */ console.log("connection error: ", error));
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a start function that listens, called by the caught chain: a failed start, the exit code stays",
      filename: "server/index.ts",
      code: dedent`
        async function startServer() {
          await db.connect();
          app.listen(3000);
        }

        startServer().catch(console.error);
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 6, column: 21, endLine: 6, endColumn: 34, suggestions: [
          { title: "Set process.exitCode after logging", output: dedent`
            async function startServer() {
              await db.connect();
              app.listen(3000);
            }

            startServer().catch((err) => {
              console.error(err);
              process.exitCode = 1;
            });
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a client's method at the top level of a file that exports nothing, with no sign of a script: not sure, no exit code",
      filename: "src/db.ts",
      code: dedent`
        import mongoose from "mongoose";

        mongoose.connect(DB_URL).catch((err) => console.error("db connect failed", err));
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 3, column: 32, endLine: 3, endColumn: 80, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            import mongoose from "mongoose";

            mongoose.connect(DB_URL).catch((err) => /* Intentionally ignored: <reason> */ console.error("db connect failed", err));
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a seed script's entry keeps its exit code, and the rebuilt handler keeps its comments in place",
      filename: "prisma/seed.ts",
      code: dedent`
        import { seed } from "../src/seed";

        seed().catch((err) => {
          console.error("seed failed", err); // TODO
          // process.exit(1);
        });
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 3, column: 14, endLine: 6, endColumn: 2, suggestions: [
          { title: "Set process.exitCode after logging", output: dedent`
            import { seed } from "../src/seed";

            seed().catch((err) => {
              console.error("seed failed", err); // TODO
              // process.exit(1);
              process.exitCode = 1;
            });
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            import { seed } from "../src/seed";

            seed().catch((err) => {
              // Intentionally ignored: <reason>
              console.error("seed failed", err); // TODO
              // process.exit(1);
            });
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a method call at the top level of a file in a scripts folder keeps its exit code",
      filename: "scripts/migrate.ts",
      code: dedent`
        import { knex } from "../src/db";

        knex.migrate.latest().catch((err) => console.error("migration failed", err));
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 3, column: 29, endLine: 3, endColumn: 76, suggestions: [
          { title: "Set process.exitCode after logging", output: dedent`
            import { knex } from "../src/db";

            knex.migrate.latest().catch((err) => {
              console.error("migration failed", err);
              process.exitCode = 1;
            });
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            import { knex } from "../src/db";

            knex.migrate.latest().catch((err) => /* Intentionally ignored: <reason> */ console.error("migration failed", err));
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "log and exit on an ignored unhandledRejection keeps the handler's comment",
      filename: "src/main.ts",
      code: dedent`
        process.on("unhandledRejection", () => {
          /* TODO */
        });
      `,
      findings: [
        { case: "emptyErrorHandler", line: 1, column: 34, endLine: 3, endColumn: 2, suggestions: [
          { title: "Log the error with console", output: dedent`
            process.on("unhandledRejection", (err) => {
              /* TODO */
              console.error("unhandledRejection", err);
            });
          ` },
          { title: "Log with console and exit", output: dedent`
            process.on("unhandledRejection", (err) => {
              /* TODO */
              console.error("unhandledRejection", err);
              process.exit(1);
            });
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            process.on("unhandledRejection", () => {
              // Intentionally ignored: <reason>
              /* TODO */
            });
          ` },
        ] },
      ],
      output: null,
    },
  ],
});
