/**
 * A page's own failure notice in a catch (production OpenSign, session 45): the user is told.
 *
 *   } catch (err) { showAlert("danger", t("something-went-wrong-mssg")); console.error(…, err); }
 *   .catch((err) => { console.error(…); props.setIsAlert({ isShow: true, alertMessage: t("something-went-wrong-mssg") }); })
 *   } catch (err) { console.log(…); setErrMsg(t("something-went-wrong-mssg")); }
 *   } catch (err) { console.error(…); setIsDownloading("certificate_err"); }
 *
 * - an alert or toast setter of the page (`showAlert`, `setIsAlert`, `setShowToast`, …) given a
 *   message or a translation key that says it failed (a key's `-`, `_` and `.` read as spaces:
 *   `"something-went-wrong-mssg"`), also as the message field of an object (`alertMessage`,
 *   `message`, `text`, …), or given the failure kind first (`showAlert("danger", …)`,
 *   `showToast("error", …)`, Bootstrap's and most toast libraries' failure variant);
 * - a setter of an error message state (`setErrMsg`, `setErrorMessage`, `setErrorText`) given
 *   anything but an empty value: the page shows it as its error;
 * - a state setter given a status literal naming a failure after a `_`/`-` (`"certificate_err"`,
 *   `"upload-failed"`), as `setStatus("failed")` is.
 *
 * An alert given only a success message (`showAlert("success", t("user-activated"))`), a setter
 * clearing the error (`setErrMsg("")`), and a status literal that names no failure stay unread.
 */
import { ts } from "../../engine/ts";

const ALERT_SETTER_RE = /^(?:set|show|open|display)(?:Is|Show)?(?:Toast|Snackbar|Notice|Notification|Alert|Banner)s?$/;
const ERROR_MESSAGE_SETTER_RE = /^set\w*(?:Err|Error)(?:Msg|Message|Text)s?$/;
const FAILURE_KIND_RE = /^(?:danger|error)$/i;
const MESSAGE_FIELD_RE = /^(?:\w*[mM]essage|\w*[mM]sg|text|title|content|description)$/;
const FAILURE_STATUS_RE = /[a-z0-9][_-](?:err|error|errored|failed|failure|invalid)$/i;
const TRANSLATE_RE = /^(?:t|translate|formatMessage|\$t|i18n\.t)$/;

/** `t("something-went-wrong-mssg")`: the key with its separators read as spaces. */
function keyText(e: ts.Expression): string | undefined {
  if (!ts.isCallExpression(e) || !TRANSLATE_RE.test(e.expression.getText())) return undefined;
  const k = e.arguments[0];
  return k && ts.isStringLiteralLike(k) ? k.text.replace(/[-_.]+/g, " ") : undefined;
}

/** A message that says it failed: a literal or template, or a translation key. */
function saysIt(e: ts.Expression, says: (text: string) => boolean): boolean {
  const key = keyText(e);
  if (key !== undefined) return says(key);
  return (ts.isStringLiteralLike(e) || ts.isTemplateExpression(e)) && says(e.getText());
}

function alertSaysFailure(call: ts.CallExpression, says: (text: string) => boolean): boolean {
  const first = call.arguments[0];
  if (first && call.arguments.length > 1 && ts.isStringLiteralLike(first) && FAILURE_KIND_RE.test(first.text)) return true;
  for (const a of call.arguments) {
    if (saysIt(a, says)) return true;
    if (!ts.isObjectLiteralExpression(a)) continue;
    for (const p of a.properties) {
      if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) continue;
      if (MESSAGE_FIELD_RE.test(p.name.text) && saysIt(p.initializer, says)) return true;
      if (/^(?:type|variant|severity|kind|status)$/.test(p.name.text) && ts.isStringLiteralLike(p.initializer) && FAILURE_KIND_RE.test(p.initializer.text)) return true;
    }
  }
  return false;
}

function isEmptyValue(e: ts.Expression): boolean {
  if (ts.isStringLiteralLike(e)) return e.text === "";
  return e.kind === ts.SyntaxKind.NullKeyword || e.kind === ts.SyntaxKind.FalseKeyword || (ts.isIdentifier(e) && e.text === "undefined");
}

/** Whether `call` (named `name`) shows the user a failure notice of the page, as the module comment says. */
export function showsFailureNotice(call: ts.CallExpression, name: string, says: (text: string) => boolean): boolean {
  if (ALERT_SETTER_RE.test(name)) return alertSaysFailure(call, says);
  if (ERROR_MESSAGE_SETTER_RE.test(name)) return call.arguments.length === 1 && !isEmptyValue(call.arguments[0]!);
  if (/^set[A-Z]/.test(name)) return call.arguments.some((a) => ts.isStringLiteralLike(a) && FAILURE_STATUS_RE.test(a.text));
  return false;
}
