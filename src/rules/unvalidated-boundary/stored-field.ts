import * as path from "node:path";
import { ts } from "../../engine/ts";
import type { ProjectHost } from "../../engine/types";
import { openModule } from "../../fixes/zod-schema";
import type { ProjectProfile } from "../../profile/types";
import { ProjectFiles } from "./elsewhere";
import { climb, findRefs, isConditionPosition, nameText, type FunctionLike } from "./ast";

// A string parameter that a handler only stores as a field of a Mongoose document or a Prisma
// record (issue 12, reviews R16, R28, R70, R79): both cast or check the type of a stored scalar
// at run time (an object for a String or ObjectId path is a CastError; Prisma rejects it), so a
// bare `z.string()` there checks nothing. What the project states about the field (Mongoose
// `required`, `minlength`, `maxlength`, `enum`, `match`, `trim`; Prisma `@db.VarChar(n)`) is
// what a schema can add, and it matters most on updates: Mongoose runs no validators on
// `findOneAndUpdate`/`updateOne` unless asked to. Read through the project host, in the fix thunk;
// only `prismaTextField` and `mongooseTextField` (a field's type, for the equality-filter and
// look-up-first tests) run on the detection path, cached per file by the rule.

/** What a model states about a string field, as a Zod string schema can check it. */
export interface StringRules {
  trim?: boolean;
  min?: number;
  max?: number;
  /** `enum: ["a", "b"]`: the only values the model accepts. */
  values?: string[];
  /** A regular expression literal's text (`/^[a-z]+$/i`). */
  regex?: string;
}

/**
 * What storing the parameter adds: `castOnly` when every use stores it where the data layer
 * already casts it and the model states nothing more; the model's rules when it does;
 * undefined when some use is anything else (a query filter, another call), where a plain string
 * check does block operator objects (`{ $ne: null }`).
 */
export type StoredVerdict = { kind: "castOnly" } | { kind: "rules"; model: string; rules: StringRules };

/** The model's answer for one stored field: its name and rules, `unknown` when it cannot be read, `notString` for another type. */
type FieldAnswer = { model: string; rules: StringRules } | "unknown" | "notString";

const MONGOOSE_UPDATES = new Set(["findOneAndUpdate", "findByIdAndUpdate", "updateOne", "updateMany", "update", "replaceOne", "findOneAndReplace"]);
const PRISMA_WRITES = new Set(["create", "update", "upsert", "updateMany"]);
// ORMs whose entities are classes too (`new User({ … })`) and store an object as sent.
const OTHER_ORMS = ["typeorm", "sequelize", "sequelize-typescript", "@mikro-orm/core", "objection", "@typegoose/typegoose"];

interface Env {
  sf: ts.SourceFile;
  filePath: string;
  host: ProjectHost;
  profile: ProjectProfile;
}

/** The verdict for the string parameter `param` of `fn`, or undefined when some use is not a store. */
export function storedScalar(param: ts.ParameterDeclaration, fn: FunctionLike, sf: ts.SourceFile, filePath: string, host: ProjectHost, profile: ProjectProfile): StoredVerdict | undefined {
  if (!ts.isIdentifier(param.name) || !fn.body) return undefined;
  const env: Env = { sf, filePath, host, profile };
  const answers: FieldAnswer[] = [];
  for (const ref of findRefs(param.name.text, fn.body, fn.body.pos)) {
    const top = climb(ref);
    // `if (!name) throw …`: a test needs no schema.
    if (isConditionPosition(top)) continue;
    const answer = storedField(top, env);
    if (answer === undefined || answer === "notString") return undefined;
    answers.push(answer);
  }
  if (answers.length === 0) return undefined;
  const known = answers.filter((a): a is { model: string; rules: StringRules } => typeof a === "object" && hasRules(a.rules));
  const distinct = new Set(known.map((a) => JSON.stringify(a.rules)));
  // Two models that state different rules for the value: no one schema is theirs.
  if (distinct.size !== 1) return { kind: "castOnly" };
  return { kind: "rules", model: known[0]!.model, rules: known[0]!.rules };
}

function hasRules(r: StringRules): boolean {
  return r.min !== undefined || r.max !== undefined || r.values !== undefined || r.regex !== undefined;
}

