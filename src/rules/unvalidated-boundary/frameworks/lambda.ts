import { ts } from "../../../engine/ts";
import { dispatchBranchOf, findBinding, functionName, isExportedFunction, nameText, shortText, typeNameOf, unwrap, type FunctionLike } from "../ast";
import type { Source } from "../source";

// Anchored, one quantifier each: linear on any input.
const EVENT_TYPE_RE = /^(?:APIGateway\w+|ALBEvent|LambdaFunctionURLEvent)$/;
const HANDLER_TYPE_RE = /^(?:APIGateway\w+|ALBHandler|LambdaFunctionURLHandler|Handler)$/;

/** The Lambda handler whose first parameter `id` is, when it looks like an API Gateway event. */
export function lambdaHandlerOf(id: ts.Identifier): FunctionLike | undefined {
  const b = findBinding(id);
  if (!b || b.kind !== "param" || b.index !== 0 || b.element) return undefined;
  const fn = b.fn;
  const type = typeNameOf(b.param);
  if (type && EVENT_TYPE_RE.test(type)) return fn;
  const decl = fn.parent;
  if (decl && ts.isVariableDeclaration(decl) && decl.type && ts.isTypeReferenceNode(decl.type)) {
    const tn = ts.isIdentifier(decl.type.typeName) ? decl.type.typeName.text : decl.type.typeName.right.text;
    if (HANDLER_TYPE_RE.test(tn)) return fn;
  }
  const name = functionName(fn) ?? "";
  if ((name === "handler" || name === "main" || /Handler$/.test(name)) && (isExportedFunction(fn) || name === "handler") && /^(?:event|evt|e)$/.test(id.text)) return fn;
  // Serverless Framework modules export one handler per function: `module.exports.create = async (event, context) => …`.
  // A parameter typed as another kind of event (`toTicket(event: Zendesk.TicketEvent)`) is no request.
  if (isExportedFunction(fn) && !otherEvent(b.param, fn) && /^(?:event|evt)$/.test(id.text) && (fn.parameters.length === 1 || /^(?:context|ctx|_context|_ctx|callback|cb)$/.test(nameOf(fn.parameters[1])))) return fn;
  return undefined;
}

/** `event.queryStringParameters` / `event.pathParameters` in a Lambda handler. */
export function lambdaParamsSource(node: ts.PropertyAccessExpression, sf: ts.SourceFile): Source | undefined {
  if (!ts.isIdentifier(node.expression)) return undefined;
  // The property names are API Gateway's own: any handler whose first parameter is the event.
  const fn = lambdaHandlerOf(node.expression) ?? eventParamOf(node.expression);
  if (!fn) return undefined;
  return {
    caseId: "lambdaEvent",
    node,
    values: [node],
    kind: "bag",
    read: shortText(node, sf),
    handler: fn,
    channel: { kind: "lambda" },
    schemaSuffix: node.name.text === "pathParameters" ? "Params" : "Query",
    dedupeKey: `${fn.pos}:lambda:${node.name.text}:${dispatchBranchOf(node, fn)}`,
  };
}

function nameOf(p: ts.ParameterDeclaration | undefined): string {
  return p && ts.isIdentifier(p.name) ? p.name.text : "";
}

/** `event.body` read as an object (middy's JSON body parser, or a bug): the request body of a Lambda. */
export function lambdaBodySource(node: ts.PropertyAccessExpression, sf: ts.SourceFile): Source | undefined {
  if (!ts.isIdentifier(node.expression)) return undefined;
  const fn = lambdaHandlerOf(node.expression) ?? eventHandlerOf(node.expression);
  if (!fn) return undefined;
  return {
    caseId: "lambdaEvent",
    node,
    values: [node],
    kind: "structured",
    read: shortText(node, sf),
    handler: fn,
    channel: { kind: "lambda" },
    schemaSuffix: "Body",
    dedupeKey: `${fn.pos}:lambda:body:${dispatchBranchOf(node, fn)}`,
  };
}

// The words of a type a request event may be written as: API Gateway's, Netlify's `HandlerEvent`, a project's own
// `ApiGatewayHttpEvent`, Yandex Cloud's `ICloudEvent`, a bare `Event`.
const REQUEST_EVENT_TYPE_RE = /^I?Event$|Gateway|Handler|Lambda|ALB|Url|URL|Netlify|Http|HTTP|Request|Cloud|Proxy|Function|Api|API/;

/**
 * The parameter is typed as an event of another kind (`parseEvent(event: MicrosoftEvent)`, a calendar event
 * Graph returned; production inbox-zero's `microsoft-events.ts`): its `body` is the event's, not a request's.
 */
