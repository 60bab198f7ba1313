import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 32, developer se32b (the retired held round 35, with its lead's decisions;
// hand-written analogues, no fetched code): parses of data in hand, request bodies read as empty
// through a try, reply bodies whose loss changes nothing, and each loop item let go of in turn.
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "catchReturnsDefault", "emptyCatch", "promiseCatchNoop", "promiseCatchLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A provider that parses the model's reply text; the catch does `warn` and answers `answer`.
const provider = (source: string, warn: string, answer = "return [];"): string => dedent`
  export async function search(client: Client, query: string) {
    const rawText = ${source};
    if (!rawText) return [];
    let jsonStr = rawText;
    const match = rawText.match(/\`\`\`(?:json)?([\\s\\S]*?)\`\`\`/);
    if (match) jsonStr = match[1].trim();
    let parsed: unknown[];
    try {
      const data = JSON.parse(jsonStr);
      parsed = Array.isArray(data) ? data : [data];
    } catch {
      ${warn}
      ${answer}
    }
    return parsed.filter(isScholarship);
  }
`;
const modelText = "(await client.generate(query)).text";
const withRaw = "console.warn(`parse failed: ${rawText.substring(0, 400)}`);";
const noRaw = provider(modelText, 'console.warn("parse failed for", query);');
const builds = provider(modelText, withRaw).replace("parsed = Array.isArray(data) ? data : [data];", "parsed = normalizeAll(data);");

// An OAuth callback's state, base64 JSON or the bare user id; the catch does `fallback`.
const oauthState = (fallback: string): string => dedent`
  export function userOf(state: string | null): string | null {
    let userId: string | null = null;
    if (state) {
      try {
        const stateData = JSON.parse(atob(state));
        userId = stateData.user_id;
      } catch {
        console.log("State is not JSON, treating it as the user id");
        ${fallback}
      }
    }
    return userId;
  }
`;
const madeUpUser = oauthState('userId = "anonymous";');

// A data API's payload whose `jsonData` is parsed; the catch answers `answer`.
const dataApi = (answer: string): string => dedent`
  export function unwrap(payload: Record<string, unknown>) {
    try {
      return JSON.parse((payload as Record<string, string>).jsonData ?? "{}");
    } catch {
      return ${answer};
    }
  }
`;
const otherField = dataApi("(payload as Record<string, unknown>).fallback");

// An Edge function reading its optional options body through a try whose catch does `fallback`.
const options = (read: string, fallback: string, initial = "{}"): string => dedent`
  Deno.serve(async (req: Request) => {
    let options: { sourceIds?: string[]; triggerWorker?: boolean } = ${initial};
    if (req.method === "POST") {
      try {
        ${read}
      } catch {${fallback}}
    }
    return new Response(JSON.stringify(await run(options)));
  });
`;
const textRead = 'const body = await req.text();\n        options = body ? JSON.parse(body) : {};';
const jsonRead = "const body = await req.json();\n        options = body || {};";
const madeUpOptions = options(textRead, "\n        options = { triggerWorker: true };\n      ");

// A body destructured with defaults, the `.catch` answering `fallback`.
const batch = (fallback: string): string => dedent`
  export const handler = async (req: Request): Promise<Response> => {
    const { batchSize = 10 } = await req.json().catch(() => (${fallback}));
    return new Response(JSON.stringify(await backfill(batchSize)));
  };
`;
const otherDefault = batch("{ batchSize: 50 }");

// A fan-out whose results carry `fields` (the body read in the ok branch).
const fanOut = (fields: string): string => dedent`
  export async function syncAll(shops: string[]) {
    const results = await Promise.all(shops.map((shop) =>
      fetch(\`/api/sync?shop=\${shop}\`).then(async (res) => ({
        shop,
        ${fields}
        data: res.ok ? await res.json().catch(() => null) : await res.text(),
      }))
    ));
    return results;
  }
`;
const noSuccessField = fanOut("status: res.status,");

// A link check that retries with GET and `then` after draining the body.
const linkCheck = (then: string): string => dedent`
  export async function isReachable(link: string): Promise<boolean> {
    const res2 = await fetch(link, { method: "GET" });
    await res2.text().catch(() => {});
    ${then}
  }
`;
const drainedOnly = linkCheck("return true;");
const drainedLogged = drainedOnly.replace(".catch(() => {});", ".catch((err) => console.warn(err));");

// Modules let go of in reverse order at reload, each try doing `step`.
const reload = (step: string): string => dedent`
  export async function reloadModules(modules: Module[]) {
    for (const mod of [...modules].reverse()) {
      if (!mod.dispose) continue;
      try {
        ${step}
      } catch (err) {
        const msg = err instanceof Error ? err.message : String(err);
        console.error(\`Module "\${mod.name}" dispose() failed: \${msg}\`);
      }
    }
    return loadModules();
  }
`;
const flushes = reload("await mod.flush();");

// The "Mark as intentionally ignored…" suggestion: the marker comment opened under `header` at `indent`.
const ignore = (code: string, header: string, indent: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(`${header}\n`, `${header}\n${indent}// Intentionally ignored: <reason>\n`) });
const ignoreInline = (code: string, arrow: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(arrow, `${arrow}/* Intentionally ignored: <reason> */ `) });
const presetOptions = options(jsonRead, " ", "{ triggerWorker: true }");

