import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 39, developer se39, from retired held round 42:
// - A failure answered as data after the try (failure-answer.ts answersFailureAfterTry): SvelteKit
//   form actions and endpoints whose try answers the caller and whose log-only catch falls through to
//   `return { success: false, error: true }` or `json({ status: 500, message })` (AskFast, decided clean).
// - Teardown functions named for closing a connection (destroy-step.ts): `disconnect()`,
//   `forceCloseConnection()`; a step that detaches a handler (`port.onmessage = null`) before it
//   disconnects; each track of a stream stopped under its own logged try (MeetLens, decided clean).
// - A parse made with `new` (`new URLSearchParams(body)`) and a value read off it (`params.get("f.req")`)
//   count for the raw input kept by a logged catch (intent.ts assignsTheRawInput): the PII extension's
//   Gemini body, decided clean.
// - A look-up of a program on the PATH (`which`, `command -v`, `where`) whose catch only logs is the
//   probe's "not installed" branch (probe-fall-off.ts probesPathLookup): gen-mr's editor set-up, decided clean.
// - SvelteKit's `json(body)`/`text(body)` with no init is a 200 whatever the body says (analysis.ts
//   isWebResponse): a Stripe webhook's catch answering `json({ status: 400, message })` tells the
//   provider the event was handled (AskFast `api/pay/+server.js`, rounds 33/37's ruling, debatable finding).
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

const rethrow = (code: string, logLine: string, indent: string, err: string) => ({ title: "Rethrow the error", output: code.replace(`${logLine}\n`, `${logLine}\n${indent}throw ${err};\n`) });
const ignore = (code: string, header: string, indent: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(`${header}\n`, `${header}\n${indent}// Intentionally ignored: <reason>\n`) });

// AidanParkhurst/AskFast src/routes/(app)/create/+page.server.js, reduced: a SvelteKit form action.
const formAction = dedent`
  import db from "$lib/db/mongo";
  export const actions = {
    default: async ({ request }) => {
      const data = await request.formData();
      try {
        const survey = JSON.parse(data.get("survey"));
        await db.collection("surveys").insertOne({ survey, responses: [] });
        return {
          success: true,
          error: false,
        };
      } catch (err) {
        console.log(err);
      }
      return {
        success: false,
        error: true,
      };
    },
  };
`;
// The same repository's src/routes/api/analyze/+server.js, reduced: the status only in the body.
const endpoint = dedent`
  import { json } from "@sveltejs/kit";
  export async function POST({ request }) {
    try {
      const body = await request.json();
      const completion = await openai.chat.completions.create({ messages: body.messages, model: "gpt-4-turbo" });
      return json({ status: 200, data: completion.choices[0].message.content });
    } catch (err) {
      console.log(err);
    }
    return json({ status: 500, message: "An error occurred while analyzing the survey." });
  }
`;
// Hand-written TypeScript: a React Router action answering its form an error, and an Electron
// IPC handler answering the renderer `{ ok: false }`.
const routerAction = dedent`
  import { redirect, type ActionFunctionArgs } from "react-router";
  export async function action({ request, params }: ActionFunctionArgs) {
    const form = await request.formData();
    try {
      await updateProject(params.id!, { name: String(form.get("name")) });
      return redirect(\`/projects/\${params.id}\`);
    } catch (error) {
      console.error("project update failed", error);
    }
    return { error: "Could not save the project. Please try again." };
  }
`;
const ipcHandler = dedent`
  const { ipcMain } = require("electron");
  const log = require("electron-log");
  ipcMain.handle("notes:save", async (_event, note) => {
    try {
      const saved = await store.save(note);
      return { ok: true, id: saved.id };
    } catch (e) {
      log.error("note save failed", e);
    }
    return { ok: false };
  });
`;
// Neighbour: the answer after the try claims success.
const claimsAfter = formAction.replace("success: false,\n      error: true,", "success: true,\n      error: false,");
// Neighbour: a `true` after the try is a default, not a failure answer (production docmost trailing-node.ts, reduced).
const trueAfter = dedent`
  export const trailingNode = new Plugin({
    state: {
      init: (_, state) => {
        try {
          const lastNode = lastNodeBeforeFootnotes(state.tr.doc);
          return !nodeEqualsType({ node: lastNode, types: disabledNodes });
        } catch (err) {
          console.log(err);
        }
        return true;
      },
    },
  });
`;
// Neighbour: the try falls through on success, so the return after it is every path's answer.
const fallsThrough = dedent`
  export async function saveDraft(draft) {
    let id = null;
    try {
      id = await drafts.insert(draft);
    } catch (err) {
      console.log(err);
    }
    return { id, error: false };
  }
`;

