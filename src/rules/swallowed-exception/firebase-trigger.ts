/**
 * Cloud Functions for Firebase event triggers (held round 41, servimap's push notifications): the
 * platform calls the function for a Firestore, Realtime Database, Storage, Pub/Sub or Auth event, or
 * on a schedule, and nobody waits for its answer. Firebase's docs ("Retry asynchronous functions"):
 * without retries a failed event function is not run again and its error only lands in the logs, so
 * a catch that logs the error and ends the trigger loses nothing a throw would have kept: it is an
 * event or cron callback by the docs.
 *
 *   exports.onNewItem = functions.firestore.document("queue/{id}").onCreate(async (snap) => { try { … } catch (e) { console.error(e); } });
 *   export const nightly = onSchedule("every day 02:00", async () => { try { … } catch (e) { logger.error(e); } });
 *
 * Not where retries are on (`runWith({ failurePolicy: true })`, `{ retry: true }`, a schedule's
 * `retryCount`/`retryConfig`): there a throw runs the event again, and the log-only catch ends it.
 * Not an HTTP function or a callable (`onRequest`, `onCall`: a caller is answered), a blocking auth
 * function (`beforeUserCreated`: a throw refuses the sign-up) or a task queue function
 * (`onTaskDispatched`: the queue retries it).
 */
import { ts } from "../../engine/ts";
import { importBindings } from "../../engine/ast";

// v1: `functions.firestore.document(p).onCreate(fn)`, `functions.pubsub.schedule(s).onRun(fn)`…: the service, its target and the event.
const V1_SERVICES = new Set(["firestore", "database", "storage", "pubsub", "auth"]);
const V1_TARGETS = new Set(["document", "ref", "instance", "object", "bucket", "topic", "schedule", "user"]);
const V1_EVENTS = new Set(["onCreate", "onUpdate", "onDelete", "onWrite", "onFinalize", "onArchive", "onMetadataUpdate", "onPublish", "onRun"]);
// v2: `onDocumentCreated(p, fn)`, `onValueWritten(…)`, `onObjectFinalized(…)`, `onMessagePublished(…)`, `onSchedule(…)`.
const V2_EVENT_RE = /^(?:onDocument(?:Created|Updated|Deleted|Written)(?:WithAuthContext)?|onValue(?:Created|Updated|Deleted|Written)|onObject(?:Finalized|Deleted|Archived|MetadataUpdated)|onMessagePublished|onSchedule)$/;

const FIREBASE_SPEC_RE = /^firebase-functions(?:\/|$)/;

/** The name is bound to a module of `firebase-functions` (`import * as functions`, `require("firebase-functions/v1")`, `{ onSchedule }`). */
function fromFirebase(sf: ts.SourceFile, name: string): boolean {
  const b = importBindings(sf).get(name);
  return b !== undefined && FIREBASE_SPEC_RE.test(b.spec);
}

/** `{ retry: true }`, `{ failurePolicy: true }`, `{ retryCount: 3 }`: an options object that turns retries on. */
function turnsRetriesOn(e: ts.Expression | undefined): boolean {
  if (!e || !ts.isObjectLiteralExpression(e)) return false;
  return e.properties.some((p) => {
    if (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p)) return false;
    const key = p.name.getText();
    if (!/^(?:retry|failurePolicy|retryCount|retryConfig)$/.test(key)) return false;
    if (ts.isShorthandPropertyAssignment(p)) return true;
    const v = p.initializer;
    if (v.kind === ts.SyntaxKind.FalseKeyword) return false;
    if (ts.isNumericLiteral(v)) return Number(v.text) > 0;
    if (ts.isObjectLiteralExpression(v) && key === "retryConfig") return v.properties.some((q) => ts.isPropertyAssignment(q) && q.name.getText() === "retryCount" && !(ts.isNumericLiteral(q.initializer) && Number(q.initializer.text) === 0));
    return true;
  });
}

/** The function is the handler of a Firebase event or scheduled trigger without retries. `scheduled`: only a schedule's. */
export function isFirebaseEventTrigger(fn: ts.Node, scheduled = false): boolean {
  const call = fn.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[call.arguments.length - 1] !== fn) return false;
  const sf = fn.getSourceFile();
  const callee = call.expression;
  // v2, named or through a namespace: `onSchedule({ schedule, retryCount }, fn)`, `firestore.onDocumentCreated("p/{id}", fn)`.
  const v2 = ts.isIdentifier(callee) ? callee : ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && fromFirebase(sf, callee.expression.text) ? callee.name : undefined;
  if (v2 && V2_EVENT_RE.test(v2.text)) {
    if (ts.isIdentifier(callee) && !fromFirebase(sf, callee.text)) return false;
    if (scheduled && v2.text !== "onSchedule") return false;
    return !turnsRetriesOn(call.arguments.length > 1 ? call.arguments[0] : undefined);
  }
  if (!ts.isPropertyAccessExpression(callee) || !V1_EVENTS.has(callee.name.text)) return false;
  if (scheduled && callee.name.text !== "onRun") return false;
  // v1: walk the chain back to `functions` (`functions.region("x").runWith({ … }).firestore.document(p)`).
  let service = false;
  let target = false;
  let cur: ts.Expression = callee.expression;
  for (;;) {
    if (ts.isCallExpression(cur) && ts.isPropertyAccessExpression(cur.expression)) {
      const name = cur.expression.name.text;
      if (V1_TARGETS.has(name)) target = true;
      if ((name === "runWith" || name === "retryConfig") && (name === "retryConfig" || turnsRetriesOn(cur.arguments[0]))) return false;
      cur = cur.expression.expression;
    } else if (ts.isPropertyAccessExpression(cur)) {
      if (V1_SERVICES.has(cur.name.text)) service = true;
      cur = cur.expression;
    } else break;
  }
  return service && target && ts.isIdentifier(cur) && fromFirebase(sf, cur.text);
}
