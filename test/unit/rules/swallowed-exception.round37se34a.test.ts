import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 34, developer se34a: the retired held round 37's decided swallowed-exception FPs, each
// built as the mechanism a reviewer uses (hand-written analogues, no fetched code): a listen whose
// server has its own error listener, a candidate picked into a local and tested after the loop, a
// settled batch whose items are this file's own functions that end their failures, a request
// body with a null fallback read only through optional links.

// This table declares only the cases its rows name (the helpers' own log-only catches are judged elsewhere).
const named = new Set(["logAndContinue", "ignoredCallbackError", "emptyCatch", "allSettledUnchecked", "promiseCatchNoop", "promiseCatchLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

const manifest = (version: string) => ({ "package.json": `{ "name": "fixture", "version": "1.0.0", "dependencies": { "express": "${version}" } }\n` });

// Express 5: the server `app.listen` returns hears its own "error" event (chained, or through its name).
const chained = dedent`
  import express from "express";
  const app = express();
  app
    .listen(PORT, () => {
      logger.info("HTTP server running");
    })
    .on("error", (error) => {
      logger.error(\`HTTP server error: \${error.message}\`);
      process.exit(1);
    });
`;
const heardByName = dedent`
  import express from "express";
  const api = express();
  const httpServer = api.listen(3000, () => console.log("listening"));
  httpServer.once("error", (e) => {
    console.error("bind failed", e);
    process.exit(1);
  });
`;
const otherEvent = dedent`
  import express from "express";
  const app = express();
  const server = app.listen(PORT, () => {
    console.log("Server running");
  });
  server.on("close", () => console.log("closed"));
`;

// A candidate picked into an outer local, the loop stopped, and the function throwing when none was picked.
const picked = (after: string): string => dedent`
  export async function launchBrowser() {
    const possiblePaths = ["/usr/bin/google-chrome", "/usr/bin/chromium"];
    let executablePath: string | undefined;
    for (const path of possiblePaths) {
      try {
        const fs = await import("node:fs");
        if (fs.existsSync(path)) {
          executablePath = path;
          break;
        }
      } catch {
        continue;
      }
    }
    ${after}
    return puppeteer.launch({ executablePath });
  }
`;
const ffmpeg = dedent`
  function findFfmpeg(): string {
    let found = "";
    for (const candidate of [join(__dirname, "bin", "ffmpeg"), "/usr/local/bin/ffmpeg"]) {
      try {
        if (statSync(candidate).isFile()) {
          found = candidate;
          break;
        }
      } catch {}
    }
    if (!found) {
      throw new Error("ffmpeg not found");
    }
    return found;
  }
`;

// A settled batch of this file's own functions that end every failure in a logging catch.
const settledMethod = dedent`
  export class MediaService {
    async deleteImage(url: string): Promise<void> {
      try {
        const id = this.idOf(url);
        if (!id) return;
        await storage.destroy(id);
      } catch (error) {
        console.error("Error deleting image:", error);
      }
    }
    async deleteImages(urls: string[]): Promise<void> {
      await Promise.allSettled(urls.map((url) => this.deleteImage(url)));
    }
  }
`;
const settledFunction = dedent`
  const notify = async (hook: string, payload: unknown) => {
    try {
      await fetch(hook, { method: "POST", body: JSON.stringify(payload) });
    } catch (err) {
      logger.warn({ err, hook }, "hook delivery failed");
    }
  };
  export async function fanOut(hooks: string[], payload: unknown) {
    await Promise.allSettled([notify(hooks[0], payload), ...hooks.slice(1).map((h) => notify(h, payload))]);
  }
`;
const settledRethrows = dedent`
  export class MediaService {
    async deleteImage(url: string): Promise<void> {
      try {
        await storage.destroy(url);
      } catch (error) {
        console.error("Error deleting image:", error);
        throw error;
      }
    }
    async deleteImages(urls: string[]): Promise<void> {
      await Promise.allSettled(urls.map((url) => this.deleteImage(url)));
    }
  }
`;

// A request body with a null (or cast empty) fallback, read only through optional links.
const nullBody = dedent`
  export async function POST(req: Request) {
    const body = await req.json().catch(() => null);
    const slug = String(body?.slug || "");
    const email = typeof body?.email === "string" ? body.email.trim() : "";
    if (!slug) return Response.json({ error: "slug required" }, { status: 400 });
    return Response.json(await startCheckout(slug, email));
  }
`;
const castBody = dedent`
  export const POST = async (request: NextRequest) => {
    const payload = await request.json().catch(() => ({} as any));
    const days = Number(payload?.days ?? 7);
    return NextResponse.json(await sync(days));
  };
`;
const nullBodyPlain = dedent`
  export async function POST(req: Request) {
    const body = await req.json().catch(() => null);
    return Response.json(await save(body.items));
  }
`;
const loggedBody = nullBodyPlain.replace("catch(() => null);", 'catch((err) => {\n    console.error("req.json failed in POST", err);\n    return null;\n  });');

// The "Mark as intentionally ignored…" suggestion: the marker comment opened above `line` at `indent`.
const ignore = (code: string, line: string, indent: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(`${line}\n`, `${indent}// Intentionally ignored: <reason>\n${line}\n`) });
const unpicked = picked("");

new RuleTester().run(narrowed, {
  valid: [
    { name: "Express 5 listen whose returned server has a chained error listener", code: chained, files: manifest("^5.1.0") },
    { name: "Express 5 listen whose server, kept in a local, hears error through once", code: heardByName, files: manifest("^5.0.0") },
    { name: "a Chrome path picked into a local and tested after the loop (held round 37)", code: picked('if (!executablePath) {\n    throw new Error("No Chrome installation found");\n  }') },
    { name: "an ffmpeg path picked with an empty catch, the function throwing when none is found", code: ffmpeg },
    { name: "a request body with a null fallback read only through optional links (held round 37)", code: nullBody },
    { name: "a request body with a cast empty-object fallback", code: castBody },
  ],
  invalid: [
    { name: "allSettled over a method of the class that ends its own failures: only the method's catch is judged (held round 37)", code: settledMethod, findings: [{ case: "logAndContinue", line: 7, column: 7, endColumn: 20, suggestions: [
      { title: "Rethrow the error", output: settledMethod.replace('error);\n    }\n', 'error);\n      throw error;\n    }\n') },
      ignore(settledMethod, '      console.error("Error deleting image:", error);', "      "),
    ] }], output: null },
    { name: "allSettled over a const arrow of the file that ends its own failures: only the arrow's catch is judged", code: settledFunction, findings: [{ case: "logAndContinue", line: 4, column: 5, endColumn: 16, suggestions: [ignore(settledFunction, '    logger.warn({ err, hook }, "hook delivery failed");', "    ")] }], output: null },
    { name: "neighbour: a close listener is no error listener", code: otherEvent, files: manifest("^5.1.0"), findings: [{ case: "ignoredCallbackError", line: 3, column: 33, endColumn: 38, suggestions: [
      { title: "Log err with console", output: otherEvent.replace("(PORT, () => {\n", '(PORT, (err) => {\n  if (err) console.error("app.listen failed", err);\n') },
      { title: "Check err, log it with console and return", output: otherEvent.replace("(PORT, () => {\n", '(PORT, (err) => {\n  if (err) {\n    console.error("app.listen failed", err);\n    return;\n  }\n') },
    ] }], output: null },
    { name: "neighbour: a picked path the function never tests", code: unpicked, findings: [{ case: "emptyCatch", line: 11, column: 13, endLine: 13, endColumn: 6, suggestions: [ignore(unpicked, "      continue;", "      ")] }], output: unpicked.replace("    } catch {\n", '    } catch (err) {\n      console.error("fs.existsSync failed in launchBrowser", { path }, err);\n') },
    { name: "neighbour: a method whose catch rethrows can reject", code: settledRethrows, findings: [{ case: "allSettledUnchecked", line: 11, column: 5, endColumn: 71 }], output: settledRethrows.replace("    await Promise.allSettled(urls.map((url) => this.deleteImage(url)));\n", '    const settled = await Promise.allSettled(urls.map((url) => this.deleteImage(url)));\n    for (const result of settled) if (result.status === "rejected") console.error("deleteImage failed in MediaService.deleteImages", result.reason);\n') },
    { name: "neighbour: a null body read through a plain link", code: nullBodyPlain, findings: [{ case: "promiseCatchNoop", line: 2, column: 39, endColumn: 49, suggestions: [{ title: "Mark as intentionally ignored…", output: nullBodyPlain.replace("() => null", "() => /* Intentionally ignored: <reason> */ null") }] }], output: loggedBody },
    { name: "neighbour: the same body once its fallback logs", code: loggedBody, findings: [{ case: "promiseCatchLogOnly", line: 2, column: 39, endLine: 5, endColumn: 4, suggestions: [ignore(loggedBody, '    console.error("req.json failed in POST", err);', "    ")] }], output: null },
  ],
});
