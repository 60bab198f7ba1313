import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Older production records (eval/production), session 41, developer prodse41: a step that makes or
// clears a path right before the step that writes that path (linkwarden's offline cache, Cap's setup
// script, spacebar's IPC socket). Hand-written analogues, no fetched code. This table declares only
// the cases its invalid rows name.
const named = new Set(["promiseCatchNoop", "promiseCatchLogOnly", "logAndContinue", "emptyCatch"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// An Expo download cache: the folder made, the old copy removed, then the copy written to that path.
const expoCache = (target: string): string => dedent`
  import * as FileSystem from "expo-file-system";

  export const saveToCache = async (sourceUri: string, filePath: string, otherPath: string) => {
    await FileSystem.makeDirectoryAsync(filePath.substring(0, filePath.lastIndexOf("/")), { intermediates: true }).catch(() => {});
    await FileSystem.copyAsync({ from: sourceUri, to: ${target} });
  };
`;

// A Node setup script that replaces an extracted folder (fs/promises, rename onto the cleared path).
const extract = (target: string): string => dedent`
  import fs from "node:fs/promises";
  import path from "node:path";

  export async function installTool(targetDir, zipName) {
    const toolDir = path.join(targetDir, "tool");
    await fs.rm(toolDir, { recursive: true, force: true }).catch(() => {});
    await fs.rename(path.join(targetDir, zipName), ${target});
    console.log("Extracted tool");
  }
`;

// A Unix socket server that removes a stale socket file before it listens on that path.
const socketServer = (target: string): string => dedent`
  import fs from "fs";
  import net from "net";

  export class IpcListener {
    constructor(private socketPath: string, private otherPath: string) {}

    async init() {
      try {
        if (fs.existsSync(this.socketPath)) {
          fs.unlinkSync(this.socketPath);
          console.log("Removed stale socket file:", this.socketPath);
        }
      } catch (e) {
        console.error("Failed to remove stale socket:", e);
      }
      this.server = net.createServer((socket) => socket.end());
      await new Promise<void>((resolve) => {
        this.server.listen(${target}, () => resolve());
      });
    }
  }
`;

// CommonJS, empty catch: the old socket unlinked before the server listens on it.
const commonJs = (target: string): string => dedent`
  const fs = require("fs");
  const http = require("http");

  const SOCKET = process.env.APP_SOCKET || "/tmp/app.sock";
  const OTHER = "/tmp/other.sock";

  function start(app) {
    try {
      fs.unlinkSync(SOCKET);
    } catch {}
    http.createServer(app).listen(${target});
  }

  module.exports = { start };
`;

const madeFor = expoCache("otherPath");
const clearedFor = extract('path.join(targetDir, "other")');
const otherSocket = socketServer("this.otherPath");
const otherCjs = commonJs("OTHER");
const logged = (target: string): string => expoCache(target).replace(".catch(() => {});", '.catch((err) => console.warn("mkdir failed", err));');

new RuleTester().run(narrowed, {
  valid: [
    expoCache("filePath"),
    extract("toolDir"),
    socketServer("this.socketPath"),
    commonJs("SOCKET"),
    logged("filePath"),
  ],
  invalid: [
    {
      name: "a folder made for nothing written after it: reported",
      code: madeFor,
      findings: [
        {
          case: "promiseCatchNoop", line: 4, column: 120, endColumn: 128,
          suggestions: [
            { title: "Rethrow in the handler after logging", output: madeFor.replace(".catch(() => {});", '.catch((err) => {\n    console.error("FileSystem.makeDirectoryAsync failed in saveToCache", err);\n    throw err;\n  });') },
            { title: "Mark as intentionally ignored…", output: madeFor.replace(".catch(() => {});", ".catch(() => {\n    // Intentionally ignored: <reason>\n  });") },
          ],
        },
      ],
      output: madeFor.replace(".catch(() => {});", '.catch((err) => {\n    console.error("FileSystem.makeDirectoryAsync failed in saveToCache", err);\n  });'),
    },
    {
      name: "a folder cleared and another path written: reported",
      code: clearedFor,
      findings: [
        {
          case: "promiseCatchNoop", line: 6, column: 64, endColumn: 72,
          suggestions: [
            { title: "Rethrow in the handler after logging", output: clearedFor.replace(".catch(() => {});", '.catch((err) => {\n    console.error("fs.rm failed in installTool", err);\n    throw err;\n  });') },
            { title: "Mark as intentionally ignored…", output: clearedFor.replace(".catch(() => {});", ".catch(() => {\n    // Intentionally ignored: <reason>\n  });") },
          ],
        },
      ],
      output: clearedFor.replace(".catch(() => {});", '.catch((err) => {\n    console.error("fs.rm failed in installTool", err);\n  });'),
    },
    {
      name: "a stale socket removed and another path listened on: reported",
      code: otherSocket,
      findings: [
        {
          case: "logAndContinue", line: 13, column: 7, endColumn: 16,
          suggestions: [
            { title: "Mark as intentionally ignored…", output: otherSocket.replace("} catch (e) {\n", "} catch (e) {\n      // Intentionally ignored: <reason>\n") },
          ],
        },
      ],
      output: null,
    },
    {
      name: "an empty catch around an unlink, another socket listened on: reported",
      code: otherCjs,
      findings: [
        {
          case: "emptyCatch", line: 10, column: 11, endColumn: 13,
          suggestions: [
            { title: "Mark as intentionally ignored…", output: otherCjs.replace("} catch {}", "} catch {\n    // Intentionally ignored: <reason>\n  }") },
          ],
        },
      ],
      output: otherCjs.replace("} catch {}", '} catch (err) {\n    console.error("fs.unlinkSync failed in start", err);\n  }'),
    },
    {
      name: "a logged folder step with nothing written after it: reported",
      code: logged("otherPath"),
      findings: [
        {
          case: "promiseCatchLogOnly", line: 4, column: 120, endColumn: 162,
          suggestions: [
            { title: "Mark as intentionally ignored…", output: logged("otherPath").replace(".catch((err) => ", ".catch((err) => /* Intentionally ignored: <reason> */ ") },
          ],
        },
      ],
      output: null,
    },
  ],
});
