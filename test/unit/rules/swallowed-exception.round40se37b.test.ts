import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 37, developer se37: an optional service made at module load (`let service = null; try { service =
// new Service(); log } catch (e) { warn(e); }`) whose routes test it and answer 503 while it is unset (tune's
// Hebahesham123/courriersystem `formspreeSync`, decided clean), the success flag's other spelling
// (outcome-flag.ts). A service nothing tests stays reported.
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

const ignore = (code: string, header: string, indent: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(`${header}\n`, `${header}\n${indent}// Intentionally ignored: <reason>\n`) });

const formspree = (route: string) => dedent`
  import FormspreeSync from "./formspree-sync.js";
  let formspreeSync = null;
  try {
    formspreeSync = new FormspreeSync();
    console.log("Formspree sync service initialized");
  } catch (error) {
    console.warn("Formspree sync service not available:", error.message);
  }
  ${route}
`;
const tested = formspree('app.get("/api/formspree/status", (req, res) => {\n  if (!formspreeSync) {\n    return res.status(503).json({ error: "Formspree sync service not available" });\n  }\n  res.json(formspreeSync.getStatus());\n});');
const untested = formspree('app.get("/api/formspree/status", (req, res) => {\n  res.json(formspreeSync.getStatus());\n});');
// A TypeScript Fastify module, hand-written: an optional search index whose handler answers 503 while it is unset.
const search = dedent`
  import { SearchIndex } from "./search-index";
  let index: SearchIndex | null = null;
  try {
    index = new SearchIndex(loadIndexConfig());
    logger.info("search index ready");
  } catch (err) {
    logger.warn({ err }, "search index unavailable");
  }
  export async function searchHandler(request: FastifyRequest, reply: FastifyReply) {
    return index ? index.query(String(request.query.q)) : reply.code(503).send({ error: "search unavailable" });
  }
`;

new RuleTester().run(narrowed, {
  valid: [
    { name: "an optional service made at load whose route tests it and answers 503", code: tested, filename: "server/index.js" },
    { name: "a TypeScript search index made at load, tested where it is used", code: search, filename: "src/search/handler.ts" },
  ],
  invalid: [
    { name: "neighbour: the service used untested", code: untested, filename: "server/index.js", findings: [{ case: "logAndContinue", line: 6, column: 5, endColumn: 18, suggestions: [ignore(untested, "} catch (error) {", "    ")] }], output: null },
  ],
});