function typedAsOtherEvent(param: ts.ParameterDeclaration): boolean {
  const t = typeNameOf(param);
  return t !== undefined && !REQUEST_EVENT_TYPE_RE.test(t);
}

/** The function whose first parameter `id` is, when it is named like a Lambda event (`event`, `evt`). */
export function eventHandlerOf(id: ts.Identifier): FunctionLike | undefined {
  if (!/^(?:event|evt)$/.test(id.text)) return undefined;
  const b = findBinding(id);
  return b && b.kind === "param" && b.index === 0 && !b.element && !otherEvent(b.param, b.fn) ? b.fn : undefined;
}

// Array methods whose callback's first parameter is an element of the array, never an invocation's event.
const ELEMENT_CALLBACKS = new Set(["map", "filter", "forEach", "flatMap", "some", "every", "find", "findIndex", "findLast", "findLastIndex"]);
// Anchored or single words: linear on any input. Type names a request event of any platform may carry.
const REQUEST_TYPE_RE = /Lambda|Gateway|ALB|Http|Request|Proxy|Handler|Function|Api|API|Netlify|Context|^Event$|^Any/;

/**
 * True when a parameter named like an event is something else the code names: an element of an array
 * handed to `events.map((event) => …)`, or a parameter typed with a type of the project's own that names no
 * request (`event: IngestionEventType`, production langfuse's ingestion events, parsed by their Zod schema upstream;
 * `event: MicrosoftEvent`, {@link typedAsOtherEvent}).
 */
function otherEvent(param: ts.ParameterDeclaration | undefined, fn: FunctionLike): boolean {
  const call = fn.parent;
  if (call && ts.isCallExpression(call) && call.arguments.some((a) => a === fn) && ts.isPropertyAccessExpression(call.expression) && ELEMENT_CALLBACKS.has(call.expression.name.text)) return true;
  if (param && typedAsOtherEvent(param)) return true;
  const type = typeNameOf(param);
  return !!type && !EVENT_TYPE_RE.test(type) && !REQUEST_TYPE_RE.test(type);
}

function eventParamOf(id: ts.Identifier): FunctionLike | undefined {
  const b = findBinding(id);
  if (!b || b.kind !== "param" || b.index !== 0 || b.element || otherEvent(b.param, b.fn)) return undefined;
  return /^(?:event|evt|e|req|request)$/.test(id.text) || isExportedFunction(b.fn) ? b.fn : undefined;
}

const EVENT_PARTS: Record<string, { kind: Source["kind"]; suffix: string }> = {
  body: { kind: "any", suffix: "Body" },
  pathParameters: { kind: "bag", suffix: "Params" },
  queryStringParameters: { kind: "bag", suffix: "Query" },
};

/**
 * The event's parts destructured in a Lambda handler: `const { body, pathParameters } = event`
 * (the body text is followed into its `JSON.parse`), `const { pathParameters: { id } } = event`
 * (each name a scalar). One input each with `event.body`, `event.pathParameters`….
 */
export function lambdaEventDestructured(decl: ts.VariableDeclaration, sf: ts.SourceFile): Source[] {
  const out: Source[] = [];
  if (!ts.isObjectBindingPattern(decl.name) || !decl.initializer) return out;
  const base = unwrap(decl.initializer);
  if (!ts.isIdentifier(base)) return out;
  const fn = lambdaHandlerOf(base) ?? eventHandlerOf(base);
  if (!fn) return out;
  for (const el of decl.name.elements) {
    const part = el.dotDotDotToken ? undefined : nameText(el.propertyName ?? el.name);
    const spec = part ? EVENT_PARTS[part] : undefined;
    if (!part || !spec) continue;
    let values: ts.Identifier[];
    let kind = spec.kind;
    if (ts.isIdentifier(el.name)) values = [el.name];
    else if (ts.isObjectBindingPattern(el.name) && part !== "body" && el.name.elements.every((e) => !e.dotDotDotToken && ts.isIdentifier(e.name))) {
      values = el.name.elements.map((e) => e.name as ts.Identifier);
      kind = "scalar";
    } else continue;
    if (values.length === 0) continue;
    out.push({
      caseId: "lambdaEvent",
      node: el,
      values,
      kind,
      read: `${base.text}.${part}`,
      handler: fn,
      channel: { kind: "lambda" },
      schemaSuffix: spec.suffix,
      dedupeKey: `${fn.pos}:lambda:${part}:${dispatchBranchOf(decl, fn)}`,
    });
  }
  return out;
}