// MeetLens/meetlens-electron-app src/services/audioService.ts, reduced: the capture's clean-up.
const audioCleanup = dedent`
  export class AudioCaptureService {
    private workletNodes: AudioWorkletNode[] = [];
    private systemStream: MediaStream | null = null;
    private cleanup() {
      this.workletNodes.forEach(node => {
        try {
          node.port.onmessage = null;
          node.disconnect();
        } catch (err) {
          console.warn('[AudioCapture] Error disconnecting worklet node:', err);
        }
      });
      this.workletNodes = [];
      if (this.systemStream) {
        try {
          this.systemStream.getTracks().forEach((track) => {
            try {
              track.stop();
            } catch (err) {
              console.warn('[AudioCapture] Error stopping system track:', err);
            }
          });
        } catch (err) {
          console.warn('[AudioCapture] Error cleaning system stream:', err);
        }
        this.systemStream = null;
      }
    }
  }
`;
// The same repository's backendTranscriptionService.ts and webSocketConnectionManager.ts, reduced.
const disconnects = dedent`
  export class BackendTranscriptionService {
    async disconnect() {
      if (this.audioContext) {
        if (this.audioContext.state !== 'closed') {
          try {
            await this.audioContext.close();
            console.log('[BackendTranscription] AudioContext closed');
          } catch (err) {
            console.warn('[BackendTranscription] Failed to close AudioContext:', err);
          }
        }
        this.audioContext = null;
      }
    }
  }
  export class WebSocketConnectionManager {
    private forceCloseConnection(connectionId: string): void {
      const connection = this.connections.get(connectionId);
      if (connection) {
        try {
          connection.close();
        } catch (error) {
          console.warn(\`[WebSocketManager] Error closing connection \${connectionId}:\`, error);
        }
      }
      this.connections.delete(connectionId);
    }
  }
`;
// Hand-written JavaScript: a Redis-backed cache's disconnect, its quit warned and the handle dropped.
const redisDisconnect = dedent`
  class SessionCache {
    async disconnect() {
      try {
        await this.redis.quit();
      } catch (err) {
        logger.warn({ err }, "redis quit failed");
      }
      this.redis = null;
    }
  }
  module.exports = { SessionCache };
`;
// 23f2005664/TDSProject2 backend/lib/browserManager.js and fileHandler.js, reduced (tune, decided clean).
const browserAndTemp = dedent`
  export async function closeBrowser() {
    if (browser) {
      try {
        await browser.close();
      } catch (error) {
        log('warning', \`Error closing browser: \${error.message}\`);
      }
      browser = null;
    }
  }
  export function cleanupTempFiles() {
    try {
      const files = fs.readdirSync(TEMP_DIR);
      let cleaned = 0;
      for (const file of files) {
        fs.unlinkSync(path.join(TEMP_DIR, file));
        cleaned++;
      }
      log('info', \`Cleaned up \${cleaned} temp files\`);
    } catch (error) {
      log('error', 'Cleanup error', { error: error.message });
    }
  }
`;
// Hand-written TypeScript: a test server's closeServer and an uploads folder emptied with fs/promises' sync twin.
const serverAndUploads = dedent`
  import fs from "node:fs";
  import path from "node:path";
  export async function closeServer(server: Server): Promise<void> {
    try {
      await server.close();
    } catch (err) {
      logger.warn({ err }, "server close failed");
    }
  }
  export function cleanupUploads(dir: string): void {
    try {
      for (const name of fs.readdirSync(dir)) fs.rmSync(path.resolve(dir, name), { force: true });
    } catch (err) {
      logger.warn({ err, dir }, "uploads clean-up failed");
    }
  }
`;
// Neighbour: the clean-up also writes a report file.
const cleanupWrites = browserAndTemp.replace("log('info', `Cleaned up ${cleaned} temp files`);", "fs.writeFileSync(REPORT, String(cleaned));");
// Bountybrief-coder/Aimalyze netlify/functions/supabaseClient.js, reduced (tune, decided clean).
const cleanupOldLogs = dedent`
  export async function cleanupOldLogs(olderThanDays = 7) {
    if (!supabase) return;
    try {
      const cutoffDate = new Date(Date.now() - olderThanDays * 24 * 60 * 60 * 1000).toISOString();
      const { error, count } = await supabase.from('ip_logs').delete().lt('timestamp', cutoffDate);
      if (error) {
        console.error('Error cleaning up old logs:', error);
        return;
      }
      if (count > 0) console.log(\`Cleaned up \${count} old IP logs\`);
    } catch (err) {
      console.error('Error in cleanupOldLogs:', err);
    }
  }
`;
// Hand-written TypeScript: a Prisma session purge.
const purgeSessions = dedent`
  export class SessionStore {
    async purgeExpiredSessions(): Promise<void> {
      try {
        await this.prisma.session.deleteMany({ where: { expiresAt: { lt: new Date() } } });
      } catch (err) {
        this.logger.warn("session purge failed", err);
      }
    }
  }
`;
// Neighbour: the clean-up deletes the failed jobs, not the old ones.
const cleanupFailed = cleanupOldLogs.replace(".delete().lt('timestamp', cutoffDate)", ".delete().eq('status', 'failed')");
// Neighbour: a function named for closing an account deletes the user's data.
const closeAccount = dedent`
  class AccountService {
    async closeAccount(userId) {
      try {
        await this.db.users.delete(userId);
      } catch (err) {
        logger.warn({ err }, "account delete failed");
      }
      return { closed: true };
    }
  }
  module.exports = { AccountService };
`;
// Neighbour: the disconnect flushes pending writes before it closes.
const flushingDisconnect = redisDisconnect.replace("await this.redis.quit();", "await this.flushPending();\n      await this.redis.quit();");

