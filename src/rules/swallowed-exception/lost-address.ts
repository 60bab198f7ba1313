/**
 * A mapping that loses where it failed (tune round 34, session 30). The expected-error mapping
 * (`if (e.name === "AbortError") throw new Error("Request timed out")`, every other error
 * rethrown) is not reported because the picked error says nothing the new message does not. Two
 * picks are not such an error:
 *
 * - a refused or lost connection, picked out by its code or its text (`e.code === "ECONNREFUSED"`,
 *   `ENOTFOUND`, `ECONNRESET`, `EHOSTUNREACH`, `ENETUNREACH`, `EAI_AGAIN`, Puppeteer's `"Target
 *   closed"`/`"Protocol error"`, an SDK's `APIConnectionError`): the caught error names the address
 *   or the target that failed (`connect ECONNREFUSED 127.0.0.1:8000`), which the fixed message
 *   ("Transcription API not running") drops;
 * - an SDK's base class, which every failure of the API is an instance of (`e instanceof
 *   Anthropic.APIError`, `OpenAI.APIError`, `AxiosError`, `HTTPError`, `FetchError`): a family,
 *   not one expected error (as `isAxiosError(e)` is not one), whose status and message the fixed
 *   text ("AI analysis failed") drops.
 *
 * The throw stays a `rethrowWithoutCause` there. A branch that also tests one code or status of
 * the family (`e instanceof APIError && e.code === "insufficient_quota"`) picks out one error.
 */
import { ts } from "../../engine/ts";

const CONNECTION_FAILURE_RE = /\b(?:ECONNREFUSED|ENOTFOUND|ECONNRESET|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|\w*ConnectionError)\b|Target closed|Protocol error/;
const FAMILY_CLASS_RE = /^(?:APIError|ApiError|AxiosError|HTTPError|HttpError|FetchError)$/;

/** The condition of a branch that maps the caught error, when what it picks out keeps an address or a status the new message drops. */
export function picksALostAddress(cond: ts.Expression): boolean {
  if (CONNECTION_FAILURE_RE.test(cond.getText())) return true;
  let family = false;
  let narrowed = false;
  const visit = (n: ts.Node): void => {
    if (ts.isBinaryExpression(n)) {
      const op = n.operatorToken.kind;
      if (op === ts.SyntaxKind.InstanceOfKeyword) {
        const right = ts.isPropertyAccessExpression(n.right) ? n.right.name.text : ts.isIdentifier(n.right) ? n.right.text : "";
        if (FAMILY_CLASS_RE.test(right)) family = true;
      } else if (op !== ts.SyntaxKind.AmpersandAmpersandToken && op !== ts.SyntaxKind.BarBarToken) narrowed = true;
    }
    if (ts.isCallExpression(n)) narrowed = true;
    ts.forEachChild(n, visit);
  };
  visit(cond);
  return family && !narrowed;
}
