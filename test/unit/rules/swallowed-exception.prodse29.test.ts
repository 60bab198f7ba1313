import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 29, developer prodse29 (issue 11; production Flowise's false positives,
// sampled at 25871d8; hand-written analogues, no fetched code).
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "emptyCatch", "catchReturnsDefault", "promiseCatchNoop", "promiseCatchLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A React effect that maps a fetched list into state; `extra` is more work in the try.
const effect = (extra: string): string => dedent`
  import { useEffect, useState } from "react";
  export const Datasets = ({ api }) => {
    const [datasets, setDatasets] = useState([]);
    const toOption = (ds) => ({ label: ds.name, name: ds.id });
    useEffect(() => {
      if (api.data) {
        try {
          const names = api.data.map(toOption);
          setDatasets(names);${extra}
        } catch (e) {
          console.error(e);
        }
      }
    }, [api.data]);
    return datasets.length;
  };
`;

// An optional tracer's set-up named `name`, whose catch logs under DEBUG and answers undefined.
const tracer = (name: string): string => dedent`
  export function ${name}(options: Options): Tracer | undefined {
    try {
      const provider = new NodeTracerProvider({ resource: makeResource(options) });
      provider.addSpanProcessor(new SimpleSpanProcessor(new OTLPTraceExporter({ url: options.url })));
      return provider.getTracer("app");
    } catch (err) {
      if (process.env.DEBUG === "true") console.error(\`Error setting up tracer: \${err.message}\`);
      return undefined;
    }
  }
`;

// A counter bumped in a method of class \`name\`.
const counters = (name: string): string => dedent`
  export class ${name} {
    private counters = new Map<string, Counter>();
    async incrementCounter(counter: string, payload: Attributes): Promise<void> {
      try {
        this.counters.get(counter)?.add(1, payload);
      } catch (error) {
        console.error(\`Error incrementing counter \${counter}:\`, error);
      }
    }
  }
`;

// Candidate package.json paths tried in turn; \`after\` follows the loop.
const candidates = (list: string, after: string): string => dedent`
  import fs from "node:fs";
  import path from "node:path";
  export async function readVersion() {
    const checkPaths = ${list};
    for (const checkPath of checkPaths) {
      try {
        const content = await fs.promises.readFile(checkPath, "utf8");
        return JSON.parse(content).version;
      } catch {
        continue;
      }
    }
    ${after}
  }
`;

// Output that is parsed when it looks like JSON; the catch answers \`fallback\`.
const looksLikeJson = (fallback: string): string => dedent`
  export const parseOutput = (output: any): any => {
    if (typeof output !== "string") return output;
    const trimmed = output.trim();
    if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
      try {
        return JSON.parse(trimmed);
      } catch (e) {
        return ${fallback};
      }
    }
    return output;
  };
`;

// A session blob read for its user id through \`read\`.
const sessionUser = (read: string): string => dedent`
  const userIdOf = (session: any): string | undefined => {
    try {
      const data = typeof session === "string" ? JSON.parse(session) : session;
      return ${read};
    } catch {
      return undefined;
    }
  };
  export const usersOf = (sessions: any[]) => sessions.map(userIdOf);
`;

// A per-tick call in a setInterval callback, its rejection dropped.
const tick = (call: string): string => dedent`
  export function listen(res: Response, registry: Registry, flowId: string, id: string) {
    const timer = setInterval(() => {
      try {
        res.write(":heartbeat\\n\\n");
        ${call}.catch(() => {});
      } catch {
        /* connection already torn down */
      }
    }, 30000);
    return timer;
  }
`;

// A storage provider's helper named \`name\` that lists a prefix and deletes what is left.
const storage = (name: string): string => dedent`
  export class S3Storage {
    private async ${name}(prefix: string): Promise<void> {
      try {
        const listed = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix + "/" }));
        if (!listed.Contents?.length) {
          await this.client.send(new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: [{ Key: prefix + "/" }] } }));
        }
      } catch (error) {
        console.error("Error cleaning S3 folders:", error);
      }
    }
  }
`;

// A login that rewrites the stored hash when \`test\` says so.
const login = (test: string): string => dedent`
  export async function login(email: string, password: string) {
    const user = await users.findByEmail(email);
    if (!user || !compareHash(password, user.credential)) throw new UnauthorizedError();
    if (${test}) {
      try {
        await users.save({ ...user, credential: getHash(password) });
      } catch (upgradeError) {
        logger.warn(\`Failed to upgrade password hash for \${user.email}\`, upgradeError);
      }
    }
    return issueToken(user);
  }
`;

// A tool schema built from an optional setting, then \`note\` above the generic answer.
const schema = (note: string): string => dedent`
  const createSchema = (queryParamsSchema?: string) => {
    if (queryParamsSchema) {
      try {
        const parsed = parseJsonBody(queryParamsSchema);
        return z.object({ queryParams: toZod(parsed).optional() });
      } catch (error) {
        console.warn("Failed to parse queryParamsSchema:", error);
      }
    }
    ${note}
    return z.object({ queryParams: z.record(z.string()).optional() });
  };
`;

const startsRequest = effect("\n          api.request(names[0]?.name);");
// The same where \`api\` is a custom hook's result and the try starts its request.
const hookRequest = effect("\n          chatflowApi.request(names[0]?.name);").replace("  const [datasets", "  const chatflowApi = useApi(getChatflow);\n  const [datasets");
const notTelemetry = counters("MetricsService");
const providers = candidates("[primary, backup]", 'throw new Error("None of the package.json paths could be parsed");');
const noneAfter = candidates('[path.join(__dirname, "..", "package.json"), path.join(__dirname, "..", "..", "package.json")]', "return null;");
const madeUp = looksLikeJson("{}");
const plainRead = sessionUser("data.passport.user.id");
const save = tick("registry.save(flowId, id)");
const savedLogged = save.replace(".catch(() => {});", '.catch((err) => {\n        console.error("registry.save failed in timer", { flowId, id }, err);\n      });');
const oldUploads = storage("cleanOldUploads");
const newUser = login("user.isNew");
const noNote = schema("// Generic query params");

// Suggestions of a catch: rethrow after \`log\`, mark it or log at \`head\`, each at \`indent\`.
const rethrow = (code: string, log: string, indent: string, err: string) => ({ title: "Rethrow the error", output: code.replace(log, `${log}\n${indent}throw ${err};`) });
const mark = (code: string, head: string, indent: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(head, `${head}\n${indent}// Intentionally ignored: <reason>`) });
const logWith = (code: string, head: string, indent: string, line: string) => ({ title: "Log the error with console", output: code.replace(head, `${head}\n${indent}${line}`) });