/** The field `value` is stored in, when it is the value of a top-level key of a document or record a Mongoose model or Prisma writes. */
function storedField(value: ts.Node, env: Env): FieldAnswer | undefined {
  const prop = value.parent;
  if (!prop) return undefined;
  let key: string | undefined;
  if (ts.isShorthandPropertyAssignment(prop)) key = prop.name.text;
  else if (ts.isPropertyAssignment(prop) && prop.initializer === value) key = nameText(prop.name);
  if (key === undefined || !ts.isObjectLiteralExpression(prop.parent)) return undefined;
  let obj: ts.Node = prop.parent;
  // `{ $set: { name } }`
  const outer = obj.parent;
  if (outer && ts.isPropertyAssignment(outer) && nameText(outer.name) === "$set" && ts.isObjectLiteralExpression(outer.parent)) obj = outer.parent;
  return mongooseStore(obj, key, env) ?? prismaStore(obj, key, env);
}

/** `new Model({ … })`, `Model.create({ … })`, `Model.findOneAndUpdate(filter, { … })`. */
function mongooseStore(obj: ts.Node, key: string, env: Env): FieldAnswer | undefined {
  const call = obj.parent;
  if (!call) return undefined;
  let model: ts.Identifier | undefined;
  if (ts.isNewExpression(call) && call.arguments?.[0] === obj && ts.isIdentifier(call.expression)) model = call.expression;
  else if (ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && ts.isIdentifier(call.expression.expression)) {
    const method = call.expression.name.text;
    const at = call.arguments.indexOf(obj as ts.Expression);
    if ((method === "create" && at === 0) || (MONGOOSE_UPDATES.has(method) && at === 1)) model = call.expression.expression;
  }
  if (!model || !/^[A-Z]/.test(model.text)) return undefined;
  const schema = mongooseSchemaOf(model.text, env);
  if (schema) return fieldOfMongoose(schema.fields, key, schema.name);
  // A model whose file cannot be read, in a project that stores with Mongoose only.
  const deps = env.profile.dependencies;
  return deps.has("mongoose") && !OTHER_ORMS.some((d) => deps.has(d)) ? "unknown" : undefined;
}

/** `prisma.community.create({ data: { … } })`, `db.user.upsert({ create: { … }, update: { … } })`. */
function prismaStore(obj: ts.Node, key: string, env: Env): FieldAnswer | undefined {
  const deps = env.profile.dependencies;
  if (!deps.has("@prisma/client") && !deps.has("prisma")) return undefined;
  const holder = obj.parent;
  if (!holder || !ts.isPropertyAssignment(holder) || !/^(?:data|create|update)$/.test(nameText(holder.name) ?? "")) return undefined;
  const args = holder.parent;
  const call = args?.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== args || !ts.isPropertyAccessExpression(call.expression) || !PRISMA_WRITES.has(call.expression.name.text)) return undefined;
  const recv = call.expression.expression;
  if (!ts.isPropertyAccessExpression(recv)) return undefined;
  const fields = prismaModel(recv.name.text, env);
  if (!fields) return "unknown";
  return fieldOfPrisma(fields.block, key, fields.name);
}

// ---------------------------------------------------------------------------------------
// Mongoose

interface MongooseSchema {
  /** The model's name (`mongoose.model("Community", …)`). */
  name: string;
  fields: ts.ObjectLiteralExpression;
}

/** The schema object of the Mongoose model bound to `local` in this file, or in the module it is imported from. */
function mongooseSchemaOf(local: string, env: Env, js = false): MongooseSchema | undefined {
  const own = schemaInFile(env.sf, local);
  if (own) return own;
  const from = importOf(env.sf, local);
  if (!from) return undefined;
  const target = openSpecifier(from.specifier, env) ?? (js ? openScript(from.specifier, env) : undefined);
  if (!target) return undefined;
  const sf = ts.createSourceFile(target.path, target.text, ts.ScriptTarget.Latest, true);
  return schemaInFile(sf, from.imported);
}

/** Where `local` comes from: `import X from "…"`, `import { X } from "…"`, `const X = require("…")`. */
function importOf(sf: ts.SourceFile, local: string): { specifier: string; imported: string } | undefined {
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && st.importClause && !st.importClause.isTypeOnly) {
      const c = st.importClause;
      if (c.name?.text === local) return { specifier: st.moduleSpecifier.text, imported: "default" };
      const nb = c.namedBindings;
      const el = nb && ts.isNamedImports(nb) ? nb.elements.find((e) => e.name.text === local) : undefined;
      if (el) return { specifier: st.moduleSpecifier.text, imported: el.propertyName?.text ?? local };
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const init = d.initializer;
        if (ts.isIdentifier(d.name) && d.name.text === local && init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === "require" && init.arguments[0] && ts.isStringLiteral(init.arguments[0])) {
          return { specifier: init.arguments[0].text, imported: "default" };
        }
      }
    }
  }
  return undefined;
}

