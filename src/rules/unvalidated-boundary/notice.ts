import { ts } from "../../engine/ts";
import { calleeName } from "../../engine/ast";
import { findBinding, receiverSegments, unwrap } from "./ast";

// The toast libraries' message methods (sonner, react-hot-toast, react-toastify, shadcn's `toast`; react-toast-notifications' `addToast`).
const TOAST_METHODS = new Set(["error", "success", "info", "warning", "warn", "message", "loading"]);

/**
 * `toast.error(data.response)`, `toast(data.message)`, `toast({ title: "Error", description: data.error })`:
 * a call that only shows a text to the user for a moment. A reply's field handed to it (as the first
 * argument, or inside the object literal given there) is wording, like a log line's text or a thrown
 * error's message: nothing of it is kept, returned or sent on (production linkwarden's register and
 * password pages). `arg` is what the field reached: the argument itself.
 */
export function isToastMessage(call: ts.CallExpression, arg: ts.Node): boolean {
  if (call.arguments[0] !== arg) return false;
  const recv = receiverSegments(call);
  // `addToast(text, { appearance: "success" })` of react-toast-notifications' `useToasts()`.
  if (recv.length === 0) return ts.isIdentifier(call.expression) && (call.expression.text === "toast" || addToast(call.expression));
  return recv.length === 1 && recv[0] === "toast" && TOAST_METHODS.has(calleeName(call) ?? "");
}

/** `addToast` of `const { addToast } = useToasts()` (react-toast-notifications). */
function addToast(id: ts.Identifier): boolean {
  const b = id.text === "addToast" ? findBinding(id) : undefined;
  const init = b && b.kind === "var" && b.element && b.decl.initializer ? unwrap(b.decl.initializer) : undefined;
  return !!init && ts.isCallExpression(init) && calleeName(init) === "useToasts";
}