// savevsgames/AI-PII-Sanitizer-Chrome-Extension src/background/processors/RequestProcessor.ts, reduced.
const urlEncodedBody = dedent`
  export function bodyForSubstitution(requestBody: string): { body: string; urlEncoded: boolean } {
    let bodyToSubstitute = requestBody;
    let isUrlEncoded = false;
    if (requestBody.includes('f.req=')) {
      try {
        const params = new URLSearchParams(requestBody);
        const freqValue = params.get('f.req');
        if (freqValue) {
          bodyToSubstitute = freqValue;
          isUrlEncoded = true;
        }
      } catch (decodeError) {
        console.warn('[RequestProcessor] [Gemini] Failed to parse URL parameters, using original');
        bodyToSubstitute = requestBody;
      }
    }
    return { body: bodyToSubstitute, urlEncoded: isUrlEncoded };
  }
`;
// Hand-written JavaScript: a link's path kept raw when it is not a URL.
const linkPath = dedent`
  function pathOf(link) {
    let path = link;
    try {
      const url = new URL(link);
      const pathname = url.pathname.toLowerCase();
      path = pathname;
    } catch (err) {
      logger.debug({ err, link }, "not an absolute URL, keeping it as is");
      path = link;
    }
    return path;
  }
  module.exports = { pathOf };
`;
// Neighbour: the catch answers a made-up value, not the input.
const linkPathMadeUp = linkPath.replace("    path = link;", '    path = "/";');
// Sherem/gen-mr src/config/editor-config.mjs, reduced: the editor command looked up on the PATH.
const whichProbe = dedent`
  export async function validateEditor(editorCommand) {
    const baseCommand = editorCommand.trim().split(/\s+/)[0];
    try {
      const { execSync } = await import("child_process");
      execSync(\`which \${baseCommand}\`, { stdio: "ignore" });
      console.log(\`✅ Command '\${baseCommand}' found in PATH!\`);
    } catch {
      console.log(\`⚠️  Warning: Command '\${baseCommand}' not found in PATH.\`);
    }
    await saveEditorToConfig(editorCommand.trim());
  }
`;
// Hand-written TypeScript: a doctor command probing for ffmpeg with \`command -v\`.
const commandV = dedent`
  import { execSync } from "node:child_process";
  export function checkFfmpeg(report: string[]): void {
    try {
      execSync("command -v ffmpeg", { stdio: "ignore" });
      report.push("ffmpeg: ok");
    } catch (err) {
      logger.warn("ffmpeg is not on the PATH; video export will be unavailable", err);
    }
  }
`;
// Neighbour: the try runs the program after looking it up.
const runsProgram = dedent`
  import { execSync } from "node:child_process";
  export function convert(input: string): void {
    try {
      execSync("command -v ffmpeg", { stdio: "ignore" });
      execSync(\`ffmpeg -i \${input} out.webm\`, { stdio: "ignore" });
    } catch (err) {
      logger.warn("video export failed", err);
    }
  }
`;