/** A relative module, or one an import alias of the project names (tsconfig `paths`, `@/` at the root or `src/`: see ProjectFiles.resolve). */
function openSpecifier(spec: string, env: Env): { path: string; text: string } | undefined {
  if (spec.startsWith(".")) return openModule(path.posix.join(path.posix.dirname(env.filePath.replace(/\\/g, "/")), spec), env.host);
  const self = env.filePath.replace(/\\/g, "/");
  const abs = new ProjectFiles(env.host, self, env.profile).resolve(self, spec);
  const text = abs === undefined ? undefined : env.host.readFile(abs);
  return abs !== undefined && text !== undefined ? { path: abs, text } : undefined;
}

/** A relative JavaScript module (`require("../models/issue.model")`): `.js`, `.cjs`, `.mjs`, `index.js`. */
function openScript(spec: string, env: Env): { path: string; text: string } | undefined {
  if (!spec.startsWith(".")) return undefined;
  const base = path.posix.join(path.posix.dirname(env.filePath.replace(/\\/g, "/")), spec);
  const stem = base.replace(/\.(?:[cm]?js|jsx)$/, "");
  for (const cand of [`${stem}.js`, `${stem}.cjs`, `${stem}.mjs`, `${stem}/index.js`]) {
    const text = env.host.readFile(cand);
    if (text !== undefined) return { path: cand, text };
  }
  return undefined;
}

/**
 * The schema of the model `name` names in `sf` (`default`: the file's one model, or its default
 * export): `const X = mongoose.models.X || mongoose.model("X", xSchema)` with
 * `const xSchema = new mongoose.Schema({ … })`.
 */
function schemaInFile(sf: ts.SourceFile, name: string): MongooseSchema | undefined {
  const schemas = new Map<string, ts.ObjectLiteralExpression>();
  const models: Array<{ binding?: string; model: string; schema: string }> = [];
  const visitInit = (binding: string | undefined, init: ts.Expression | undefined): void => {
    if (!init) return;
    const e = skipOuter(init);
    if (ts.isNewExpression(e) && /^(?:mongoose\.)?Schema$/.test(e.expression.getText(sf)) && e.arguments?.[0] && ts.isObjectLiteralExpression(e.arguments[0])) {
      if (binding) schemas.set(binding, e.arguments[0]);
      return;
    }
    const call = modelCall(e);
    if (call) models.push({ binding, ...call });
  };
  let defaultExport: string | undefined;
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) visitInit(ts.isIdentifier(d.name) ? d.name.text : undefined, d.initializer);
    } else if (ts.isExportAssignment(st)) {
      if (ts.isIdentifier(st.expression)) defaultExport = st.expression.text;
      else visitInit("default", st.expression);
    } else if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken && st.expression.left.getText(sf) === "module.exports") {
      const right = st.expression.right;
      if (ts.isIdentifier(right)) defaultExport = right.text;
      else visitInit("default", right);
    }
  }
  const wanted = name === "default" ? defaultExport ?? "default" : name;
  const found = models.find((m) => m.binding === wanted) ?? (name === "default" && models.length === 1 ? models[0] : undefined) ?? models.find((m) => m.model === wanted);
  const fields = found ? schemas.get(found.schema) : undefined;
  return found && fields ? { name: found.model, fields } : undefined;
}

function skipOuter(e: ts.Expression): ts.Expression {
  let x = e;
  while (ts.isParenthesizedExpression(x) || ts.isAsExpression(x) || ts.isNonNullExpression(x) || ts.isSatisfiesExpression(x)) x = x.expression;
  return x;
}