new RuleTester().run(narrowed, {
  valid: [
    { name: "a model's reply that does not parse, warned with its raw text, answers no results (round 28, held round 35)", code: provider(modelText, withRaw) },
    { name: "the same with a null answer", code: provider(modelText, withRaw, "return null;") },
    { name: "an OAuth state that is not base64 JSON kept as the raw id, after a log line", code: oauthState("userId = state;") },
    { name: "a payload field that does not parse answered as it came (a field of a value in hand, with a constant default)", code: dataApi("(payload as Record<string, unknown>).jsonData") },
    { name: "a request body read through a try, the catch resetting the options to {}", code: options(textRead, "\n        options = {};\n      ") },
    { name: "a request body read through a try with an empty catch, the options starting as {}", code: options(jsonRead, " ") },
    { name: "a body's .catch answering the destructuring's own defaults", code: batch("{ batchSize: 10 }") },
    { name: "an ok reply's body read for details beside success: res.ok", code: fanOut("success: res.ok,\n        status: res.status,") },
    { name: "a body drained, the answer its status", code: linkCheck("return res2.ok;") },
    { name: "each loaded module's dispose() at reload, its failure logged", code: reload("await mod.dispose();") },
  ],
  invalid: [
    { name: "neighbour: the parse failure warned without the text", code: noRaw, findings: [{ case: "logAndContinue", line: 11, column: 5, endColumn: 10, confidence: "low", suggestions: [ignore(noRaw, "} catch {", "    ")] }], output: noRaw.replace("} catch {", "} catch (err) {").replace('query);\n    return', 'query, err);\n    return') },
    { name: "neighbour: a try that also builds from what it parsed", code: builds, findings: [{ case: "logAndContinue", line: 11, column: 5, endColumn: 10, confidence: "low", suggestions: [ignore(builds, "} catch {", "    ")] }], output: builds.replace("} catch {", "} catch (err) {").replace("400)}`);", "400)}`, err);") },
    { name: "neighbour: a made-up user id for a state that does not parse", code: madeUpUser, findings: [{ case: "logAndContinue", line: 7, column: 7, endColumn: 12, suggestions: [ignore(madeUpUser, "} catch {", "      ")] }], output: madeUpUser.replace("} catch {", "} catch (err) {").replace('user id");', 'user id", err);') },
    { name: "neighbour: another field answered", code: otherField, findings: [{ case: "catchReturnsDefault", line: 4, column: 5, endColumn: 10, suggestions: [
      { title: "Log the error with console", output: otherField.replace("} catch {\n", '} catch (err) {\n    console.error("JSON.parse failed in unwrap", err);\n') },
      ignore(otherField, "} catch {", "    "),
    ] }], output: null },
    { name: "neighbour: made-up options for a body that does not parse", code: madeUpOptions, findings: [{ case: "catchReturnsDefault", line: 7, column: 7, endColumn: 12, suggestions: [
      { title: "Log the error with console", output: madeUpOptions.replace("} catch {\n", '} catch (err) {\n      console.error("req.text or JSON.parse failed", err);\n') },
      ignore(madeUpOptions, "} catch {", "      "),
    ] }], output: null },
    { name: "neighbour: a fallback other than the destructuring's defaults", code: otherDefault, findings: [{ case: "promiseCatchNoop", line: 2, column: 53, endColumn: 78, suggestions: [ignoreInline(otherDefault, ".catch(() => ")] }], output: otherDefault.replace(".catch(() => ({ batchSize: 50 }))", '.catch((err) => {\n    console.error("req.json failed in handler", err);\n    return ({ batchSize: 50 });\n  })') },
    { name: "neighbour: the body's null answered with no success field", code: noSuccessField, findings: [{ case: "promiseCatchNoop", line: 6, column: 45, endColumn: 55, suggestions: [ignoreInline(noSuccessField, ".catch(() => ")] }], output: noSuccessField.replace(".catch(() => null)", '.catch((err) => {\n        console.error("res.json failed", err);\n        return null;\n      })') },
    { name: "neighbour: a drained body in a function that never reads the status", code: drainedOnly, findings: [{ case: "promiseCatchNoop", line: 3, column: 27, endColumn: 35, suggestions: [
      { title: "Rethrow in the handler after logging", output: drainedOnly.replace(".catch(() => {});", '.catch((err) => {\n    console.error("res2.text failed in isReachable", err);\n    throw err;\n  });') },
      { title: "Mark as intentionally ignored…", output: drainedOnly.replace(".catch(() => {});", ".catch(() => {\n    // Intentionally ignored: <reason>\n  });") },
    ] }], output: drainedOnly.replace(".catch(() => {});", '.catch((err) => {\n    console.error("res2.text failed in isReachable", err);\n  });') },
    { name: "neighbour: a module step that flushes", code: flushes, findings: [{ case: "logAndContinue", line: 6, column: 7, endColumn: 18, suggestions: [ignore(flushes, "} catch (err) {", "      ")] }], output: flushes.replace("${msg}`);", "${msg}`, err);") },
    { name: "neighbour: an empty catch leaving options that start as a made-up default", code: presetOptions, findings: [{ case: "emptyCatch", line: 7, column: 13, endColumn: 16, suggestions: [{ title: "Mark as intentionally ignored…", output: presetOptions.replace("} catch { }", "} catch {\n      // Intentionally ignored: <reason>\n    }") }] }], output: presetOptions.replace("} catch { }", '} catch (err) {\n      console.error("req.json failed", err);\n    }') },
    { name: "neighbour: the same read with a log-only handler", code: drainedLogged, findings: [{ case: "promiseCatchLogOnly", line: 3, column: 27, endColumn: 53, suggestions: [ignoreInline(drainedLogged, ".catch((err) => ")] }], output: null },
  ],
});