// AidanParkhurst/AskFast src/routes/api/pay/+server.js, reduced: the status only in the body.
const svelteWebhook = dedent`
  import { json } from "@sveltejs/kit";
  import stripe from "$lib/pay/stripe";
  import { STRIPE_ENDPOINT_SECRET } from "$env/static/private";
  export async function POST({ request }) {
    let event;
    try {
      const sig = request.headers.get("stripe-signature");
      const body = await request.text();
      event = stripe.webhooks.constructEvent(body, sig, STRIPE_ENDPOINT_SECRET);
    } catch (err) {
      console.error(err);
      return json({ status: 400, message: \`Webhook Error: \${err.message}\` });
    }
    await recordPayment(event);
    return json({ status: 200, message: "Successfully processed the payment." });
  }
`;
// Hand-written TypeScript: a GitHub webhook under src/routes/webhooks/github, answered with text().
const svelteTextWebhook = dedent`
  import { text, type RequestHandler } from "@sveltejs/kit";
  export const POST: RequestHandler = async ({ request }) => {
    try {
      const payload = await request.json();
      await syncRepository(payload.repository.full_name);
    } catch (err) {
      console.error("github sync failed", err);
      return text("sync error");
    }
    return text("ok");
  };
`;
// Neighbour: the failure status in the init reaches the provider.
const svelteWebhook400 = svelteWebhook.replace("return json({ status: 400, message: `Webhook Error: ${err.message}` });", "return json({ message: `Webhook Error: ${err.message}` }, { status: 400 });");

