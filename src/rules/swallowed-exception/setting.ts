/** A condition that reads a setting: an environment variable, by its name or where it is read from. */
import { ts } from "../../engine/ts";
import { calleeName } from "../../engine/ast";

// A setting read from the environment: `REDIS_URL`, `process.env.X`, `Deno.env.get("X")`, `env.X`.
const SETTING_RE = /^[A-Z][A-Z0-9]*_[A-Z0-9_]*$|^(?:process\.env|Deno\.env|import\.meta\.env|env)\b/;

// File-system probes: `fs.existsSync(STATE_FILE)` asks whether a file is there, not whether something is configured.
const FS_PROBE_RE = /^(?:existsSync|exists|access|accessSync|statSync|lstatSync|stat|lstat|pathExists|pathExistsSync)$/;

export function readsSetting(cond: ts.Expression): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if ((ts.isIdentifier(n) || ts.isPropertyAccessExpression(n)) && SETTING_RE.test(n.getText())) found = true;
    else if (!(ts.isCallExpression(n) && FS_PROBE_RE.test(calleeName(n) ?? ""))) ts.forEachChild(n, visit);
  };
  visit(cond);
  return found;
}
