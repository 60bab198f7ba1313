import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { markedRow, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 45, developer produb: production parse-server (parse-community/parse-server, triaged blind at cebb3c43),
// `src/PromiseRouter.js:141`. A shallow copy of the body (`Object.assign({}, req.body)`, `{ ...req.body }`) held in a
// `const` whose every read goes into a log line is only logged, as the body spread straight into a log line's object
// is (the docs: logging it is not a use). A copy also read elsewhere, a copy into an object that is not empty, or a
// `let` stays a use.

const PKG = { "package.json": '{ "dependencies": { "express": "^4.18.0" } }' };

const handler = (copy: string, after: string) => dedent`
  import express from "express";
  import log from "./logger";

  const app = express();
  app.use(express.json());

  app.post("/classes/:name", (req, res) => {
    ${copy}
    log.logRequest({ method: req.method, url: req.originalUrl, body });
    ${after}
    res.json({ ok: true });
  });

  export default app;
`;

const ASSIGN = handler("const body = Object.assign({}, req.body);", "");
const SPREAD = handler("const body = { ...req.body, password: \"[REDACTED]\" };", "console.info(\"copied\", { body });");
const STORED = handler("const body = Object.assign({}, req.body);", "db.insert(body);").replace("import log", "import db from \"./db\";\nimport log");
const INTO_STATE = handler("const body = Object.assign(req.session, req.body);", "");
const LET = handler("let body = { ...req.body };", "");

const valid: ValidCase[] = [
  { name: "an Object.assign copy of the body only logged (parse-server PromiseRouter.js:141)", code: ASSIGN, filename: "src/router.ts", files: PKG },
  { name: "another style: the body spread into a const with a redacted field, only logged twice", code: SPREAD, filename: "src/router.ts", files: PKG },
];

const invalid: InvalidCase[] = [
  markedRow("the copy also handed to a database call stays a use", STORED, "src/router.ts", PKG, "expressBody", 9, 34, 42),
  markedRow("assigned into an object of the server's (the session), not an empty copy", INTO_STATE, "src/router.ts", PKG, "expressBody", 8, 43, 51),
  markedRow("a let copy may be given on", LET, "src/router.ts", PKG, "expressBody", 8, 19, 27),
];

runWithNamedCases(valid, invalid);
