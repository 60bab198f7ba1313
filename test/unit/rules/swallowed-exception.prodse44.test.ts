import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 44, developer prodse: classes behind the production samples' false swallowed-exception
// findings (hand-written analogues, no fetched code). A clean-up dropped on the way to rethrowing the
// original error, reported at low confidence (`cleanupBeforeRethrow`: held round 29's "the original
// error goes on" against held rounds 21 and 41's lost clean-up); not reported, a reply's body read
// before the test of its `ok` and used only in the failure branch (the failed-response body
// convention), and a try whose only call converts names to a number ("a try that cannot throw").
const named = new Set(["emptyCatch", "promiseCatchNoop", "promiseCatchLogOnly", "logAndContinue", "rethrowWithoutCause"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A disk compacted into a temp file: on failure the temp file is removed and the error rethrown.
const compact = (tail: string, step = "fs.unlinkSync(tmp);"): string => dedent`
  import fs from "node:fs";
  import { convert } from "./qemu";

  export function compact(disk: string) {
    const tmp = \`\${disk}.tmp\`;
    try {
      convert(disk, tmp);
      fs.renameSync(tmp, disk);
    } catch (error) {
      try { ${step} } catch {}
      ${tail}
    }
  }
`;
const unlinkThenRethrow = compact("throw error;");
const rmThenLogThenRethrow = compact("console.error(\"compact failed\", error);\n    throw error;", "fs.rmSync(tmp, { force: true });");
const unlinkThenNewError = compact("throw new Error(\"compact failed\");");
const unlinkThenWork = compact("convert(disk, tmp);\n    throw error;");
const renameBackThenRethrow = compact("throw error;", "fs.renameSync(tmp, disk);");

// A sandboxed run: on failure the sandbox is stopped (its own failure dropped) and the error rethrown.
const sandboxRun = (step: string, tail: string): string => dedent`
  import { createSandbox } from "./sandbox";
  import { db } from "./db";

  export async function dryrun(id: string, req: object) {
    const sandbox = await createSandbox();
    try {
      return await sandbox.run(req);
    } catch (err) {
      ${step}
      ${tail}
    }
  }
`;
const stopThenRethrow = sandboxRun("await sandbox.stop().catch(() => undefined);", "throw err;");
const stopThenAnswer = sandboxRun("await sandbox.stop().catch(() => undefined);", "return null;");
const loggedRollbackThenAnswer = sandboxRun("await db.update(id, { status: \"failed\" }).then(() => db.flush()).catch((e) => console.error(e));", "return null;");
const rollbackThenRethrow = sandboxRun("await db.update(id, { status: \"failed\" }).catch(() => {});", "throw err;");

// An upload: an empty leftover item is deleted under a test, then the original error is rethrown.
const upload = (after: string): string => dedent`
  import { client } from "./graph";

  export async function put(path: string, content: Buffer) {
    try {
      return await client.api(path).put(content);
    } catch (error) {
      const size = content.length;
      if (size === 0) {
        await client.api(path).delete().catch(() => undefined);
        ${after}
      }
      throw error;
    }
  }
`;
const deleteUnderIf = upload("");
const deleteThenRetry = upload("await client.api(path).put(content);");

// A form handler: the reply's body read before the test of its `ok`, used for the failure's wording.
const verify = (after: string, branchEnd = "return;"): string => dedent`
  import { toast } from "./toast";

  export async function sendCode(email: string, setError: (e: string | null) => void) {
    const res = await fetch("/api/verify", { method: "POST", body: JSON.stringify({ email }) });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) {
      setError(data.error ?? "Failed to send code");
      ${branchEnd}
    }
    ${after}
  }
`;
const bodyOnlyInFailedBranch = verify("toast.success(\"Code sent\");");
const bodyAlsoOnSuccess = verify("toast.success(`Code sent (ID: ${data.id})`);");
const bodyWithElse = verify("", "return;\n  } else {\n    toast.success(String(data.id));");

// A setting parsed to a number: `parseInt` of a name answers NaN and never throws.
const period = (parse: string, param = ""): string => dedent`
  import { log } from "./log";
  import { Settings, purge } from "./settings";

  export async function clearOldData(${param}) {
    const period = await Settings.get("keepDataPeriodDays");
    let parsed;
    try {
      parsed = ${parse};
    } catch (_) {
      log.warn("clearOldData", "Failed to parse setting, resetting to default..");
      await Settings.set("keepDataPeriodDays", 180);
      parsed = 180;
    }
    await purge(parsed);
  }
`;
const parseIntOfName = period("parseInt(period)");
const numberParseFloat = period("Number.parseFloat(period)");
const parseIntOfField = period("parseInt(config.period)", "config: { period: string }");

new RuleTester().run(narrowed, {
  valid: [
    { name: "a reply's body read before its ok test and used only in the failure branch", code: bodyOnlyInFailedBranch },
    { name: "parseInt of a name in the try: it cannot throw", code: parseIntOfName },
    { name: "Number.parseFloat of a name in the try: it cannot throw", code: numberParseFloat },
  ],
  invalid: [
    { name: "a temp file removal dropped before the original error is rethrown: low confidence", code: unlinkThenRethrow, findings: [{
        case: "emptyCatch", line: 10, column: 39, endColumn: 41, severity: "info", confidence: "low",
        suggestions: [
          { title: "Throw both errors as an AggregateError", output: unlinkThenRethrow.replace("    try { fs.unlinkSync(tmp); } catch {}", "    try { fs.unlinkSync(tmp); } catch (err) {\n      throw new AggregateError([error, err], \"compact failed twice\");\n    }") },
          { title: "Mark as intentionally ignored…", output: unlinkThenRethrow.replace("    try { fs.unlinkSync(tmp); } catch {}", "    try { fs.unlinkSync(tmp); } catch {\n      // Intentionally ignored: <reason>\n    }") },
        ],
      }],
      output: unlinkThenRethrow.replace("    try { fs.unlinkSync(tmp); } catch {}", "    try { fs.unlinkSync(tmp); } catch (err) {\n      console.error(\"fs.unlinkSync failed in compact\", err);\n    }") },
    { name: "the same with a log line before the rethrow: low confidence", code: rmThenLogThenRethrow, findings: [{
        case: "emptyCatch", line: 10, column: 52, endColumn: 54, severity: "info", confidence: "low",
        suggestions: [
          { title: "Throw both errors as an AggregateError", output: rmThenLogThenRethrow.replace("    try { fs.rmSync(tmp, { force: true }); } catch {}", "    try { fs.rmSync(tmp, { force: true }); } catch (err) {\n      throw new AggregateError([error, err], \"compact failed twice\");\n    }") },
          { title: "Mark as intentionally ignored…", output: rmThenLogThenRethrow.replace("    try { fs.rmSync(tmp, { force: true }); } catch {}", "    try { fs.rmSync(tmp, { force: true }); } catch {\n      // Intentionally ignored: <reason>\n    }") },
        ],
      }],
      output: rmThenLogThenRethrow.replace("    try { fs.rmSync(tmp, { force: true }); } catch {}", "    try { fs.rmSync(tmp, { force: true }); } catch (err) {\n      console.error(\"fs.rmSync failed in compact\", err);\n    }") },
    { name: "a sandbox stop whose rejection is dropped before the rethrow: low confidence", code: stopThenRethrow, findings: [{
        case: "promiseCatchNoop", line: 9, column: 32, endColumn: 47, severity: "info", confidence: "low",
        suggestions: [
          { title: "Mark as intentionally ignored…", output: stopThenRethrow.replace("    await sandbox.stop().catch(() => undefined);", "    await sandbox.stop().catch(() => /* Intentionally ignored: <reason> */ undefined);") },
        ],
      }],
      output: stopThenRethrow.replace("    await sandbox.stop().catch(() => undefined);", "    await sandbox.stop().catch((err) => {\n      console.error(\"sandbox.stop failed in dryrun\", err);\n      return undefined;\n    });") },
    { name: "a leftover deletion under a plain if, then the rethrow: low confidence", code: deleteUnderIf, findings: [{
        case: "promiseCatchNoop", line: 9, column: 45, endColumn: 60, severity: "info", confidence: "low",
        suggestions: [
          { title: "Mark as intentionally ignored…", output: deleteUnderIf.replace("      await client.api(path).delete().catch(() => undefined);", "      await client.api(path).delete().catch(() => /* Intentionally ignored: <reason> */ undefined);") },
        ],
      }],
      output: deleteUnderIf.replace("      await client.api(path).delete().catch(() => undefined);", "      await client.api(path).delete().catch((err) => {\n        console.error(\"delete failed in put\", { path }, err);\n        return undefined;\n      });") },
    { name: "a removal before a new error that drops the original: reported", code: unlinkThenNewError, findings: [{
        case: "rethrowWithoutCause", line: 9, column: 5, endColumn: 18,
      }, {
        case: "emptyCatch", line: 10, column: 39, endColumn: 41,
        suggestions: [
          { title: "Throw both errors as an AggregateError", output: unlinkThenNewError.replace("    try { fs.unlinkSync(tmp); } catch {}", "    try { fs.unlinkSync(tmp); } catch (err) {\n      throw new AggregateError([error, err], \"compact failed twice\");\n    }") },
          { title: "Mark as intentionally ignored…", output: unlinkThenNewError.replace("    try { fs.unlinkSync(tmp); } catch {}", "    try { fs.unlinkSync(tmp); } catch {\n      // Intentionally ignored: <reason>\n    }") },
        ],
      }],
      output: unlinkThenNewError.replace("    try { fs.unlinkSync(tmp); } catch {}\n    throw new Error(\"compact failed\");", "    try { fs.unlinkSync(tmp); } catch (err) {\n      console.error(\"fs.unlinkSync failed in compact\", err);\n    }\n    throw new Error(\"compact failed\", { cause: error });") },
    { name: "a removal followed by more work before the rethrow: reported", code: unlinkThenWork, findings: [{
        case: "emptyCatch", line: 10, column: 39, endColumn: 41, severity: "warning", confidence: "high",
        suggestions: [
          { title: "Throw both errors as an AggregateError", output: unlinkThenWork.replace("    try { fs.unlinkSync(tmp); } catch {}", "    try { fs.unlinkSync(tmp); } catch (err) {\n      throw new AggregateError([error, err], \"compact failed twice\");\n    }") },
          { title: "Mark as intentionally ignored…", output: unlinkThenWork.replace("    try { fs.unlinkSync(tmp); } catch {}", "    try { fs.unlinkSync(tmp); } catch {\n      // Intentionally ignored: <reason>\n    }") },
        ],
      }],
      output: unlinkThenWork.replace("    try { fs.unlinkSync(tmp); } catch {}", "    try { fs.unlinkSync(tmp); } catch (err) {\n      console.error(\"fs.unlinkSync failed in compact\", err);\n    }") },
    { name: "a step that is no clean-up (a rename back): reported", code: renameBackThenRethrow, findings: [{
        case: "emptyCatch", line: 10, column: 45, endColumn: 47, severity: "warning", confidence: "high",
        suggestions: [
          { title: "Throw both errors as an AggregateError", output: renameBackThenRethrow.replace("    try { fs.renameSync(tmp, disk); } catch {}", "    try { fs.renameSync(tmp, disk); } catch (err) {\n      throw new AggregateError([error, err], \"compact failed twice\");\n    }") },
          { title: "Mark as intentionally ignored…", output: renameBackThenRethrow.replace("    try { fs.renameSync(tmp, disk); } catch {}", "    try { fs.renameSync(tmp, disk); } catch {\n      // Intentionally ignored: <reason>\n    }") },
        ],
      }],
      output: renameBackThenRethrow.replace("    try { fs.renameSync(tmp, disk); } catch {}", "    try { fs.renameSync(tmp, disk); } catch (err) {\n      console.error(\"fs.renameSync failed in compact\", err);\n    }") },
    { name: "a stop before a normal answer: reported", code: stopThenAnswer, findings: [{
        case: "promiseCatchNoop", line: 9, column: 32, endColumn: 47, severity: "warning", confidence: "high",
        suggestions: [
          { title: "Mark as intentionally ignored…", output: stopThenAnswer.replace("    await sandbox.stop().catch(() => undefined);", "    await sandbox.stop().catch(() => /* Intentionally ignored: <reason> */ undefined);") },
        ],
      }],
      output: stopThenAnswer.replace("    await sandbox.stop().catch(() => undefined);", "    await sandbox.stop().catch((err) => {\n      console.error(\"sandbox.stop failed in dryrun\", err);\n      return undefined;\n    });") },
    { name: "a rollback of stored work dropped before the rethrow: reported", code: rollbackThenRethrow, findings: [{
        case: "promiseCatchNoop", line: 9, column: 53, endColumn: 61,
        suggestions: [
          { title: "Mark as intentionally ignored…", output: rollbackThenRethrow.replace("    await db.update(id, { status: \"failed\" }).catch(() => {});", "    await db.update(id, { status: \"failed\" }).catch(() => {\n      // Intentionally ignored: <reason>\n    });") },
        ],
      }],
      output: rollbackThenRethrow.replace("    await db.update(id, { status: \"failed\" }).catch(() => {});", "    await db.update(id, { status: \"failed\" }).catch((err) => {\n      console.error(\"db.update failed in dryrun\", { id }, err);\n    });") },
    { name: "a deletion followed by more work before the rethrow: reported", code: deleteThenRetry, findings: [{
        case: "promiseCatchNoop", line: 9, column: 45, endColumn: 60,
        suggestions: [
          { title: "Mark as intentionally ignored…", output: deleteThenRetry.replace("      await client.api(path).delete().catch(() => undefined);", "      await client.api(path).delete().catch(() => /* Intentionally ignored: <reason> */ undefined);") },
        ],
      }],
      output: deleteThenRetry.replace("      await client.api(path).delete().catch(() => undefined);", "      await client.api(path).delete().catch((err) => {\n        console.error(\"delete failed in put\", { path }, err);\n        return undefined;\n      });") },
    { name: "parseInt of a field read: reported", code: parseIntOfField, findings: [{
        case: "logAndContinue", line: 9, column: 5, endColumn: 14,
        suggestions: [
          { title: "Mark as intentionally ignored…", output: parseIntOfField.replace("    log.warn(\"clearOldData\", \"Failed to parse setting, resetting to default..\");", "    // Intentionally ignored: <reason>\n    log.warn(\"clearOldData\", \"Failed to parse setting, resetting to default..\");") },
        ],
      }],
      output: parseIntOfField.replace("    log.warn(\"clearOldData\", \"Failed to parse setting, resetting to default..\");", "    log.warn(\"clearOldData\", \"Failed to parse setting, resetting to default..\", _);") },
    { name: "a logged rollback before a normal answer: reported (a secondary failure the code goes past)", code: loggedRollbackThenAnswer, findings: [{
        case: "promiseCatchLogOnly", line: 9, column: 76, endColumn: 99,
        suggestions: [
          { title: "Mark as intentionally ignored…", output: loggedRollbackThenAnswer.replace("    await db.update(id, { status: \"failed\" }).then(() => db.flush()).catch((e) => console.error(e));", "    await db.update(id, { status: \"failed\" }).then(() => db.flush()).catch((e) => /* Intentionally ignored: <reason> */ console.error(e));") },
        ],
      }],
      output: null },
    { name: "a body the success path reads too: reported", code: bodyAlsoOnSuccess, findings: [{
        case: "promiseCatchNoop", line: 5, column: 39, endColumn: 49,
        suggestions: [
          { title: "Mark as intentionally ignored…", output: bodyAlsoOnSuccess.replace("  const data = await res.json().catch(() => ({}));", "  const data = await res.json().catch(() => /* Intentionally ignored: <reason> */ ({}));") },
        ],
      }],
      output: bodyAlsoOnSuccess.replace("  const data = await res.json().catch(() => ({}));", "  const data = await res.json().catch((err) => {\n    console.error(\"res.json failed in sendCode\", err);\n    return ({});\n  });") },
    { name: "a failure test with an else that reads the body: reported", code: bodyWithElse, findings: [{
        case: "promiseCatchNoop", line: 5, column: 39, endColumn: 49,
        suggestions: [
          { title: "Mark as intentionally ignored…", output: bodyWithElse.replace("  const data = await res.json().catch(() => ({}));", "  const data = await res.json().catch(() => /* Intentionally ignored: <reason> */ ({}));") },
        ],
      }],
      output: bodyWithElse.replace("  const data = await res.json().catch(() => ({}));", "  const data = await res.json().catch((err) => {\n    console.error(\"res.json failed in sendCode\", err);\n    return ({});\n  });") },
  ],
});