new RuleTester().run(narrowed, {
  valid: [
    { name: "a SvelteKit form action's log-only catch falling through to success: false (round 42)", code: formAction, filename: "src/routes/(app)/create/+page.server.js" },
    { name: "a SvelteKit endpoint falling through to an error message with status 500 in the body (round 42)", code: endpoint, filename: "src/routes/api/analyze/+server.js" },
    { name: "a React Router action falling through to { error } for its form", code: routerAction, filename: "app/routes/projects.$id.edit.tsx" },
    { name: "an Electron IPC handler falling through to { ok: false }", code: ipcHandler, filename: "electron/ipc/notes.js" },
    { name: "Web Audio teardown steps of cleanup(): a worklet disconnected, each track stopped (round 42)", code: audioCleanup, filename: "src/services/audioService.ts" },
    { name: "disconnect() closing an AudioContext and forceCloseConnection() closing a socket (round 42)", code: disconnects, filename: "src/services/backendTranscriptionService.ts" },
    { name: "a JavaScript cache's disconnect() whose quit is warned", code: redisDisconnect, filename: "src/cache/session-cache.js" },
    { name: "Puppeteer's closeBrowser and a temp-folder clean-up listing what it deletes (tune)", code: browserAndTemp, filename: "backend/lib/browserManager.js" },
    { name: "a TypeScript closeServer and an uploads folder emptied with readdirSync and path.resolve", code: serverAndUploads, filename: "src/test/server.ts" },
    { name: "a clean-up function's retention delete of old rows, only logged (tune)", code: cleanupOldLogs, filename: "netlify/functions/supabaseClient.js" },
    { name: "a TypeScript Prisma purge of expired sessions, only warned", code: purgeSessions, filename: "src/auth/session-store.ts" },
    { name: "a URLSearchParams parse whose logged catch keeps the original body (round 42)", code: urlEncodedBody, filename: "src/background/processors/RequestProcessor.ts" },
    { name: "a JavaScript new URL parse whose logged catch keeps the link", code: linkPath, filename: "src/links.js" },
    { name: "an editor command looked up with which, its catch warning at the terminal (round 42)", code: whichProbe, filename: "src/config/editor-config.mjs" },
    { name: "a TypeScript doctor check looking ffmpeg up with command -v", code: commandV, filename: "src/doctor.ts" },
    { name: "neighbour: a SvelteKit webhook answering 400 in the init", code: svelteWebhook400, filename: "src/routes/api/pay/+server.js" },
  ],
  invalid: [
    { name: "neighbour: the answer after the try claims success", code: claimsAfter, filename: "src/routes/(app)/create/+page.server.js", findings: [{ case: "logAndContinue", line: 12, column: 7, endColumn: 18, suggestions: [ignore(claimsAfter, "} catch (err) {", "      ")] }], output: null },
    { name: "neighbour: true after the try is a default", code: trueAfter, filename: "packages/editor-ext/src/lib/trailing-node.ts", findings: [{ case: "logAndContinue", line: 7, column: 9, endColumn: 20, suggestions: [ignore(trueAfter, "} catch (err) {", "        ")] }], output: null },
    { name: "a SvelteKit Stripe webhook answering json({ status: 400 }), a 200 (round 42)", code: svelteWebhook, filename: "src/routes/api/pay/+server.js", findings: [{ case: "logAndContinue", line: 10, column: 5, endColumn: 16, suggestions: [{ title: "Rethrow the error", output: svelteWebhook.replace("return json({ status: 400, message: `Webhook Error: ${err.message}` });", "throw err;") }, ignore(svelteWebhook, "} catch (err) {", "    ")] }], output: null },
    { name: "a TypeScript SvelteKit webhook answering text(\"sync error\")", code: svelteTextWebhook, filename: "src/routes/webhooks/github/+server.ts", findings: [{ case: "logAndContinue", line: 6, column: 5, endColumn: 16, suggestions: [{ title: "Rethrow the error", output: svelteTextWebhook.replace('return text("sync error");', "throw err;") }, ignore(svelteTextWebhook, "} catch (err) {", "    ")] }], output: null },
    { name: "neighbour: the try falls through on success", code: fallsThrough, filename: "src/drafts.js", findings: [{ case: "logAndContinue", line: 5, column: 5, endColumn: 16, suggestions: [rethrow(fallsThrough, "console.log(err);", "    ", "err"), ignore(fallsThrough, "} catch (err) {", "    ")] }], output: null },
    { name: "neighbour: a clean-up that also writes a report", code: cleanupWrites, filename: "backend/lib/fileHandler.js", findings: [{ case: "logAndContinue", line: 20, column: 5, endColumn: 18, suggestions: [rethrow(cleanupWrites, "log('error', 'Cleanup error', { error: error.message });", "    ", "error"), { title: "Mark as intentionally ignored…", output: cleanupWrites.replace("  } catch (error) {\n    log('error'", "  } catch (error) {\n    // Intentionally ignored: <reason>\n    log('error'") }] }], output: null },
    { name: "neighbour: a clean-up deleting the failed jobs", code: cleanupFailed, filename: "netlify/functions/supabaseClient.js", findings: [{ case: "logAndContinue", line: 11, column: 5, endColumn: 16, suggestions: [ignore(cleanupFailed, "} catch (err) {", "    ")] }], output: null },
    { name: "neighbour: closeAccount() deletes the user's data", code: closeAccount, filename: "src/services/account.js", findings: [{ case: "logAndContinue", line: 5, column: 7, endColumn: 18, suggestions: [ignore(closeAccount, "} catch (err) {", "      ")] }], output: null },
    { name: "neighbour: a disconnect that flushes pending writes first", code: flushingDisconnect, filename: "src/cache/session-cache.js", findings: [{ case: "logAndContinue", line: 6, column: 7, endColumn: 18, suggestions: [ignore(flushingDisconnect, "} catch (err) {", "      ")] }], output: null },
    { name: "neighbour: a made-up path for a link that is not a URL", code: linkPathMadeUp, filename: "src/links.js", findings: [{ case: "logAndContinue", line: 7, column: 5, endColumn: 16, suggestions: [ignore(linkPathMadeUp, "} catch (err) {", "    ")] }], output: null },
    { name: "neighbour: the try runs the program", code: runsProgram, filename: "src/doctor.ts", findings: [{ case: "logAndContinue", line: 6, column: 5, endColumn: 16, suggestions: [ignore(runsProgram, "} catch (err) {", "    ")] }], output: null },
  ],
});
