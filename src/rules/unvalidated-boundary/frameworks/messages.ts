import { ts } from "../../../engine/ts";
import { calleeName } from "../../../engine/ast";
import { callOfArgument, findBinding, findRefs, functionName, isFunctionLike, nameText, receiverSegments, shortText, typeNameOf, type FunctionLike } from "../ast";
import { hasModule, isSocketish, parameterSource, type FileFacts, type Source } from "../source";
import { handedAsSecondArgument } from "./named-listener";
import { TreeMemo } from "../../../engine/tree-memo";
import { SERVER_IMPORT_RE } from "../../../profile/detect";

const CONSUMER_CALLS = new Set(["consume", "subscribe", "on", "once", "addListener", "process", "receive", "listen", "onMessage", "handle", "run"]);
const CONSUMER_PROPS = new Set(["eachMessage", "eachBatch", "handleMessage", "messageHandler", "onMessage", "handler"]);
const MESSAGE_PARAM_RE = /^(?:message|msg|record|rec|payload|evt|m|r)$/;
const MESSAGE_TYPE_RE = /(?:Record|Message|Payload)$/;
const LIFECYCLE_EVENTS = new Set(["connect", "connection", "disconnect", "disconnecting", "close", "error", "open", "end", "ready", "listening", "upgrade", "connect_error", "reconnect", "ping", "pong", "drain", "finish", "exit"]);
// Receivers whose `message` events any page or frame can send (window, frames, message ports).
const WINDOW_RECEIVERS = /^(?:window|self|globalThis|parent|top|port|iframe\w*|\w*Port|frame\w*)$/;
// The app's own workers: a `Worker` hears only the script it started, and that script only its page.
const OWN_WORKER_RECEIVERS = /^(?:worker|\w*Worker|parentPort)$/;
// A dedicated worker's own script: named so, or using what only a worker has.
const WORKER_FILE_RE = /(?:^|[\\/._-])(?:web)?workers?(?:[\\/._-]|$)/i;
const WORKER_TEXT_RE = /\bimportScripts\(|\bDedicatedWorkerGlobalScope\b|<reference\s+lib=["']webworker["']/;

function consumerFunction(fn: FunctionLike): boolean {
  const at = callOfArgument(fn);
  if (at) {
    const name = calleeName(at.call);
    // `process.on("unhandledRejection", (reason) => …)`: a process event, not a message payload.
    if (receiverSegments(at.call)[0] === "process") return false;
    const ev = at.call.arguments[0];
    if (ev && ts.isStringLiteral(ev) && LIFECYCLE_EVENTS.has(ev.text)) return false;
    return !!name && CONSUMER_CALLS.has(name);
  }
  const p = fn.parent;
  if (p && ts.isPropertyAssignment(p)) return CONSUMER_PROPS.has(nameText(p.name) ?? "");
  if (ts.isMethodDeclaration(fn)) return CONSUMER_PROPS.has(nameText(fn.name) ?? "");
  return false;
}

/** True when `id` holds a queue/stream/socket message (SQS record, Kafka message, AMQP msg, ws data). */
export function isMessageHolder(id: ts.Identifier): boolean {
  const b = findBinding(id);
  if (!b) return false;
  if (b.kind === "forOf") return /(?:Records|Messages|messages|records)$/.test(b.stmt.expression.getText()) || /^(?:message|msg|record)$/.test(id.text);
  if (b.kind !== "param") return false;
  const type = typeNameOf(b.param);
  if (type && MESSAGE_TYPE_RE.test(type)) return true;
  if (consumerFunction(b.fn)) return true;
  if (MESSAGE_PARAM_RE.test(id.text)) {
    // `event.Records.map((record) => …)` or a named message handler.
    const at = callOfArgument(b.fn);
    if (at && /Records|Messages|messages/.test(at.call.expression.getText())) return true;
    const name = functionName(b.fn) ?? "";
    return (/^_?(?:handle|process|consume|on)\w*$/i.test(name) && /(?:Message|Record|Event)s?$/i.test(name)) || /Handler$/.test(name);
  }
  return false;
}

/**
 * `window`: any page or frame can post to it (the postMessageData case). `own`: a dedicated
 * worker's messages, to or from the app's own script: no more outside input than a call's
 * arguments, so no source at all.
 */
type Listener = { fn: FunctionLike; receiver: string[]; window: boolean; own: boolean };

/** The global scope (`self`, `globalThis`, no receiver) of a dedicated worker's own script. */
function inWorkerScript(fn: FunctionLike, receiver: string): boolean {
  if (!(receiver === "" || receiver === "self" || receiver === "globalThis")) return false;
  const sf = fn.getSourceFile();
  return WORKER_FILE_RE.test(sf.fileName) || WORKER_TEXT_RE.test(sf.text);
}

// `node = new AudioWorkletNode(ctx, "pcm")`, `this.worker = new SharedWorker(url)`: objects whose `port` talks only to the app's own script.
// (The look-behind starts a name only at a name's first character: linear on a long run of word characters.)
const OWN_PORT_OWNER_RE = /(?<![\w$])([A-Za-z_$][\w$]*)\s*=\s*new\s+(?:AudioWorkletNode|SharedWorker)\s*\(/g;
const ownPortOwners = new TreeMemo<ts.SourceFile, ReadonlySet<string>>();

/**
 * `x.port` of an `AudioWorkletNode` or `SharedWorker` the file constructs, or `this.port` in an
 * `AudioWorkletProcessor`: a MessagePort whose other end is the app's own processor or worker script
 * (MDN, AudioWorkletNode.port: "communication between the AudioWorkletNode and its associated
 * AudioWorkletProcessor"), no more outside input than a worker's messages. Retired held round 42,
 * MeetLens `backendTranscriptionService.ts:348`, decided clean.
 */
function ownPort(fn: FunctionLike, receiver: string[]): boolean {
  if (receiver[receiver.length - 1] !== "port" || receiver.length < 2) return false;
  const owner = receiver[receiver.length - 2]!;
  const sf = fn.getSourceFile();
  if (owner === "this") return /\bextends\s+AudioWorkletProcessor\b/.test(sf.text);
  let names = ownPortOwners.get(sf);
  if (!names) {
    const found = new Set<string>();
    if (sf.text.includes("AudioWorkletNode") || sf.text.includes("SharedWorker")) for (const m of sf.text.matchAll(OWN_PORT_OWNER_RE)) found.add(m[1]!);
    ownPortOwners.set(sf, (names = found));
  }
  return names.has(owner);
}

function listener(fn: FunctionLike, receiver: string[], windowLike: boolean): Listener {
  const last = receiver[receiver.length - 1] ?? "";
  const own = OWN_WORKER_RECEIVERS.test(last) || (windowLike && inWorkerScript(fn, last)) || (windowLike && ownPort(fn, receiver));
  return { fn, receiver, window: windowLike && !own, own };
}

/** The listener `fn` is when `call` registers it for `message` events (`x.addEventListener("message", fn)`, `x.on("message", fn)`). */
function registeredListener(fn: FunctionLike, call: ts.CallExpression): Listener | undefined {
  const name = calleeName(call);
  const ev = call.arguments[0];
  if (!((name === "addEventListener" || name === "on") && ev && ts.isStringLiteral(ev) && ev.text === "message")) return undefined;
  const recv = receiverSegments(call);
  const last = recv[recv.length - 1] ?? "";
  return listener(fn, recv, name === "addEventListener" && (recv.length === 0 || WINDOW_RECEIVERS.test(last)));
}

/** The `message` listener a function is (`addEventListener("message", fn)`, `x.onmessage = fn`). */
export function messageListenerOf(fn: FunctionLike): Listener | undefined {
  const at = callOfArgument(fn);
  if (at) return at.index === 1 ? registeredListener(fn, at.call) : undefined;
  // `const listener = (event) => …; worker.addEventListener("message", listener)`: registered by name.
  const heard = handedAsSecondArgument(fn).flatMap((call) => registeredListener(fn, call) ?? []);
  if (heard.length > 0) return heard.find((l) => l.window) ?? heard[0];
  const p = fn.parent;
  if (p && ts.isBinaryExpression(p) && p.right === fn && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const l = p.left;
    if (ts.isIdentifier(l) && l.text === "onmessage") return listener(fn, [], true);
    if (ts.isPropertyAccessExpression(l) && l.name.text === "onmessage") {
      const r = l.expression;
      const last = ts.isIdentifier(r) ? r.text : ts.isPropertyAccessExpression(r) ? r.name.text : "";
      const before = ts.isPropertyAccessExpression(r) ? (ts.isIdentifier(r.expression) ? r.expression.text : ts.isPropertyAccessExpression(r.expression) ? r.expression.name.text : r.expression.kind === ts.SyntaxKind.ThisKeyword ? "this" : "") : "";
      return listener(fn, before ? [before, last] : [last], WINDOW_RECEIVERS.test(last));
    }
  }
  return undefined;
}

/** `event.data` of a window/worker `message` event (structured clone, any shape). */
export function postMessageSource(node: ts.PropertyAccessExpression, sf: ts.SourceFile): Source | undefined {
  if (!ts.isIdentifier(node.expression)) return undefined;
  const b = findBinding(node.expression);
  if (!b || b.kind !== "param" || b.index !== 0 || b.element) return undefined;
  const heard = messageListenerOf(b.fn);
  const typed = typeNameOf(b.param) === "MessageEvent";
  if (!(heard?.window || (typed && !heard))) return undefined;
  return messageRead("postMessageData", node, sf, b.fn, `${b.fn.pos}:postMessage`);
}

/** A message read where it arrives (`event.data`, `message.body`): any shape, thrown on failure. */
function messageRead(caseId: "postMessageData" | "messagePayload", node: ts.PropertyAccessExpression, sf: ts.SourceFile, handler: FunctionLike, dedupeKey: string): Source {
  return { caseId, node, values: [node], kind: "any", read: shortText(node, sf), handler, channel: { kind: "throw" }, schemaSuffix: "Message", dedupeKey };
}

/**
 * A Cloudflare Queues consumer's message: `message.body` in `for (const message of batch.messages)`
 * inside the Worker's `queue(batch, env)` handler (or with `batch` typed `MessageBatch`). The body
 * arrives deserialized, any shape, like a socket.io payload.
 */
export function queueMessageBodySource(node: ts.PropertyAccessExpression, sf: ts.SourceFile): Source | undefined {
  if (!ts.isIdentifier(node.expression)) return undefined;
  const m = findBinding(node.expression);
  if (!m || m.kind !== "forOf" || !ts.isIdentifier(m.decl.name)) return undefined;
  const list = m.stmt.expression;
  if (!ts.isPropertyAccessExpression(list) || list.name.text !== "messages" || !ts.isIdentifier(list.expression)) return undefined;
  const b = findBinding(list.expression);
  if (!b || b.kind !== "param" || b.index !== 0 || b.element) return undefined;
  const fnName = ts.isMethodDeclaration(b.fn) ? nameText(b.fn.name) : b.fn.parent && ts.isPropertyAssignment(b.fn.parent) ? nameText(b.fn.parent.name) : undefined;
  if (fnName !== "queue" && typeNameOf(b.param) !== "MessageBatch") return undefined;
  if (enqueuedBySameWorker(b.param, sf)) return undefined;
  return messageRead("messagePayload", node, sf, b.fn, `${b.fn.pos}:queue:${m.stmt.pos}`);
}

const QUEUE_SENDS = new Set(["send", "sendBatch"]);

/**
 * The Worker sends the messages it consumes: `batch: MessageBatch<TranslationPayload>`, a producer
 * binding of the same message type declared in the module (`QUEUE: Queue<TranslationPayload>`, also
 * `Queue<Required<TranslationPayload>>`), and a `.send(…)`/`.sendBatch(…)` call in the module. The
 * app's own payload, like a self-enqueued job (held round 25, clean debatable).
 */
function enqueuedBySameWorker(batch: ts.ParameterDeclaration, sf: ts.SourceFile): boolean {
  const t = batch.type;
  const arg = t && ts.isTypeReferenceNode(t) ? t.typeArguments?.[0] : undefined;
  const message = arg && ts.isTypeReferenceNode(arg) && ts.isIdentifier(arg.typeName) ? arg.typeName.text : undefined;
  if (!message) return false;
  let producer = false;
  let sends = false;
  const visit = (n: ts.Node): void => {
    if (producer && sends) return;
    if (ts.isTypeReferenceNode(n) && ts.isIdentifier(n.typeName) && n.typeName.text === "Queue" && n.typeArguments?.length === 1) {
      const names: string[] = [];
      const collect = (x: ts.Node): void => {
        if (ts.isTypeReferenceNode(x) && ts.isIdentifier(x.typeName)) names.push(x.typeName.text);
        ts.forEachChild(x, collect);
      };
      collect(n.typeArguments[0]!);
      if (names.includes(message)) producer = true;
    }
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && QUEUE_SENDS.has(n.expression.name.text) && n.arguments.length > 0) sends = true;
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return producer && sends;
}

/** Origin case of `event.data` handed to `JSON.parse`: a window message or a socket message. */
export function messageDataOrigin(node: ts.PropertyAccessExpression): "postMessageData" | "messagePayload" | undefined {
  if (!ts.isIdentifier(node.expression)) return undefined;
  const b = findBinding(node.expression);
  if (!b || b.kind !== "param" || b.index !== 0) return undefined;
  const heard = messageListenerOf(b.fn);
  if (heard?.own) return undefined;
  if (heard) return heard.window ? "postMessageData" : "messagePayload";
  if (typeNameOf(b.param) === "MessageEvent") return "postMessageData";
  return undefined;
}

/**
 * Parameters that receive a message directly: Electron `ipcMain.on/handle` arguments, browser
 * extension `runtime.onMessage` messages, socket.io event payloads.
 */
export function messageParamSources(call: ts.CallExpression, facts: FileFacts, sf: ts.SourceFile): Source[] {
  const name = calleeName(call);
  const recv = receiverSegments(call);
  const out: Source[] = [];
  const make = (fn: FunctionLike, p: ts.ParameterDeclaration): Source | undefined => {
    if (!ts.isIdentifier(p.name) || p.dotDotDotToken) return undefined;
    return parameterSource("messagePayload", fn, p as ts.ParameterDeclaration & { name: ts.Identifier }, "any", "Payload");
  };
  const fnArg = (i: number): FunctionLike | undefined => {
    const a = call.arguments[i];
    return a && isFunctionLike(a) ? a : undefined;
  };
  if ((name === "on" || name === "handle" || name === "once" || name === "handleOnce") && recv[recv.length - 1] === "ipcMain") {
    const fn = fnArg(1);
    if (fn) for (const p of fn.parameters.slice(1)) {
      const s = make(fn, p);
      if (s) out.push(s);
    }
    return out;
  }
  if (name === "addListener" && (recv.includes("onMessage") || recv.includes("onMessageExternal")) && (recv.includes("runtime") || recv.length === 1 || recv[0] === "port")) {
    const fn = fnArg(0);
    const p = fn?.parameters[0];
    const s = fn && p ? make(fn, p) : undefined;
    if (s) out.push(s);
    return out;
  }
  // socket.io, imported here or in the module that hands this one its `io`/`socket` (facts.socketish).
  const imported = hasModule(facts, "socket.io", "socket.io-client");
  if ((name === "on" || name === "once") && (imported || (isSocketish(facts) && recv.length === 1 && /^(?:socket|client|sock)$/.test(recv[0]!))) && !ownEmitter(call)) {
    const ev = call.arguments[0];
    const fn = fnArg(1);
    if (!fn || !ev || !ts.isStringLiteral(ev) || LIFECYCLE_EVENTS.has(ev.text)) return out;
    // Without the import, `data`/`message` may be a net or ws socket's raw chunk (see parse.ts for those).
    if (!imported && (ev.text === "data" || ev.text === "message")) return out;
    const p = fn.parameters[0];
    if (p && !/^(?:ack|cb|callback|done|reply)$/.test(nameText(p.name) ?? "")) {
      const s = socketPayloadSource(fn, p, sf);
      if (s) out.push(browserSocketClient(facts) ? { ...s, uiState: true } : s);
    }
  }
  return out;
}

// A class whose instances carry messages from outside the process: socket.io's `Server`, `Socket`, `Namespace`,
// a `WebSocket`, a bot's or broker's `Client`, Redis and queue subscribers, workers, ports, child processes, streams.
const TRANSPORT_CLASS_RE = /Socket|Server|Client|Namespace|Manager|Connection|Channel|Gateway|Bot|Transport|Peer|Redis|Consumer|Subscriber|Worker|Queue|Kafka|Broker|Mqtt|Nats|Pusher|Ably|Stream|Port|Process|Watcher|^io$/i;

/**
 * `interpreter.on("flag", (page, resume) => …)` with `const interpreter = new Interpreter(workflow, options)`: the
 * listener of an object the function builds itself from a class that is no transport (a workflow interpreter, an
 * `EventEmitter`), which only this process emits on. Its arguments are the process's own values, not a socket's
 * payload, whatever the module imports (production maxun's `workflow-management/classes/Interpreter.ts:344`,
 * session 44).
 */
function ownEmitter(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return false;
  const b = findBinding(callee.expression);
  if (!b || b.kind !== "var" || b.element || !ts.isIdentifier(b.decl.name)) return false;
  let init = b.decl.initializer;
  while (init && (ts.isParenthesizedExpression(init) || ts.isAsExpression(init))) init = init.expression;
  if (!init || !ts.isNewExpression(init)) return false;
  const cls = ts.isIdentifier(init.expression) ? init.expression.text : ts.isPropertyAccessExpression(init.expression) ? init.expression.name.text : undefined;
  return !!cls && !TRANSPORT_CLASS_RE.test(cls);
}

// A page's code: a browser global read, or a UI framework imported. An import no browser bundle resolves says a server.
const BROWSER_TEXT_RE = /(?<![\w$.])(?:window|document|localStorage|sessionStorage|location|navigator)\.|\bfrom\s+["'](?:vue|react|react-dom|preact|svelte|svelte\/store|pinia|vuex|solid-js|@angular\/core)["']/;

/**
 * A browser's socket.io client (`import { io } from "socket.io-client"` in a page's code, uptime-kuma's
 * `src/mixins/socket.js`): its events are the page's own server speaking, and what it keeps is the page's UI
 * state (Source.uiState). A Node process's socket.io-client (a service listening to another) keeps a store.
 */
function browserSocketClient(facts: FileFacts): boolean {
  return (facts.browserSocket ??= hasModule(facts, "socket.io-client") && !hasModule(facts, "socket.io") && BROWSER_TEXT_RE.test(facts.text) && !SERVER_IMPORT_RE.test(facts.text));
}

/**
 * A socket server's event payload (`socket.on("chat:message", (data) => …)`, also destructured in the
 * parameter): judged like a form's fields, by where they go (a query, a file path, a property key, the
 * server's own store; see `sinkOnly`), not at every read, and reported at the handler's first read of it.
 */
function socketPayloadSource(fn: FunctionLike, p: ts.ParameterDeclaration, sf: ts.SourceFile): Source | undefined {
  if (p.dotDotDotToken) return undefined;
  if (ts.isIdentifier(p.name)) {
    const s = parameterSource("messagePayload", fn, p as ts.ParameterDeclaration & { name: ts.Identifier }, "structured", "Payload");
    const first = fn.body ? findRefs(p.name.text, fn.body, fn.body.pos)[0] : undefined;
    return { ...s, sinkOnly: true, ...(first ? { reportAt: first } : {}) };
  }
  if (!ts.isObjectBindingPattern(p.name)) return undefined;
  const names = p.name.elements.flatMap((el) => (ts.isIdentifier(el.name) && !el.dotDotDotToken ? [el.name] : []));
  return { caseId: "messagePayload", node: p.name, values: names, kind: "any", read: shortText(p.name, sf), handler: fn, channel: { kind: "throw" }, param: p, schemaSuffix: "Payload", sinkOnly: true };
}

/**
 * The low-level MCP `Server`'s tool call: `server.setRequestHandler(CallToolRequestSchema, async (request) => …
 * request.params.arguments …)`. That SDK hands the arguments on as the client sent them, without checking them
 * against the `inputSchema` the tool declares in its `ListTools` answer: judged like a socket payload, by where
 * they go (a file written, a query, a path), at the read (held round 37, mehbayat ask_user_mcp/server.ts).
 */
export function mcpToolArguments(node: ts.PropertyAccessExpression, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  const params = node.expression;
  if (!ts.isPropertyAccessExpression(params) || params.name.text !== "params" || !ts.isIdentifier(params.expression)) return undefined;
  if (!hasModule(facts, "@modelcontextprotocol/sdk")) return undefined;
  const b = findBinding(params.expression);
  if (b?.kind !== "param" || b.element || b.index !== 0) return undefined;
  const at = callOfArgument(b.fn);
  const schema = at?.call.arguments[0];
  if (!at || at.index !== 1 || calleeName(at.call) !== "setRequestHandler" || !schema || !ts.isIdentifier(schema) || schema.text !== "CallToolRequestSchema") return undefined;
  return { caseId: "messagePayload", node, values: [node], kind: "structured", read: shortText(node, sf), handler: b.fn, channel: { kind: "throw" }, schemaSuffix: "Arguments", sinkOnly: true };
}