new RuleTester().run(narrowed, {
  valid: [
    { name: "a React effect whose try only maps data in hand into the component's state setters", code: effect(""), filename: "src/views/Datasets.jsx" },
    { name: "the same with an empty catch", code: effect("").replace("console.error(e);", ""), filename: "src/views/Datasets.jsx" },
    { name: "the same try also starting a custom hook's request, whose failure lands in the hook's error state", code: hookRequest, filename: "src/views/Datasets.jsx" },
    { name: "an optional tracer's set-up that logs under DEBUG and answers undefined (tracing off)", code: tracer("getPhoenixTracer") },
    { name: "a counter bumped in a class whose job is telemetry", code: counters("OpenTelemetry") },
    { name: "candidate package.json paths tried in turn, the function throwing when none parses", code: candidates('[path.join(__dirname, "..", "package.json"), path.join(__dirname, "..", "..", "package.json")]', 'throw new Error("None of the package.json paths could be parsed");') },
    { name: "text that looks like JSON answered raw when the parse fails, as text that does not look like it is", code: looksLikeJson("output") },
    { name: "a session blob that does not parse answers undefined, like an absent user in the optional chain", code: sessionUser("data?.passport?.user?.id") },
    { name: "a heartbeat fired on each tick of a setInterval, its rejection dropped: the next tick sends it again", code: tick("registry.heartbeat(flowId, id)") },
    { name: "a helper that only tidies empty folders away logs its failure", code: storage("cleanEmptyS3Folders") },
    { name: "a password hash upgraded at login when it needs one: the old hash still verifies, the next login retries", code: login("hashNeedsUpgrade(user.credential, getPasswordSaltRounds())") },
    { name: "a malformed optional setting falls through to the generic answer under a Fallback comment", code: schema("// Fallback to generic query params") },
  ],
  invalid: [
    { name: "neighbour: the effect's try also starts the request of a prop, no hook's", code: startsRequest, filename: "src/views/Datasets.jsx", findings: [{ case: "logAndContinue", line: 11, column: 9, endColumn: 18, suggestions: [mark(startsRequest, "} catch (e) {", "        ")] }], output: null },
    { name: "neighbour: a metrics service not named for telemetry", code: notTelemetry, findings: [{ case: "logAndContinue", line: 6, column: 7, endColumn: 20, suggestions: [rethrow(notTelemetry, "error);", "      ", "error"), mark(notTelemetry, "} catch (error) {", "      ")] }], output: null },
    { name: "neighbour: providers tried in turn with a bare continue (held round 21)", code: providers, findings: [{ case: "emptyCatch", line: 9, column: 13, endLine: 11, endColumn: 6, suggestions: [mark(providers, "} catch {", "      ")] }], output: providers.replace("} catch {", '} catch (err) {\n      console.error("readVersion failed", err);') },
    { name: "neighbour: candidate paths after which the function answers null", code: noneAfter, findings: [{ case: "emptyCatch", line: 9, column: 13, endLine: 11, endColumn: 6, suggestions: [mark(noneAfter, "} catch {", "      ")] }], output: noneAfter.replace("} catch {", '} catch (err) {\n      console.error("readVersion failed", err);') },
    { name: "neighbour: a made-up empty object for text that looked like JSON", code: madeUp, findings: [{ case: "catchReturnsDefault", line: 7, column: 7, endColumn: 16, suggestions: [logWith(madeUp, "} catch (e) {", "      ", 'console.error("JSON.parse failed in parseOutput", e);'), mark(madeUp, "} catch (e) {", "      ")] }], output: null },
    { name: "neighbour: the session's user id read without optional links", code: plainRead, findings: [{ case: "catchReturnsDefault", line: 5, column: 5, endColumn: 10, suggestions: [
      { title: "Log the error with console", output: plainRead.replace("} catch {", '} catch (err) {\n    console.error("JSON.parse failed in userIdOf", err);') },
      mark(plainRead, "} catch {", "    "),
    ] }], output: null },
    { name: "neighbour: a save fired on each tick, its rejection dropped", code: save, findings: [{ case: "promiseCatchNoop", line: 5, column: 39, endColumn: 47, suggestions: [{ title: "Mark as intentionally ignored…", output: save.replace(".catch(() => {});", ".catch(() => {\n        // Intentionally ignored: <reason>\n      });") }] }], output: savedLogged },
    { name: "neighbour: the same save whose rejection is only logged", code: savedLogged, findings: [{ case: "promiseCatchLogOnly", line: 5, column: 39, endLine: 7, endColumn: 8, suggestions: [mark(savedLogged, ".catch((err) => {", "        ")] }], output: null },
    { name: "neighbour: a helper that deletes old uploads", code: oldUploads, findings: [{ case: "logAndContinue", line: 8, column: 7, endColumn: 20, suggestions: [rethrow(oldUploads, "error);", "      ", "error"), mark(oldUploads, "} catch (error) {", "      ")] }], output: null },
    { name: "neighbour: a write at login that is no hash upgrade", code: newUser, findings: [{ case: "logAndContinue", line: 7, column: 7, endColumn: 27, suggestions: [mark(newUser, "} catch (upgradeError) {", "      ")] }], output: null },
    { name: "neighbour: the generic answer under a comment that does not name it the fallback", code: noNote, findings: [{ case: "logAndContinue", line: 6, column: 7, endColumn: 20, suggestions: [mark(noNote, "} catch (error) {", "      ")] }], output: null },
  ],
});