/** `mongoose.model("X", xSchema)`, `model<IX>("X", xSchema)`, also after `mongoose.models.X ||`. */
function modelCall(e: ts.Expression): { model: string; schema: string } | undefined {
  const x = skipOuter(e);
  if (ts.isBinaryExpression(x) && (x.operatorToken.kind === ts.SyntaxKind.BarBarToken || x.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) return modelCall(x.right);
  if (!ts.isCallExpression(x)) return undefined;
  const callee = x.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
  const [first, second] = x.arguments;
  if (name !== "model" || !first || !ts.isStringLiteral(first) || !second || !ts.isIdentifier(second)) return undefined;
  return { model: first.text, schema: second.text };
}

/** `String`, `Schema.Types.String`, `"String"`. */
function isStringType(e: ts.Expression): boolean {
  if (ts.isIdentifier(e)) return e.text === "String";
  if (ts.isPropertyAccessExpression(e)) return e.name.text === "String";
  return ts.isStringLiteral(e) && e.text.toLowerCase() === "string";
}

/** `mongoose.Schema.Types.ObjectId`, `Schema.Types.ObjectId`, `Types.ObjectId`, `"ObjectId"`. */
function isObjectIdType(e: ts.Expression): boolean {
  if (ts.isPropertyAccessExpression(e)) return e.name.text === "ObjectId";
  return ts.isStringLiteral(e) && e.text === "ObjectId";
}

/** A number, or the number of `[n, "message"]`. */
function numberOf(e: ts.Expression): number | undefined {
  const x = ts.isArrayLiteralExpression(e) ? e.elements[0] : e;
  return x && ts.isNumericLiteral(x) ? Number(x.text) : undefined;
}

function fieldOfMongoose(fields: ts.ObjectLiteralExpression, key: string, model: string): FieldAnswer {
  const prop = fields.properties.find((p) => ts.isPropertyAssignment(p) && nameText(p.name) === key) as ts.PropertyAssignment | undefined;
  // Strict schemas drop keys they do not declare: the value is not stored at all.
  if (!prop) return "unknown";
  const init = prop.initializer;
  if (isStringType(init) || isObjectIdType(init)) return { model, rules: {} };
  if (!ts.isObjectLiteralExpression(init)) return "notString";
  const opt = new Map<string, ts.Expression>();
  for (const p of init.properties) if (ts.isPropertyAssignment(p)) opt.set((nameText(p.name) ?? "").toLowerCase(), p.initializer);
  const type = opt.get("type");
  // An ObjectId path: Mongoose casts the string and rejects anything that is not an id (a
  // CastError), so a bare z.string() adds nothing there (review R79).
  if (type && isObjectIdType(type)) return { model, rules: {} };
  if (!type || !isStringType(type)) return "notString";
  const rules: StringRules = {};
  const req = opt.get("required");
  // Mongoose's `required` rejects the empty string (after `trim` when the path trims).
  const required = req !== undefined && (req.kind === ts.SyntaxKind.TrueKeyword || (ts.isArrayLiteralExpression(req) && req.elements[0]?.kind === ts.SyntaxKind.TrueKeyword));
  const minlength = opt.has("minlength") ? numberOf(opt.get("minlength")!) : undefined;
  const min = Math.max(required ? 1 : 0, minlength ?? 0);
  if (min > 0) rules.min = min;
  const max = opt.has("maxlength") ? numberOf(opt.get("maxlength")!) : undefined;
  if (max !== undefined) rules.max = max;
  if (opt.get("trim")?.kind === ts.SyntaxKind.TrueKeyword && (rules.min !== undefined || rules.max !== undefined)) rules.trim = true;
  let values = opt.get("enum");
  if (values && ts.isObjectLiteralExpression(values)) {
    const v = values.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && nameText(p.name) === "values");
    values = v?.initializer;
  }
  if (values && ts.isArrayLiteralExpression(values) && values.elements.length > 0 && values.elements.every(ts.isStringLiteral)) rules.values = values.elements.map((e) => (e as ts.StringLiteral).text);
  let match = opt.get("match");
  if (match && ts.isArrayLiteralExpression(match)) match = match.elements[0];
  if (match && ts.isRegularExpressionLiteral(match)) rules.regex = match.text;
  return { model, rules };
}

/**
 * Whether the Mongoose model bound to `local` (in this file or the module it comes from) keeps `key` as a
 * plain `String` path (`issueId: { type: String }`): a text value matches it as it is, a malformed one
 * matches no document. `false` for another type (an `ObjectId` is cast, and a malformed value is a
 * CastError) or an undeclared key; undefined when the model cannot be read. Asked on the detection path
 * by the look-up-first test of a route's text (see equality-filter.ts `mongooseTextFilter`).
 */
export function mongooseTextField(local: string, key: string, sf: ts.SourceFile, filePath: string, host: ProjectHost, profile: ProjectProfile): boolean | undefined {
  const schema = mongooseSchemaOf(local, { sf, filePath, host, profile }, true);
  if (!schema) return undefined;
  const prop = schema.fields.properties.find((p) => ts.isPropertyAssignment(p) && nameText(p.name) === key) as ts.PropertyAssignment | undefined;
  if (!prop) return false;
  const init = prop.initializer;
  if (isStringType(init)) return true;
  if (!ts.isObjectLiteralExpression(init)) return false;
  const type = init.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && nameText(p.name) === "type");
  return !!type && isStringType(type.initializer);
}

// ---------------------------------------------------------------------------------------
// Prisma

/** The `model X { … }` block of the Prisma schema for the client property `prop` (`community` → `Community`). */
function prismaModel(prop: string, env: Pick<Env, "host" | "profile">): { name: string; block: string } | undefined {
  const root = env.profile.root.replace(/\\/g, "/").replace(/\/$/, "");
  const texts: string[] = [];
  for (const f of [`${root}/prisma/schema.prisma`, `${root}/schema.prisma`]) {
    const t = env.host.readFile(f);
    if (t !== undefined) texts.push(t);
  }
  // Prisma's multi-file schema: `prisma/schema/*.prisma`, or the `prismaSchemaFolder` preview's folder of folders
  // (`prisma/models/appointments.prisma` beside `prisma/schema.prisma`: MigueLeft/precision-back, session 45); one level down.
  for (const name of env.host.listDir?.(`${root}/prisma/schema`) ?? []) {
    if (!name.endsWith(".prisma")) continue;
    const t = env.host.readFile(`${root}/prisma/schema/${name}`);
    if (t !== undefined) texts.push(t);
  }
  if (texts.some((t) => /\bprismaSchemaFolder\b/.test(t))) {
    for (const dir of env.host.listDir?.(`${root}/prisma`) ?? []) {
      if (dir === "schema" || dir === "migrations" || dir.includes(".")) continue;
      for (const name of env.host.listDir?.(`${root}/prisma/${dir}`) ?? []) {
        if (!name.endsWith(".prisma")) continue;
        const t = env.host.readFile(`${root}/prisma/${dir}/${name}`);
        if (t !== undefined) texts.push(t);
      }
    }
  }
  for (const text of texts) {
    for (const m of text.matchAll(/^[ \t]*model[ \t]+(\w+)[ \t]*\{/gm)) {
      if (m[1]!.toLowerCase() !== prop.toLowerCase()) continue;
      const start = m.index! + m[0].length;
      const end = text.indexOf("\n}", start);
      return { name: m[1]!, block: text.slice(start, end === -1 ? text.length : end) };
    }
  }
  return undefined;
}

/**
 * Whether the Prisma model behind the client property `prop` (`paymentTransaction`) keeps `key` as text
 * it matches as sent: a `String` field with no `@db.Uuid` (a `uuid` column parses the value first), not a
 * list. Undefined when the project has no readable schema or the model or field is not found.
 */
export function prismaTextField(prop: string, key: string, host: ProjectHost, profile: ProjectProfile): boolean | undefined {
  const deps = profile.dependencies;
  if (!deps.has("@prisma/client") && !deps.has("prisma")) return undefined;
  const model = prismaModel(prop, { host, profile });
  if (!model) return undefined;
  for (const line of model.block.split("\n")) {
    const m = /^\s*(\w+)\s+(\w+)(\?|\[\])?(.*)$/.exec(line);
    if (m && m[1] === key) return m[2] === "String" && m[3] !== "[]" && !/@db\.Uuid\b/.test(m[4]!);
  }
  return undefined;
}

function fieldOfPrisma(block: string, key: string, model: string): FieldAnswer {
  for (const line of block.split("\n")) {
    const m = /^\s*(\w+)\s+(\w+)(\?|\[\])?(.*)$/.exec(line);
    if (!m || m[1] !== key) continue;
    if (m[2] !== "String" || m[3] === "[]") return "notString";
    const size = /@db\.(?:VarChar|Char|NVarChar|NChar)\((\d+)\)/.exec(m[4]!);
    return { model, rules: size ? { max: Number(size[1]) } : {} };
  }
  return "unknown";
}
