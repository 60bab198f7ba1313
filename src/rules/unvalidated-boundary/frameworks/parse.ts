import * as path from "node:path";
import { ts } from "../../../engine/ts";
import { accessesNamed, calleeName, topLevelFunction } from "../../../engine/ast";
import { constInitializer, dispatchBranchOf, enclosingFunction, findBinding, findRefs, isWrapper, nameText, receiverSegments, scopeOf, shortText, unwrap, type FunctionLike } from "../ast";
import { hasModule, type CaseId, type Channel, type FileFacts, type Source } from "../source";
import { inErrorBranch, isAxiosResponse, isFetchResponse } from "./fetch";
import { eventHandlerOf, lambdaHandlerOf } from "./lambda";
import { isMessageHolder, messageDataOrigin } from "./messages";
import { formFieldSource, nextChannel, webRequestHandler } from "./next";
import { pathKey } from "./path-key";
import { modulePath } from "./module-path";
import { commandWrotePath, type CommandHelpers } from "./command-output";
import { h3MultipartPart } from "./h3";
import { honoTextRequest } from "./hono";
import { requestPropertySource } from "./request";
import { readsSiteContent } from "./site-content";
import { storageOf, storageWrittenBySameFile } from "./storage-own";
import { TreeMemo } from "../../../engine/tree-memo";

const FS_READS = new Set(["readFileSync", "readFile"]);
const FS_WRITES = new Set(["writeFileSync", "writeFile", "outputFile", "outputFileSync"]);
// The project's own or a package's file writer: `writeFileCarefully(path, bytes)`, `writeFileAtomic`, `atomicWriteFile`.
const WRITE_FILE_HELPER_RE = /^(?:w|[a-z]\w*W)riteFile\w*$/;
// fs-extra's writers serialize the document themselves: `fse.writeJson(file, cache)`.
const JSON_WRITES = new Set(["writeJson", "writeJSON", "writeJsonSync", "writeJSONSync", "outputJson", "outputJSON", "outputJsonSync", "outputJSONSync"]);
const RENAMES = new Set(["rename", "renameSync", "move", "moveSync"]);
const MESSAGE_FIELDS = new Set(["body", "Body", "value", "content", "data", "Message", "payload"]);

/** `record` of `const record = event.Records[i]` or `const [record] = event.Records`: an SQS/SNS/Kinesis record read by index into a local. */
function isRecordOfList(id: ts.Identifier): boolean {
  const b = findBinding(id);
  if (!b || b.kind !== "var" || !b.decl.initializer) return false;
  const init = unwrap(b.decl.initializer);
  const isRecords = (e: ts.Expression) => ts.isPropertyAccessExpression(e) && e.name.text === "Records";
  if (!b.element) return ts.isElementAccessExpression(init) && isRecords(unwrap(init.expression));
  return ts.isArrayBindingPattern(b.element.parent) && b.element.parent === b.decl.name && !b.element.dotDotDotToken && isRecords(init);
}

/** The expression itself or, one hop, the initializer of the plain variable it names; undefined for any other name. */
function throughVar(expr: ts.Expression): ts.Expression | undefined {
  const e = unwrap(expr);
  if (!ts.isIdentifier(e)) return e;
  const b = findBinding(e);
  return b?.kind === "var" && !b.element && b.decl.initializer ? unwrap(b.decl.initializer) : undefined;
}

/** `Buffer.from(text)`: the same text as bytes. */
function bytesOf(e: ts.Expression): ts.Expression | undefined {
  return ts.isCallExpression(e) && calleeName(e) === "from" && receiverSegments(e).join(".") === "Buffer" ? e.arguments[0] : undefined;
}

// A helper named for serializing to JSON text: `toJsonFormatted(doc)`, `stringifyJson(doc)`, `formatJson(doc)`.
const JSON_TEXT_HELPER_RE = /^(?:to|stringify|serialize|format|pretty)\w*json|^json\w*(?:string|text)/i;

// YAML's serializers, read back by the parsers `isTextParser` knows: js-yaml's `dump`, the `yaml` package's `stringify`.
const YAML_DUMPS = new Set(["dump", "safeDump", "stringify"]);

/**
 * `JSON.stringify(doc)` or a call of a helper named for it (`toJsonFormatted(doc)`); also YAML text
 * (`yaml.dump(doc)`, `YAML.stringify(doc)`: session 30, production capgo's translation script writing
 * back the locale file it loaded).
 */
function isStringify(e: ts.Expression): e is ts.CallExpression {
  if (!ts.isCallExpression(e)) return false;
  const name = calleeName(e) ?? "";
  const recv = receiverSegments(e).join(".");
  return (name === "stringify" && recv === "JSON") || (YAML_DUMPS.has(name) && /^(?:YAML|yaml|jsyaml|jsYaml)$/.test(recv)) || (ts.isIdentifier(e.expression) && JSON_TEXT_HELPER_RE.test(name));
}

/**
 * `JSON.stringify(stats)`, also through a variable holding it (`const content = JSON.stringify(stats)`),
 * with a newline added or a prefix put before it (`prefix + JSON.stringify(config)`,
 * `` `${prefix}${JSON.stringify(config)}` ``), as bytes (`Buffer.from(…)`), or through a helper named for it (`toJsonFormatted(doc)`).
 */
function isJsonText(arg: ts.Expression | undefined): boolean {
  let e = arg && throughVar(arg);
  const bytes = e && bytesOf(e);
  if (bytes) e = throughVar(bytes);
  if (!e) return false;
  while (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) e = unwrap(isStringify(unwrap(e.right)) ? e.right : e.left);
  // A template whose last piece is the document: `` `export default ${JSON.stringify(config)}\n` ``.
  if (ts.isTemplateExpression(e)) {
    const last = e.templateSpans[e.templateSpans.length - 1]!;
    return /^[\s;]*$/.test(last.literal.text) && isStringify(unwrap(last.expression));
  }
  return isStringify(e);
}

const jsonWritten = new TreeMemo<ts.SourceFile, ReadonlySet<string>>();

/**
 * The paths this module writes with `JSON.stringify` (`writeFile(path, JSON.stringify(doc))`, fs-extra's
 * `writeJson`, `Bun.write`), anywhere in the module, and the paths such a file is renamed to (an
 * atomic write through a temporary file).
 */
function jsonWrittenPaths(sf: ts.SourceFile): ReadonlySet<string> {
  const known = jsonWritten.get(sf);
  if (known) return known;
  const out = new Set<string>();
  const renames: [string, string][] = [];
  const stack: ts.Node[] = [sf];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (ts.isCallExpression(n)) {
      const name = calleeName(n) ?? "";
      const [target, data] = n.arguments;
      const fileWrite = FS_WRITES.has(name) || WRITE_FILE_HELPER_RE.test(name) || (name === "write" && receiverSegments(n).join(".") === "Bun");
      const writes = JSON_WRITES.has(name) || (fileWrite && isJsonText(data));
      const key = writes || RENAMES.has(name) ? pathKey(target) : undefined;
      if (key && writes) out.add(key);
      const to = key && !writes && data ? pathKey(data) : undefined;
      if (key && to) renames.push([key, to]);
    }
    ts.forEachChild(n, (c) => {
      stack.push(c);
    });
  }
  for (const [from, to] of renames) if (out.has(from)) out.add(to);
  jsonWritten.set(sf, out);
  return out;
}

/**
 * A file this module writes itself with `JSON.stringify` (a cache, a lock file, a stats file a
 * sibling function appends to) is its own serialized data, not external input: the read names the
 * path as a write of the module does (`writeFileSync(CACHE_FILE, JSON.stringify(…))`, or the same
 * `` `${DIR}/${app}/${type}.json` `` in both functions).
 */
function writtenBySameFile(read: ts.CallExpression, sf: ts.SourceFile): boolean {
  return pathWrittenBySameFile(read.arguments[0], sf);
}

/** The path a read names (its argument) is one this module writes with `JSON.stringify` (see {@link writtenBySameFile}). */
function pathWrittenBySameFile(target: ts.Expression | undefined, sf: ts.SourceFile): boolean {
  const written = jsonWrittenPaths(sf);
  const key = pathKey(target);
  if (key && written.has(key)) return true;
  const field = constructedField(target);
  return !!field && written.has(`this.${field}`);
}

// Calls that run a command: `spawnSync("wrangler", [...])`, `execFileSync`, `execa`.
const PROCESS_RUNS = new Set(["spawn", "spawnSync", "execFile", "execFileSync", "exec", "execSync", "execa", "execaSync", "execaCommand", "execaCommandSync"]);

/**
 * A file a command the module runs writes where the module told it to: the read's path is a `const`
 * handed, earlier in the same function, in the arguments of a command run (`--metafile=${metaPath}`
 * in `spawnSync(cmd, args)`, or in a function of the module that runs its arguments as a command,
 * `run(["wrangler", "deploy", \`--metafile=${metaPath}\`])`). The module's own tool's output, like a
 * file it writes itself.
 */
function writtenByOwnCommand(read: ts.CallExpression): boolean {
  const target = read.arguments[0] && unwrap(read.arguments[0]);
  if (!target || !ts.isIdentifier(target) || !constInitializer(target)) return false;
  const fn = enclosingFunction(read);
  if (!fn?.body) return false;
  const name = target.text;
  const names = (n: ts.Node): boolean => (ts.isIdentifier(n) && n.text === name) || (!isFunctionLikeNode(n) && (ts.forEachChild(n, names) ?? false));
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || n.pos >= read.pos) return;
    if (ts.isCallExpression(n) && n.end <= read.pos && runsCommand(n) && n.arguments.some(names)) found = true;
    ts.forEachChild(n, visit);
  };
  visit(fn.body);
  return found;
}

// What command-output.ts borrows of this module.
const COMMAND_HELPERS: CommandHelpers = { runsCommand, everyCallHands };

function isFunctionLikeNode(n: ts.Node): boolean {
  return ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n);
}

/** A call of a command runner, or of a function of the module whose body calls one. */
function runsCommand(call: ts.CallExpression): boolean {
  const name = calleeName(call) ?? "";
  if (PROCESS_RUNS.has(name)) return true;
  if (!ts.isIdentifier(call.expression)) return false;
  const fn = topLevelFunction(name, call.getSourceFile());
  if (!fn?.body) return false;
  const calls = (n: ts.Node): boolean => (ts.isCallExpression(n) && PROCESS_RUNS.has(calleeName(n) ?? "")) || (ts.forEachChild(n, calls) ?? false);
  return calls(fn.body);
}

/**
 * `readSafeFile(filePath)` of a project helper whose only `return` is a file read of its parameter
 * (`return await readFile(filePath, "utf-8")`): the caller's module reads the path it hands over, and
 * a path that module writes with `JSON.stringify` is its own data.
 */
function helperReadsOwnFile(call: ts.CallExpression, back: ts.Expression, sf: ts.SourceFile): boolean {
  const read = unwrap(back);
  if (!ts.isCallExpression(read) || !FS_READS.has(calleeName(read) ?? "")) return false;
  const target = read.arguments[0] && unwrap(read.arguments[0]);
  const b = target && ts.isIdentifier(target) ? findBinding(target) : undefined;
  return b?.kind === "param" && !b.element && pathWrittenBySameFile(call.arguments[b.index], sf);
}

/**
 * The field of class `C` that a method's parameter becomes when the method hands it to `new C(…)`
 * (`static load(location) { readFileSync(location); …; return new Cache(location, entries) }` with
 * `constructor(readonly location: string, …)` or `this.location = location` in the constructor): the
 * path the instance's own methods name as `this.location`.
 */
function constructedField(arg: ts.Expression | undefined): string | undefined {
  const id = arg && unwrap(arg);
  if (!id || !ts.isIdentifier(id)) return undefined;
  const b = findBinding(id);
  if (b?.kind !== "param" || b.element || !b.fn.body) return undefined;
  const cls = b.fn.parent;
  if (!ts.isClassDeclaration(cls) || !cls.name) return undefined;
  const ctor = cls.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && !!m.body);
  if (!ctor) return undefined;
  const name = cls.name.text;
  const isParam = (a: ts.Expression) => {
    const x = unwrap(a);
    const xb = ts.isIdentifier(x) && x.text === id.text ? findBinding(x) : undefined;
    return xb?.kind === "param" && xb.param === b.param;
  };
  let index = -1;
  const visit = (n: ts.Node): void => {
    if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === name) index = (n.arguments ?? []).findIndex(isParam);
    if (index < 0) ts.forEachChild(n, visit);
  };
  visit(b.fn.body);
  const param = ctor.parameters[index];
  if (!param || !ts.isIdentifier(param.name)) return undefined;
  if (ts.isParameterPropertyDeclaration(param, ctor)) return param.name.text;
  // `this.file = file` among the constructor's statements.
  for (const st of ctor.body!.statements) {
    const e = ts.isExpressionStatement(st) ? st.expression : undefined;
    if (!e || !ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const [left, right] = [unwrap(e.left), unwrap(e.right)];
    if (ts.isPropertyAccessExpression(left) && left.expression.kind === ts.SyntaxKind.ThisKeyword && ts.isIdentifier(right) && right.text === param.name.text) return left.name.text;
  }
  return undefined;
}

// The project's own manifests, named by a literal: `join(cwd(), "package.json")`, `new URL("../package.json", import.meta.url)`.
const OWN_MANIFEST_RE = /["'`/](?:package|tsconfig(?:\.[\w-]+)?|jsconfig|deno|composer)\.json["'`]/;

/**
 * A read of the project's own `package.json` or `tsconfig.json` (a build config, a CLI printing
 * its version): a file of the repository, not outside input. The path is the read's argument or,
 * one hop, the variable it names.
 */
function readsOwnManifest(read: ts.CallExpression): boolean {
  const target = read.arguments[0];
  if (!target) return false;
  // `const packageJson = readFileSync(file)`: the text is held under the manifest's own name.
  const holder = read.parent && ts.isAwaitExpression(read.parent) ? read.parent.parent : read.parent;
  if (holder && ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name) && MANIFEST_TEXT_NAME_RE.test(holder.name.text)) return true;
  return namesManifest(target, 0);
}

// A path helper named for a package's manifest: `getMonorepoPackageJsonPath({ packageName })`, `packageJsonPath(dir)`.
const MANIFEST_HELPER_RE = /package_?json(?:path|file)?$|package_?json_?path/i;

// A variable or parameter named for a manifest's path: `tsConfigPath`, `tsconfigFile`, `packageJsonPath`, `pkgJsonFilePath`.
const MANIFEST_PATH_NAME_RE = /(?:ts_?config|js_?config|package_?json|pkg_?json)\w*(?:path|file)$/i;

// The manifest's text held under its own name: `const packageJson = readFileSync(file)`, `pkgJsonText`, `tsconfigRaw`.
const MANIFEST_TEXT_NAME_RE = /^(?:package_?json|pkg_?json|ts_?config)(?:text|raw|content|source|string)?$/i;

// A file installed under `node_modules`: `join(dir, "node_modules", name, PACKNAME)`.
const PATH_JOINS = new Set(["join", "resolve"]);

/**
 * A path naming the manifest: a literal, a call of a helper named for its path, a variable named for
 * it (`tsConfigPath` in `resolveTsConfig(tsConfigPath)`, found by a search or an `extends`), or, through
 * the module's own names, a path whose last part is one of those: `join(root, PACKNAME)` with `const
 * PACKNAME = "package.json"`, a module resolution (`require.resolve(\`${name}/package.json\`)`, also a
 * `createRequire(…)`'s), a `const` holding one, and a fallback to one (`file ?? join(root, PACKNAME)`:
 * the user's other path to the same manifest).
 */
function namesManifest(e: ts.Expression, depth: number): boolean {
  if (OWN_MANIFEST_RE.test(e.getText())) return true;
  const x = unwrap(e);
  if (depth > 4) return false;
  if (ts.isIdentifier(x)) {
    if (MANIFEST_PATH_NAME_RE.test(x.text)) return true;
    const b = findBinding(x);
    // `const readJson = (filename) => JSON.parse(fs.readFileSync(filename, "utf8"))` whose every call names a manifest
    // (`readJson("./src/package.json")`: production etherpad-lite's release script, session 40).
    if (b?.kind === "param" && !b.element && depth === 0) return everyCallHands(b.fn, b.index, depth, (arg, d) => namesManifest(arg, d));
    return !!b && b.kind === "var" && !b.element && !!b.decl.initializer && namesManifest(b.decl.initializer, depth + 1);
  }
  if (ts.isBinaryExpression(x) && (x.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || x.operatorToken.kind === ts.SyntaxKind.BarBarToken)) return namesManifest(x.right, depth + 1);
  if (ts.isTemplateExpression(x)) {
    const last = x.templateSpans[x.templateSpans.length - 1]!;
    return last.literal.text === "" && namesManifest(last.expression, depth + 1);
  }
  if (!ts.isCallExpression(x)) return false;
  const name = calleeName(x) ?? "";
  if (ts.isIdentifier(x.expression) && MANIFEST_HELPER_RE.test(name)) return true;
  const last = x.arguments[x.arguments.length - 1];
  return !!last && PATH_JOINS.has(name) && namesManifest(last, depth + 1);
}

// A folder of installed packages, named for it by the module: `paths.nodeModules`, `nodeModulesDir`.
const NODE_MODULES_NAME_RE = /^node_?modules(?:_?(?:dir|directory|path|root|folder))?$/i;

/**
 * A file of an installed package, which the package manager wrote: a path under `node_modules` (a
 * `"node_modules"` part of a join, or a folder the module names for it, `join(paths.nodeModules, id,
 * "theme.json")`), or beside a module resolution (`join(dirname(require.resolve(name)), "metadata.json")`):
 * the package's own data (a theme's theme.json, a plugin's language files), like its manifest (production
 * NodeBB, session 39). Also a parameter of a function of the module that every call of it hands such a
 * path or one under the project's `public/` folder (`assignFile(translations, join(pluginFolder, lang,
 * "x.json"))`). A `..` part leaves the folder.
 */
function readsInstalledPackage(read: ts.CallExpression): boolean {
  const target = read.arguments[0];
  return !!target && !RUNTIME_FILE_RE.test(target.getText()) && underNodeModules(target, 0, true);
}

function underNodeModules(e: ts.Expression, depth: number, followParam: boolean): boolean {
  const x = unwrap(e);
  if (depth > 6) return false;
  if (ts.isStringLiteralLike(x)) return /(?:^|[\\/])node_modules[\\/]/.test(x.text) && !/(?:^|[\\/])\.\.(?:[\\/]|$)/.test(x.text);
  if (ts.isPropertyAccessExpression(x)) return NODE_MODULES_NAME_RE.test(x.name.text);
  if (ts.isTemplateExpression(x)) return x.head.text === "" && !x.templateSpans.some((sp) => sp.literal.text.includes("..")) && underNodeModules(x.templateSpans[0]!.expression, depth + 1, followParam);
  if (ts.isIdentifier(x)) {
    if (NODE_MODULES_NAME_RE.test(x.text)) return true;
    const b = findBinding(x);
    if (b?.kind === "var" && !b.element && b.decl.initializer) return underNodeModules(b.decl.initializer, depth + 1, followParam);
    return b?.kind === "param" && !b.element && followParam && everyCallHands(b.fn, b.index, depth, (arg, d) => underNodeModules(arg, d, false) || inPublicFolder(arg, d));
  }
  if (!ts.isCallExpression(x)) return false;
  const name = calleeName(x) ?? "";
  if (name === "resolve" && /^require\.resolve$/.test(x.expression.getText())) return true;
  if (name === "dirname") return !!x.arguments[0] && underNodeModules(x.arguments[0], depth + 1, followParam);
  if (!PATH_JOINS.has(name) || x.arguments.length < 2) return false;
  const [base, ...rest] = x.arguments;
  if (rest.some((a) => ts.isStringLiteralLike(unwrap(a)) && /(?:^|[\\/])\.\.(?:[\\/]|$)/.test((unwrap(a) as ts.StringLiteralLike).text))) return false;
  return rest.some((a) => { const l = unwrap(a); return ts.isStringLiteralLike(l) && /^node_modules(?:[\\/]|$)/.test(l.text); }) || underNodeModules(base!, depth + 1, followParam);
}

/** Every call of the module's own function `fn` (not exported, called at least once) hands its `index`th argument a path `test` accepts. */
function everyCallHands(fn: FunctionLike, index: number, depth: number, test: (arg: ts.Expression, depth: number) => boolean): boolean {
  const id = ts.isFunctionDeclaration(fn) ? fn.name : ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name) ? fn.parent.name : undefined;
  if (!id) return false;
  const sf = fn.getSourceFile();
  const refs = findRefs(id.text, sf, 0).filter((r) => r !== id);
  return refs.length > 0 && refs.every((r) => {
    const call = r.parent;
    const arg = call && ts.isCallExpression(call) && call.expression === r ? call.arguments[index] : undefined;
    return !!arg && test(arg, depth + 1);
  });
}

/** A path under the project's `public/` folder named by the module (`join(coreLanguagesPath, lang, "x.json")` with `const coreLanguagesPath = join(baseDir, "public/language")`), as {@link readsPublicAsset} reads one. */
function inPublicFolder(e: ts.Expression, depth: number): boolean {
  const x = unwrap(e);
  if (depth > 6) return false;
  if (ts.isIdentifier(x)) {
    const init = constInitializer(x);
    return !!init && inPublicFolder(init, depth + 1);
  }
  if (!ts.isCallExpression(x) || !PATH_JOINS.has(calleeName(x) ?? "") || x.arguments.length < 2) return false;
  const [base, ...rest] = x.arguments;
  const literals = rest.map((a) => unwrap(a)).filter(ts.isStringLiteralLike);
  if (literals.some((l) => /(?:^|[\\/])\.\.(?:[\\/]|$)/.test(l.text) || /upload/i.test(l.text))) return false;
  return literals.some((l) => PUBLIC_DIR_RE.test(l.getText())) || inPublicFolder(base!, depth + 1);
}

// Files a program keeps its own state in at run time: `.m365-token.json`, `cache.json`, `session.json`.
const RUNTIME_FILE_RE = /token|cache|session|state|credential|secret|auth/i;

/**
 * A file named by literals in the module's own folder or below (`join(__dirname, "datasets",
 * "intent.json")`, `new URL("./fixtures.json", import.meta.url)`, also through a `const` holding the
 * path or the folder): a file of the repository that ships beside the code, like its manifest. Not a
 * file above it (`..`), a hidden one, or one named for state kept at run time (a token, a cache).
 */
function readsBesideModule(read: ts.CallExpression): boolean {
  const target = read.arguments[0] && throughConst(read.arguments[0]);
  if (!target) return false;
  const shippedText = (text: string) => !text.split(/[\\/]/).some((seg) => seg.startsWith(".") && seg !== ".") && !RUNTIME_FILE_RE.test(text) && !/upload/i.test(text);
  const shipped = (parts: readonly ts.Expression[]) => parts.length > 0 && parts.every((a) => ts.isStringLiteralLike(a) && shippedText(a.text));
  // `${__dirname}/translate-data.json`: the module's folder and literal parts below it, spelled as a template.
  if (ts.isTemplateExpression(target) && target.head.text === "" && target.templateSpans.length === 1) {
    const span = target.templateSpans[0]!;
    return /^(?:__dirname|import\.meta\.dirname)$/.test(span.expression.getText()) && /^\/[^/]/.test(span.literal.text) && shippedText(span.literal.text);
  }
  // `new URL("./x.json", import.meta.url)`, also inside `fileURLToPath(…)`.
  const url = ts.isCallExpression(target) && calleeName(target) === "fileURLToPath" && target.arguments[0] ? unwrap(target.arguments[0]) : target;
  if (ts.isNewExpression(url) && calleeName(url) === "URL") {
    const [rel, base] = url.arguments ?? [];
    return !!rel && !!base && shipped([unwrap(rel)]) && base.getText().replace(/\s+/g, "") === "import.meta.url";
  }
  return ownFolderJoin(target, shipped, 0);
}

/**
 * A checked-in data file of a package of the repository, beside its `package.json`, named by literals:
 * `join(pkgRoot, "providers.yaml")` with `const pkgRoot = join(__filename, "../../")`, or a script's
 * `readFile("packages/providers/providers.yaml")` from the repository's root. The path resolves (against
 * the module for `__dirname`/`__filename`, against a folder above the module for a relative literal) to
 * a file the project holds, in a folder with a `package.json`: the package's own top-level data, like its
 * manifest. Also a file in the module's own folder or below, named from the root of its package
 * (`join(process.cwd(), "./src/seed/users.json")`, `process.cwd()` standing for a folder above the
 * module that holds a package.json): seed data beside the seeding module (production keystone's
 * examples). Not a hidden file or one named for state kept at run time; a file deeper in a folder
 * above the module (`public/intl/messages/en-US.json`) is not decided here.
 */
function readsPackageFile(read: ts.CallExpression, facts: FileFacts): boolean {
  const exists = facts.fileExists;
  const arg = read.arguments[0];
  if (!exists || !arg || !facts.path) return false;
  const file = facts.path.replace(/\\/g, "/");
  const ancestors: string[] = [];
  for (let dir = path.posix.dirname(file); ancestors.length < 8 && dir !== path.posix.dirname(dir); dir = path.posix.dirname(dir)) ancestors.push(dir);
  // A relative path is tried from each folder above the module (a script runs from its package's or the repository's root).
  const seen = { cwd: false };
  const found = ancestors.map((dir) => [dir, resolvedPath(arg, file, dir, 0, true, seen)] as const).find(([, p]) => !!p && exists(p));
  if (!found) return false;
  const [from, abs] = found as readonly [string, string];
  const name = abs.slice(abs.lastIndexOf("/") + 1);
  if (name.startsWith(".") || RUNTIME_FILE_RE.test(name) || /upload/i.test(abs)) return false;
  // In the module's own folder or below, named from its package's root (`join(process.cwd(),
  // "./src/seed/users.json")` in `src/seed/index.ts`, found from the folder of a package.json): the file
  // that ships beside the code, as for `__dirname`.
  const own = `${path.posix.dirname(file)}/`;
  if (abs.startsWith(own) && !abs.slice(own.length).split("/").some((seg) => seg.startsWith(".")) && exists(`${from}/package.json`)) return true;
  // Named from the working directory, a file elsewhere may be another script's output (`join(process.cwd(),
  // "SIMULATION_RESULT.json")` beside the root package.json: held round 23's script input, external).
  if (seen.cwd) return false;
  // Beside a package's manifest (the package's own top-level data, like its package.json), inside the
  // repository the module belongs to: the outermost folder above it with a package.json.
  const repo = ancestors.filter((dir) => exists(`${dir}/package.json`)).pop();
  return !!repo && abs.startsWith(`${repo}/`) && exists(`${path.posix.dirname(abs)}/package.json`);
}

/** The absolute path `e` names: literals, `__dirname`/`__filename`, `join`/`resolve` of them, a `const` holding one. */
function resolvedPath(e: ts.Expression, file: string, root: string | undefined, depth: number, whole = true, seen?: { cwd: boolean }): string | undefined {
  const x = unwrap(e);
  if (depth > 6) return undefined;
  // A relative literal naming the whole path (not a folder joined to more): from the project's root, where scripts run.
  if (ts.isStringLiteralLike(x)) return x.text.startsWith("/") ? path.posix.normalize(x.text) : root && whole && x.text.includes("/") && !x.text.startsWith(".") ? path.posix.join(root, x.text) : undefined;
  // `process.cwd()`, `cwd()`: the folder a script runs from (tried, like a relative literal, from each folder above the module).
  if (ts.isCallExpression(x) && x.arguments.length === 0 && /^(?:process\.)?cwd$/.test(x.expression.getText())) {
    if (seen) seen.cwd = true;
    return root;
  }
  if (ts.isIdentifier(x)) {
    if (x.text === "__dirname") return path.posix.dirname(file);
    if (x.text === "__filename") return file;
    const init = constInitializer(x);
    return init ? resolvedPath(init, file, root, depth + 1, whole, seen) : undefined;
  }
  // An ES module's spellings of the same (module-path.ts): `import.meta.dirname`, `fileURLToPath(import.meta.url)`, `dirname(…)` of a path.
  const esm = modulePath(x, file);
  if (esm !== undefined) return esm;
  if (ts.isCallExpression(x) && x.arguments.length === 1 && /^(?:path\.)?dirname$/.test(x.expression.getText())) {
    const of = resolvedPath(x.arguments[0]!, file, root, depth + 1, false, seen);
    return of === undefined ? undefined : path.posix.dirname(of);
  }
  if (!ts.isCallExpression(x) || !/^(?:join|resolve)$/.test(calleeName(x) ?? "") || x.arguments.length < 2) return undefined;
  const [base, ...rest] = x.arguments;
  const from = resolvedPath(base!, file, root, depth + 1, false, seen);
  if (!from || !rest.every((a) => ts.isStringLiteralLike(unwrap(a)))) return undefined;
  return path.posix.join(from, ...rest.map((a) => (unwrap(a) as ts.StringLiteralLike).text));
}

/** `join(__dirname, "datasets", "x.json")`, or `join(dir, "x.json")` with `const dir = join(__dirname, "datasets")`. */
function ownFolderJoin(e: ts.Expression, shipped: (parts: readonly ts.Expression[]) => boolean, depth: number): boolean {
  if (!ts.isCallExpression(e) || !/^(?:join|resolve)$/.test(calleeName(e) ?? "") || e.arguments.length < 2) return false;
  const [dir, ...rest] = e.arguments;
  if (!shipped(rest.map((a) => unwrap(a)))) return false;
  if (/^(?:__dirname|import\.meta\.dirname)$/.test(dir!.getText())) return true;
  const held = depth < 2 ? throughConst(dir!) : undefined;
  return !!held && held !== unwrap(dir!) && ownFolderJoin(held, shipped, depth + 1);
}

/** The expression, or the initializer of the `const` it names. */
function throughConst(expr: ts.Expression): ts.Expression | undefined {
  const e = unwrap(expr);
  if (!ts.isIdentifier(e)) return e;
  const init = constInitializer(e);
  return init && unwrap(init);
}

// A path under the site's `public/` folder: `${process.cwd()}/public${file}`, `join(cwd(), "public", "data.json")`.
const PUBLIC_DIR_RE = /(?:^|["'`/])public(?:["'`/]|\$\{)/;

/**
 * A read of a file the site ships with itself from its `public/` folder (served as is, like
 * `fetch("/data.json")`): a file of the repository, not outside input. Not an upload folder
 * under it. The path is the read's argument or, one hop, the variable it names.
 */
function readsPublicAsset(read: ts.CallExpression): boolean {
  const target = read.arguments[0];
  if (!target) return false;
  let text = target.getText();
  if (ts.isIdentifier(target)) {
    const b = findBinding(target);
    if (!b || b.kind !== "var" || b.element || !b.decl.initializer) return false;
    text = b.decl.initializer.getText();
  }
  return PUBLIC_DIR_RE.test(text) && !/upload/i.test(text);
}

/**
 * A file read whose parsed document the module writes out again with `JSON.stringify`
 * (`const registry = JSON.parse(readFileSync(src)); …; writeFileSync(out, JSON.stringify(registry))`):
 * a script transforming the repository's own file, like one that writes back what it read.
 */
function writtenOutAgain(parse: ts.CallExpression): boolean {
  let top: ts.Node = parse;
  while (top.parent && isWrapper(top.parent)) top = top.parent;
  const decl = top.parent;
  if (!decl || !ts.isVariableDeclaration(decl) || decl.initializer !== top || !ts.isIdentifier(decl.name)) return false;
  for (const ref of findRefs(decl.name.text, scopeOf(decl), decl.name.end)) {
    const str = ref.parent;
    if (!str || !ts.isCallExpression(str) || str.arguments[0] !== ref || !isStringify(str)) continue;
    if (writtenToFile(str)) return true;
    // `moduleJson = toJsonFormatted(parsed)`, `const text = JSON.stringify(parsed)`: the text a write takes later.
    let top: ts.Node = str;
    while (top.parent && isWrapper(top.parent)) top = top.parent;
    const holder = top.parent;
    const name = holder && ts.isVariableDeclaration(holder) && holder.initializer === top ? holder.name : holder && ts.isBinaryExpression(holder) && holder.right === top && holder.operatorToken.kind === ts.SyntaxKind.EqualsToken ? holder.left : undefined;
    if (name && ts.isIdentifier(name) && findRefs(name.text, scopeOf(holder!), holder!.end).some(writtenToFile)) return true;
  }
  return false;
}

/** The text is an argument of a file write (`writeFileSync(path, text)`, `ts.sys.writeFile`, fs-extra's `outputFileSync`). */
function writtenToFile(text: ts.Node): boolean {
  let arg: ts.Node = text;
  while (arg.parent && isWrapper(arg.parent)) arg = arg.parent;
  const write = arg.parent;
  return !!write && ts.isCallExpression(write) && write.arguments.includes(arg as ts.Expression) && FS_WRITES.has(calleeName(write) ?? "");
}

/**
 * A node:http body read by hand: `let body = ""; req.on("data", (chunk) => { body += chunk; })`.
 * The accumulated text is the request body.
 */
function streamAccumulator(decl: ts.VariableDeclaration): boolean {
  const init = decl.initializer;
  if (!ts.isIdentifier(decl.name) || (init && !(ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init)))) return false;
  for (const ref of findRefs(decl.name.text, scopeOf(decl), decl.end)) {
    const p = ref.parent;
    if (!p || !ts.isBinaryExpression(p) || p.left !== ref || p.operatorToken.kind !== ts.SyntaxKind.PlusEqualsToken) continue;
    // `fullText += text` where `const text = parsed.choices?.[0]?.delta?.content ?? ""`: a model's streamed answer put together.
    if (streamedDelta(p.right)) return true;
    const fn = enclosingFunction(p);
    const call = fn?.parent;
    if (call && ts.isCallExpression(call) && calleeName(call) === "on" && call.arguments[1] === fn) {
      if (childOutput(call)) return false;
      const ev = call.arguments[0];
      if (ev && ts.isStringLiteral(ev) && ev.text === "data") return true;
    }
  }
  return false;
}

/**
 * A piece of a model's streamed answer: `chunk.choices[0]?.delta?.content` (OpenAI's chat completion chunks, OpenRouter's
 * SSE lines parsed), `event.delta.text` (Anthropic's content block deltas), read directly or through a `const`.
 */
function streamedDelta(expr: ts.Expression): boolean {
  let e = unwrap(expr);
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)) e = unwrap(e.left);
  if (ts.isIdentifier(e)) {
    const b = findBinding(e);
    if (b?.kind !== "var" || b.element || !b.decl.initializer || (ts.getCombinedNodeFlags(b.decl) & ts.NodeFlags.Const) === 0) return false;
    e = unwrap(b.decl.initializer);
    if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)) e = unwrap(e.left);
  }
  if (!ts.isPropertyAccessExpression(e) || (e.name.text !== "content" && e.name.text !== "text")) return false;
  const delta = unwrap(e.expression);
  return ts.isPropertyAccessExpression(delta) && delta.name.text === "delta";
}

/**
 * `proc.stdout.on("data", …)`: the output of a child process the code spawned (`ffprobe -print_format json`,
 * the project's own MCP server in a test script) is no listed source, neither a file, storage nor network
 * text (held round 31, ffmpeg-queue-worker-node runner.ts; Todo-App test-mcp.js; labelled clean).
 */
function childOutput(on: ts.CallExpression): boolean {
  const recv = ts.isPropertyAccessExpression(on.expression) ? unwrap(on.expression.expression) : undefined;
  return calleeName(on) === "on" && !!recv && ts.isPropertyAccessExpression(recv) && (recv.name.text === "stdout" || recv.name.text === "stderr");
}

interface Origin {
  caseId: CaseId;
  handler?: FunctionLike;
  channel?: Channel;
  /** The request part's key: `JSON.parse(req.body)` and a later `req.body` are one input. */
  dedupeKey?: string;
  /** Read from a file (`readFileSync`). */
  file?: true;
  /** A `fetch` Response's own text (`JSON.parse(await res.text())`): the remote reply, judged like `res.json()`. */
  reply?: true;
}

const TEXT_TRIMS = new Set(["trim", "trimStart", "trimEnd", "replace", "replaceAll"]);

/** `request.clone()` → `request`: the copy holds the same body. */
function withoutClone(e: ts.Expression): ts.Expression {
  const x = unwrap(e);
  return ts.isCallExpression(x) && x.arguments.length === 0 && ts.isPropertyAccessExpression(x.expression) && x.expression.name.text === "clone" ? x.expression.expression : e;
}

/** `() => ""`, `() => null`, `() => "{}"`: a handler that answers a literal. */
function literalFallback(arg: ts.Expression): boolean {
  const fn = unwrap(arg);
  if (!ts.isArrowFunction(fn) || !ts.isExpression(fn.body)) return false;
  const v = unwrap(fn.body);
  return ts.isStringLiteralLike(v) || v.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(v) && v.text === "undefined");
}

/** Peels `x ?? "{}"`, `x.toString()`, `String(x)`, `Buffer.from(x)`, `decoder.decode(x)`. */
function peel(expr: ts.Expression): ts.Expression {
  let e = unwrap(expr);
  for (let i = 0; i < 8; i++) {
    if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
      e = unwrap(e.left);
      continue;
    }
    if (ts.isCallExpression(e)) {
      const name = calleeName(e);
      // Markdown fences cut off a model's answer (`text.replace(/```json/g, "").trim()`): the same text.
      if ((name === "toString" || name === "transformToString" || TEXT_TRIMS.has(name ?? "")) && ts.isPropertyAccessExpression(e.expression)) {
        e = unwrap(e.expression.expression);
        continue;
      }
      // `await res.text().catch(() => "")`: the same text, or a literal when the read fails.
      if (name === "catch" && ts.isPropertyAccessExpression(e.expression) && e.arguments.length === 1 && literalFallback(e.arguments[0]!)) {
        e = unwrap(e.expression.expression);
        continue;
      }
      if ((name === "String" && ts.isIdentifier(e.expression)) || (name === "from" && receiverSegments(e)[0] === "Buffer") || name === "decode") {
        const a = e.arguments[0];
        if (!a) return e;
        e = unwrap(a);
        continue;
      }
    }
    return e;
  }
  return e;
}

// The body fields of an AWS SDK result: S3 GetObject `Body`, Bedrock InvokeModel `body`, Lambda Invoke `Payload`.
const SDK_BODY_FIELDS = new Set(["Body", "body", "Payload"]);

// The AWS SDK v2 calls whose answer carries a body: S3 `getObject`, Lambda `invoke`, Bedrock `invokeModel`.
const SDK_V2_READS = new Set(["getObject", "invoke", "invokeModel"]);

/** `new GetObjectCommand(…)`, also through a `const` holding it. */
function isSdkCommand(arg: ts.Expression | undefined): boolean {
  const e = arg && throughVar(arg);
  return !!e && ts.isNewExpression(e) && /\wCommand$/.test(calleeName(e) ?? "");
}

/**
 * The result of an AWS SDK v3 call (`await client.send(new InvokeModelCommand(…))`) or of a v2
 * read (`await s3.getObject(params).promise()`), directly or through the `const` holding it: what
 * the service (an S3 object, a model's output) answered.
 */
function isSdkResult(expr: ts.Expression): boolean {
  const e = throughVar(expr);
  if (!e || !ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression)) return false;
  if (e.expression.name.text === "send") return e.arguments.length === 1 && isSdkCommand(e.arguments[0]);
  // SDK v2: `await s3.getObject(params).promise()`, `await lambda.invoke(params).promise()`.
  const inner = unwrap(e.expression.expression);
  return e.expression.name.text === "promise" && e.arguments.length === 0 && ts.isCallExpression(inner) && SDK_V2_READS.has(calleeName(inner) ?? "") && ts.isPropertyAccessExpression(inner.expression);
}

/**
 * `response.content[0]` of `const response = await anthropic.messages.create(…)` (Anthropic's SDK),
 * also through the `const` holding the block (`const block = response.content[0]`): its `text` is model output.
 */
function isClaudeContentBlock(expr: ts.Expression): boolean {
  const block = throughVar(expr);
  if (!block || !ts.isElementAccessExpression(block) || !ts.isNumericLiteral(block.argumentExpression)) return false;
  const content = unwrap(block.expression);
  if (!ts.isPropertyAccessExpression(content) || content.name.text !== "content") return false;
  const call = throughVar(content.expression);
  return !!call && ts.isCallExpression(call) && calleeName(call) === "create" && receiverSegments(call).at(-1) === "messages";
}

/** `result.response` of `const result = await model.generateContent(…)` (Google's generative AI SDKs). */
function isModelAnswer(expr: ts.Expression): boolean {
  let e = unwrap(expr);
  // `const response = result.response; response.text()`: the same answer through a name.
  if (ts.isIdentifier(e)) e = throughVar(e) ?? e;
  if (!ts.isPropertyAccessExpression(e) || e.name.text !== "response") return false;
  const call = throughVar(e.expression);
  return !!call && ts.isCallExpression(call) && calleeName(call) === "generateContent";
}

// Google's SDK types for a model's answer (`@google/genai`, `@google/generative-ai`).
// A parameter declared with no shape (`any`, `unknown`, a bare record).
const ANY_TYPE_RE = /^(?:any|unknown|object|Record<string,\s*(?:any|unknown)>)$/;
const GEMINI_RESPONSE_TYPE_RE = /\b(?:GenerateContentResponse|EnhancedGenerateContentResponse|GenerateContentResult)\b/;

/**
 * `response.candidates[0].content.parts[0]` (optional links or not) where `response` is a Gemini
 * answer: a variable declared with its SDK type (`let response: GenerateContentResponse | null`),
 * one initialized from `await ….generateContent(…)`, or the `.response` of such a result.
 */
function isGeminiCandidatePart(expr: ts.Expression): boolean {
  const text = expr.getText().replace(/\?\.(?=\[)/g, "").replace(/\?\./g, ".").replace(/\s+/g, "");
  const m = /^([A-Za-z_$][\w$]*(?:\.response)?)\.candidates\[0\]\.content\.parts\[0\]$/.exec(text);
  if (!m) return false;
  let root: ts.Expression = unwrap(expr);
  while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) {
    if (ts.isPropertyAccessExpression(root) && root.name.text === "candidates") break;
    root = unwrap(root.expression);
  }
  const holder = ts.isPropertyAccessExpression(root) ? unwrap(root.expression) : undefined;
  if (!holder) return false;
  if (isModelAnswer(holder)) return true;
  if (!ts.isIdentifier(holder)) return false;
  const b = findBinding(holder);
  // `parseGeminiResponse(response: any)`, handed the REST reply by its caller: the path itself names a Gemini answer
  // (v0-retirement `lib/ai/gemini-content-generator.ts:185`, retired held round 41, decided finding).
  if (b?.kind === "param" && !b.element && (!b.param.type || ANY_TYPE_RE.test(b.param.type.getText()) || GEMINI_RESPONSE_TYPE_RE.test(b.param.type.getText()))) return true;
  if (!b || b.kind !== "var" || b.element) return false;
  if (b.decl.type && GEMINI_RESPONSE_TYPE_RE.test(b.decl.type.getText())) return true;
  const init = b.decl.initializer && unwrap(b.decl.initializer);
  return !!init && ts.isCallExpression(init) && /^generateContent/.test(calleeName(init) ?? "");
}

/** `completion.choices[0].message` of `const completion = await openai.chat.completions.create(…)`. */
// The AI SDK's (`ai`) calls that answer with the model's text.
const AI_SDK_TEXT_CALLS = new Set(["generateText"]);

/** `await generateText({ model, prompt })` in a file that imports the AI SDK. */
function isAiSdkCall(expr: ts.Expression, facts: FileFacts): boolean {
  const call = unwrap(expr);
  return ts.isCallExpression(call) && ts.isIdentifier(call.expression) && AI_SDK_TEXT_CALLS.has(call.expression.text) && hasModule(facts, "ai");
}

/** `result` of `const result = await generateText(…)`. */
function isAiSdkResult(expr: ts.Expression, facts: FileFacts): boolean {
  const init = throughVar(expr);
  return !!init && init !== unwrap(expr) && isAiSdkCall(init, facts);
}

function isChatCompletionMessage(expr: ts.Expression): boolean {
  const msg = unwrap(expr);
  if (!ts.isPropertyAccessExpression(msg) || msg.name.text !== "message") return false;
  const choice = unwrap(msg.expression);
  if (!ts.isElementAccessExpression(choice)) return false;
  const choices = unwrap(choice.expression);
  if (!ts.isPropertyAccessExpression(choices) || choices.name.text !== "choices") return false;
  const call = throughVar(choices.expression);
  return !!call && ts.isCallExpression(call) && calleeName(call) === "create" && receiverSegments(call).includes("completions");
}

/**
 * True when `expr` is a remote response's parsed body or a value read out of it: `await res.json()`,
 * `data.data` after `const data = await res.json()`, `const { data: task } = await res.json()`.
 */
function inFetchBody(expr: ts.Expression, depth = 0): boolean {
  const e = unwrap(expr);
  // `response.data.choices[0]?.message?.content` of an axios response: inside the other API's answer too.
  if (ts.isPropertyAccessExpression(e) && e.name.text === "data" && isAxiosResponse(e.expression)) return true;
  if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) return inFetchBody(e.expression, depth);
  if (ts.isCallExpression(e)) return calleeName(e) === "json" && ts.isPropertyAccessExpression(e.expression) && e.arguments.length === 0 && isFetchResponse(e.expression.expression);
  if (!ts.isIdentifier(e) || depth > 3) return false;
  const b = findBinding(e);
  return !!b && b.kind === "var" && !!b.decl.initializer && inFetchBody(b.decl.initializer, depth + 1);
}

/** `categoryIds` of `const { title, categoryIds } = req.body` in a request handler: a field of the body, bound directly. */
function bodyTextField(el: ts.BindingElement, decl: ts.VariableDeclaration, facts: FileFacts, sf: ts.SourceFile): boolean {
  const init = decl.initializer && unwrap(decl.initializer);
  if (el.dotDotDotToken || el.parent !== decl.name || !init || !ts.isPropertyAccessExpression(init) || init.name.text !== "body") return false;
  return requestPropertySource(init, facts, sf)?.schemaSuffix === "Body";
}

/** What a parsed text comes from, when it is external; undefined for literals, env, own data. */
export function textOrigin(expr: ts.Expression, facts: FileFacts, sf: ts.SourceFile, depth = 0): Origin | undefined {
  if (depth > 3) return undefined;
  const e = peel(expr);
  if (ts.isCallExpression(e)) {
    const name = calleeName(e) ?? "";
    const recv = receiverSegments(e);
    if (FS_READS.has(name)) return writtenBySameFile(e, sf) || writtenByOwnCommand(e) || (!!e.arguments[0] && commandWrotePath(e.arguments[0], COMMAND_HELPERS)) || readsOwnManifest(e) || readsPublicAsset(e) || readsSiteContent(e, facts.path) || readsBesideModule(e) || readsPackageFile(e, facts) || readsInstalledPackage(e) ? undefined : { caseId: "jsonParseExternal", file: true };
    if (name === "getItem" && storageOf(e)) return storageWrittenBySameFile(e, isJsonText) ? undefined : { caseId: "jsonParseExternal" };
    if (name === "get" && recv.some((r) => /^cookies?$/i.test(r) || r === "Cookies")) return { caseId: "jsonParseExternal" };
    if (name === "getCookie") return { caseId: "jsonParseExternal" };
    // `JSON.parse(String(form.get("payload") ?? ""))` of a route's `const form = await request.formData()`: a text field
    // of the client's form holding a JSON document of its own, reported at its parse as a multer form's is (session 43,
    // retired round 46, shopify-ship-by `app.rules.$zoneKey.tsx:110`).
    if (name === "get" && e.arguments.length === 1 && ts.isStringLiteralLike(e.arguments[0]!) && ts.isPropertyAccessExpression(e.expression) && formFieldSource(e, facts, sf)) return { caseId: "jsonParseExternal" };
    // `cleanJsonResponse(rawContent)`, `stripCodeFence(text)`: the same text with its fences cut off.
    const cleaned = ts.isIdentifier(e.expression) ? cleanedText(e, sf) : undefined;
    if (cleaned) return textOrigin(cleaned, facts, sf, depth + 1);
    // `fetch(u).then((r) => r.text())`: the promise resolves to what its last callback returns.
    if (name === "then" && ts.isPropertyAccessExpression(e.expression)) {
      const back = returnedBy(e.arguments[0]);
      return back ? textOrigin(back, facts, sf, depth + 1) : undefined;
    }
    if (name === "text" && ts.isPropertyAccessExpression(e.expression)) {
      if (isFetchResponse(e.expression.expression)) return inErrorBranch(e) ? undefined : { caseId: "jsonParseExternal", reply: true };
      // Gemini's answer: `(await model.generateContent(prompt)).response.text()` is model output.
      if (isModelAnswer(e.expression.expression)) return { caseId: "jsonParseExternal" };
      // `JSON.parse(await req.text())` in a route handler or a Deno/Workers/Bun server (also `req.clone().text()`).
      const h = webRequestHandler(withoutClone(e.expression.expression), facts);
      if (h) return { caseId: h.caseId, handler: h.fn, channel: h.channel ?? nextChannel(facts) };
      // `JSON.parse(await c.req.text())` in a Hono handler.
      const hono = honoTextRequest(e.expression.expression, facts, sf);
      if (hono) return { caseId: "honoRequest", handler: hono.fn, channel: { kind: "hono", c: hono.c } };
    }
    // `const content = await callModel(messages)` where the module's `callModel` returns the reply's text
    // (`return data.choices?.[0]?.message?.content || ""`): the text the function hands back.
    if (ts.isIdentifier(e.expression)) return promisedText(e, facts, sf, depth + 1);
    // `await this.openAiService.sendFileChangeRequest(prompt)`, a method of an injected service of another module whose only
    // `return` hands back the model's text (`return res.choices[0].message.content`): that text, one hop (flexrelat-api
    // `changes.service.ts:72`, retired round 48, session 45).
    if (ts.isPropertyAccessExpression(e.expression) && ts.isPropertyAccessExpression(e.expression.expression) && e.expression.expression.expression.kind === ts.SyntaxKind.ThisKeyword) {
      const fn = facts.imported?.(e);
      const back = fn && ts.isMethodDeclaration(fn) ? returnedBy(fn) : undefined;
      const o = back ? textOrigin(back, { ...facts, imported: undefined }, back.getSourceFile(), depth + 1) : undefined;
      return o?.caseId === "jsonParseExternal" && !o.file && !o.reply ? o : undefined;
    }
    return undefined;
  }
  // `typeof res.data === "string" ? res.data : JSON.stringify(res.data)`: whichever branch is external text.
  if (ts.isConditionalExpression(e)) return textOrigin(e.whenTrue, facts, sf, depth + 1) ?? textOrigin(e.whenFalse, facts, sf, depth + 1);
  if (ts.isPropertyAccessExpression(e)) {
    const field = e.name.text;
    const base = unwrap(e.expression);
    if (field === "cookie" && ts.isIdentifier(base) && base.text === "document") return { caseId: "jsonParseExternal" };
    // An axios reply's `data` parsed as text (a JSON prefix such as Google's `)]}'` cut off first): the parse is the input.
    if (field === "data" && isAxiosResponse(base)) return inErrorBranch(e) ? undefined : { caseId: "jsonParseExternal" };
    // `JSON.parse(new TextDecoder().decode(response.body))`, `(await s3.send(get)).Body.transformToString()`.
    if (SDK_BODY_FIELDS.has(field) && isSdkResult(base)) return { caseId: "jsonParseExternal" };
    // `JSON.parse(event.Records[0].body)`: an SQS (or Kinesis, SNS) record read by its index.
    if (ts.isElementAccessExpression(base) && MESSAGE_FIELDS.has(field)) {
      const list = unwrap(base.expression);
      if (ts.isPropertyAccessExpression(list) && list.name.text === "Records") return { caseId: "messagePayload" };
    }
    // `const record = event.Records[i]; JSON.parse(record.body)`, `const [record] = event.Records`: the same record.
    if (ts.isIdentifier(base) && MESSAGE_FIELDS.has(field) && isRecordOfList(base)) return { caseId: "messagePayload" };
    if (ts.isPropertyAccessExpression(base) && base.name.text === "cookies") return { caseId: "jsonParseExternal" };
    const req = ts.isPropertyAccessExpression(base) ? requestPropertySource(base, facts, sf) : undefined;
    if (req) return { caseId: req.caseId, handler: req.handler, channel: req.channel, dedupeKey: req.dedupeKey };
    const direct = requestPropertySource(e, facts, sf);
    if (direct) return { caseId: direct.caseId, handler: direct.handler, channel: direct.channel, dedupeKey: direct.dedupeKey };
    if (ts.isIdentifier(base)) {
      if (field === "body") {
        // `JSON.parse(event.body)`: a handler exported at the end (`module.exports = { updateUser }`) too.
        const fn = lambdaHandlerOf(base) ?? eventHandlerOf(base);
        // One input with `event.body` read as an object (`typeof event.body === "string" ? JSON.parse(event.body) : event.body`).
        if (fn) return { caseId: "lambdaEvent", handler: fn, channel: { kind: "lambda" }, dedupeKey: `${fn.pos}:lambda:body:${dispatchBranchOf(e, fn)}` };
      }
      if (field === "data") {
        const o = messageDataOrigin(e);
        if (o) return { caseId: o };
      }
      if (MESSAGE_FIELDS.has(field) && isMessageHolder(base)) return { caseId: "messagePayload" };
    }
    // A JSON text part of the client's multipart form (`form.find((f) => f.name === "categories")?.data?.toString()`,
    // held round 33): a document of its own inside the form, reported at its parse.
    if (field === "data" && h3MultipartPart(base, facts, sf)) return { caseId: "jsonParseExternal" };
    // An LLM tool call's arguments: `toolCall.function.arguments` is model output.
    if (field === "arguments" && ts.isPropertyAccessExpression(base) && base.name.text === "function") return { caseId: "jsonParseExternal" };
    // SNS: record.Sns.Message
    if (field === "Message" && ts.isPropertyAccessExpression(base) && base.name.text === "Sns") return { caseId: "messagePayload" };
    if (ts.isPropertyAccessExpression(base) && ts.isIdentifier(base.expression) && MESSAGE_FIELDS.has(field) && isMessageHolder(base.expression)) return { caseId: "messagePayload" };
    // Gemini's answer read by hand: `response?.candidates?.[0]?.content?.parts?.[0].text` of a `GenerateContentResponse`.
    if (field === "text" && isGeminiCandidatePart(base)) return { caseId: "jsonParseExternal" };
    // Claude's answer: `response.content[0].text` of `await anthropic.messages.create(…)`.
    if (field === "text" && isClaudeContentBlock(base)) return { caseId: "jsonParseExternal" };
    // The AI SDK's answer: `result.text` of `await generateText(…)`.
    if (field === "text" && isAiSdkResult(base, facts)) return { caseId: "jsonParseExternal" };
    // OpenAI's answer: `completion.choices[0].message.content` of `await openai.chat.completions.create(…)`.
    if (field === "content" && isChatCompletionMessage(base)) return { caseId: "jsonParseExternal" };
    // `JSON.parse(taskData.resultJson)` where `taskData = (await res.json()).data`: a JSON document inside the other API's answer.
    if (inFetchBody(base)) return { caseId: "jsonParseExternal" };
    return undefined;
  }
  // `JSON.parse(jsonMatch[0])` where `jsonMatch = content.match(/\{[\s\S]*\}/)`: the JSON cut out of the text is the same text.
  if (ts.isElementAccessExpression(e) && ts.isNumericLiteral(e.argumentExpression)) {
    const matched = matchedText(e.expression);
    return matched ? textOrigin(matched, facts, sf, depth + 1) : undefined;
  }
  if (ts.isIdentifier(e)) {
    const b = findBinding(e);
    if (!b) return undefined;
    if (b.kind === "var" && !b.element && streamAccumulator(b.decl)) return { caseId: "jsonParseExternal" };
    // `const { title, categoryIds } = req.body; JSON.parse(categoryIds)`: a text field of the body (a multer
    // form's) holding a JSON document of its own, reported at its parse (held round 33).
    if (b.kind === "var" && b.element && bodyTextField(b.element, b.decl, facts, sf)) return { caseId: "jsonParseExternal" };
    // `const { text } = await generateText(…)`: the model's answer, destructured.
    if (b.kind === "var" && b.element && ts.isObjectBindingPattern(b.decl.name) && (nameText(b.element.propertyName) ?? nameText(b.element.name)) === "text" && b.decl.initializer && isAiSdkCall(b.decl.initializer, facts)) return { caseId: "jsonParseExternal" };
    if (b.kind === "var" && !b.element) {
      const init = b.decl.initializer;
      const o = init ? textOrigin(init, facts, sf, depth + 1) : undefined;
      if (o) return o;
      // `let bodyText = ""; bodyText = await req.text(); … JSON.parse(bodyText)`: the text a `let` is given before the parse.
      if (ts.isIdentifier(b.decl.name) && (!init || ts.isStringLiteralLike(unwrap(init))) && (ts.getCombinedNodeFlags(b.decl) & ts.NodeFlags.Let) !== 0) {
        for (const ref of findRefs(b.decl.name.text, scopeOf(b.decl), b.decl.end)) {
          if (ref.pos >= e.pos) break;
          const a = ref.parent;
          if (!a || !ts.isBinaryExpression(a) || a.left !== ref || a.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
          const given = textOrigin(a.right, facts, sf, depth + 1);
          if (given) return given;
        }
      }
      return undefined;
    }
    // `proc.stdout.on("data", (data) => JSON.parse(data.toString()))`: a child process's output, no listed source.
    if (b.kind === "param" && b.fn.parent && ts.isCallExpression(b.fn.parent) && childOutput(b.fn.parent)) return undefined;
    if (b.kind === "param" && !b.element && isMessageHolder(e)) return { caseId: "messagePayload" };
    // `((value) => { try { return JSON.parse(value) } catch { … } })(reqBody)`: the text the function is invoked with.
    const invoked = b.kind === "param" && !b.element ? invokedWith(b.fn, b.index) : undefined;
    if (invoked) return textOrigin(invoked, facts, sf, depth + 1);
    // `relay(list).then((text) => JSON.parse(text))`: the value the promise before the callback resolves to.
    if (b.kind === "param" && !b.element && b.index === 0) {
      const call = b.fn.parent;
      if (call && ts.isCallExpression(call) && call.arguments[0] === b.fn && calleeName(call) === "then" && ts.isPropertyAccessExpression(call.expression)) {
        return promisedText(call.expression.expression, facts, sf, depth + 1);
      }
    }
    // `parsearResultado(resultado) { const m = resultado.match(/\{[\s\S]*\}/); … JSON.parse(m[0]) }`, called
    // `this.parsearResultado(response.data.choices[0].message.content)`: the text every call hands the method (or function).
    const handed = b.kind === "param" && !b.element ? textHandedTo(b.fn, b.index, facts, sf, depth + 1) : undefined;
    if (handed) return handed;
    // `generate({ topic }, (res) => JSON.parse(res))`: the text the helper hands to the callback it is given.
    if (b.kind === "param" && !b.element) return calledBackWith(b.fn, b.index, facts, sf, depth + 1);
    return undefined;
  }
  return undefined;
}

/**
 * The external text (a model's answer, another service's reply: `jsonParseExternal`) every call of a method of the class
 * (`this.name(text)`) hands it at `index`: the parse of that parameter is that input's (Nionga1981/servimap
 * `ia-moderador.js:259`, retired held round 41, decided). Undefined when a call hands other text, or the method is read
 * other than called (its calls cannot all be seen). A function of the module is left to its callers' reading (held
 * labels place a helper's parse both at the helper and at its call). From the per-file index (`accessesNamed`).
 */
function textHandedTo(fn: FunctionLike, index: number, facts: FileFacts, sf: ts.SourceFile, depth: number): Origin | undefined {
  if (!ts.isMethodDeclaration(fn) || !ts.isIdentifier(fn.name) || !ts.isClassLike(fn.parent)) return undefined;
  let origin: Origin | undefined;
  for (const a of accessesNamed(fn.parent, fn.name.text)) {
    if (a.expression.kind !== ts.SyntaxKind.ThisKeyword) continue;
    const call = a.parent;
    if (!call || !ts.isCallExpression(call) || call.expression !== a) return undefined;
    const arg = call.arguments[index];
    const o = arg && textOrigin(arg, facts, sf, depth);
    if (!o || o.caseId !== "jsonParseExternal") return undefined;
    origin ??= o;
  }
  return origin;
}

// A helper named for cutting a model's JSON out of its text: `cleanJsonResponse`, `extractJson`, `stripCodeFences`.
const CLEANER_RE = /^(?:clean|strip|extract|sanitize|remove|trim)\w*(?:json|fence|markdown)/i;

/**
 * The text argument of a call that hands back the same text, trimmed: a function of the module
 * whose every return is its first parameter with fences or blanks cut off (`text.replace(/```json/, "").trim()`),
 * or a function named for it wherever it comes from (`cleanJsonResponse(raw)`, `stripCodeFence(text)`).
 */
function cleanedText(call: ts.CallExpression, sf: ts.SourceFile): ts.Expression | undefined {
  const arg = call.arguments[0];
  const name = (call.expression as ts.Identifier).text;
  if (!arg || call.arguments.length > 1) return undefined;
  const fn = sf.statements.find((st): st is ts.FunctionDeclaration => ts.isFunctionDeclaration(st) && st.name?.text === name && !!st.body);
  if (!fn) return CLEANER_RE.test(name) ? arg : undefined;
  const param = fn.parameters[0];
  if (!param || !ts.isIdentifier(param.name) || !fn.body) return undefined;
  const returns: ts.ReturnStatement[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionLike(n)) return;
    if (ts.isReturnStatement(n)) returns.push(n);
    else ts.forEachChild(n, visit);
  };
  ts.forEachChild(fn.body, visit);
  const own = param.name.text;
  const ok = returns.length > 0 && returns.every((r) => {
    const v = r.expression && peel(r.expression);
    return !!v && ts.isIdentifier(v) && (v.text === own || cleanedLocal(v, own, fn));
  });
  return ok ? arg : undefined;
}

/**
 * `let cleaned = rawContent.trim(); cleaned = cleaned.replace(/^```json\s*\/, ""); … cleaned = cleaned.substring(first, last + 1); return cleaned.trim();`
 * (PaperTrail `app/openai.server.tsx`): a local of the helper that starts as its parameter and is only ever given
 * itself again, trimmed, replaced or cut, is the same text.
 */
function cleanedLocal(v: ts.Identifier, own: string, fn: ts.FunctionDeclaration): boolean {
  const b = findBinding(v);
  if (!b || b.kind !== "var" || b.element || !b.decl.initializer || !ts.isIdentifier(b.decl.name) || enclosingFunction(b.decl) !== fn) return false;
  const name = b.decl.name.text;
  const sameText = (e: ts.Expression, names: readonly string[]): boolean => {
    let x = peel(e);
    for (let i = 0; i < 4 && ts.isCallExpression(x) && ts.isPropertyAccessExpression(x.expression) && CUTS.has(x.expression.name.text); i++) x = peel(x.expression.expression);
    return ts.isIdentifier(x) && names.includes(x.text);
  };
  if (!sameText(b.decl.initializer, [own])) return false;
  for (const ref of findRefs(name, fn.body!, b.decl.end)) {
    const a = ref.parent;
    if (a && ts.isBinaryExpression(a) && a.left === ref && a.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && a.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      if (a.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !sameText(a.right, [name, own])) return false;
    }
  }
  return true;
}

// The string methods that cut a piece of the text out (the JSON between its first and last brace).
const CUTS = new Set(["substring", "slice", "substr"]);

/** The text a regex match was taken of: `text.match(re)` or `re.exec(text)`, also through a `const`/`let` holding the match. */
function matchedText(expr: ts.Expression): ts.Expression | undefined {
  let m = unwrap(expr);
  if (ts.isIdentifier(m)) {
    const b = findBinding(m);
    if (!b || b.kind !== "var" || b.element || !b.decl.initializer) return undefined;
    m = unwrap(b.decl.initializer);
  }
  if (!ts.isCallExpression(m) || !ts.isPropertyAccessExpression(m.expression)) return undefined;
  const name = m.expression.name.text;
  if (name === "match" && m.arguments.length === 1) return m.expression.expression;
  if (name === "exec" && m.arguments.length === 1) return m.arguments[0];
  return undefined;
}

/** The argument at `index` of the call that invokes `fn` where it is written (`((value) => …)(text)`). */
function invokedWith(fn: FunctionLike, index: number): ts.Expression | undefined {
  let callee: ts.Node = fn;
  while (callee.parent && ts.isParenthesizedExpression(callee.parent)) callee = callee.parent;
  const call = callee.parent;
  return call && ts.isCallExpression(call) && call.expression === callee ? call.arguments[index] : undefined;
}

/**
 * What a helper hands to the callback `fn` it is given as an argument: `cb(responseBody)` in the
 * helper's body, a function of this module or one imported from another module of the project
 * (read there the same way, one hop). The first argument there with an origin of its own.
 */
function calledBackWith(fn: FunctionLike, index: number, facts: FileFacts, sf: ts.SourceFile, depth: number): Origin | undefined {
  const call = fn.parent;
  if (!call || !ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) return undefined;
  const at = call.arguments.indexOf(fn as ts.Expression);
  if (at < 0) return undefined;
  const helper = topLevelFunction(call.expression.text, sf) ?? (!findBinding(call.expression) ? facts.imported?.(call) : undefined);
  const cb = helper?.parameters[at]?.name;
  if (!helper?.body || !cb || !ts.isIdentifier(cb)) return undefined;
  const inner = { ...facts, imported: undefined };
  for (const ref of findRefs(cb.text, helper.body, helper.body.pos)) {
    const handed = ref.parent && ts.isCallExpression(ref.parent) && ref.parent.expression === ref ? ref.parent.arguments[index] : undefined;
    const o = handed && textOrigin(handed, inner, helper.getSourceFile(), depth);
    if (o) return o;
  }
  return undefined;
}

/** What a promise resolves to: `fetch(u).then((r) => r.text())`, or a call of a same-module function that returns one. */
function promisedText(expr: ts.Expression, facts: FileFacts, sf: ts.SourceFile, depth: number): Origin | undefined {
  const e = unwrap(expr);
  if (!ts.isCallExpression(e)) return undefined;
  if (ts.isIdentifier(e.expression)) {
    const b = findBinding(e.expression);
    const name = e.expression.text;
    const local = b?.kind === "var" && !b.element ? b.decl.initializer && unwrap(b.decl.initializer) : sf.statements.find((st) => ts.isFunctionDeclaration(st) && st.name?.text === name);
    // One imported from another module of the project is read there the same way, one hop (`postMsg` of `./fetch.js`).
    const fn = local ?? (!b ? facts.imported?.(e) : undefined);
    const back = fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) || ts.isFunctionDeclaration(fn)) ? returnedBy(fn) : undefined;
    if (back && helperReadsOwnFile(e, back, sf)) return undefined;
    return back ? textOrigin(back, { ...facts, imported: undefined }, back.getSourceFile(), depth) : undefined;
  }
  return textOrigin(e, facts, sf, depth);
}

/** The expression a callback returns: an arrow's expression body, or its only `return`. */
function returnedBy(fn: ts.Node | undefined): ts.Expression | undefined {
  if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) || ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) || !fn.body) return undefined;
  if (!ts.isBlock(fn.body)) return fn.body;
  const returns = fn.body.statements.filter(ts.isReturnStatement);
  return returns.length === 1 ? returns[0]!.expression : undefined;
}

const jsonPublished = new WeakMap<ts.SourceFile, boolean>();

/**
 * MQTT clients (mqtt.js and its promise wrapper). A broker is shared with devices and every other
 * client holding its credentials: a module that publishes commands (`client.publish(topic,
 * JSON.stringify({ value }))`) still hears whatever the others publish on the topics it subscribes
 * to, so the own-instances exception below does not hold for it (retired round 45: jrgleason/
 * mqtt-ollama-presentation `apps/zwave-mcp-server/src/mqtt-client.js:231`, decided).
 */
const MQTT_MODULES = ["mqtt", "async-mqtt"];

/** `sendToQueue(q, body, { correlationId, … })`: an RPC request or reply, correlated with its answer. */
function rpcSend(call: ts.CallExpression): boolean {
  const opts = call.arguments[2] && unwrap(call.arguments[2]);
  return !!opts && ts.isObjectLiteralExpression(opts) && opts.properties.some((p) => nameText(p.name) === "correlationId");
}

/**
 * The module publishes JSON text on a channel itself: Redis or NATS `publish(channel,
 * JSON.stringify(…))` (also as bytes, see isJsonText), amqplib's `sendToQueue(queue,
 * Buffer.from(JSON.stringify(…)), { correlationId, replyTo })` of a request/reply module, which sends
 * the requests and the replies it parses itself (retired round 45, heavens-ms-rabbitmq
 * `libs/common/rabbitMq.js:300`, decided clean; a plain `sendToQueue` to another service's queue is
 * no such sign: nicholas-gcc `order/src/app.js:41` stays a use), Postgres `pg_notify`/`NOTIFY` with a JSON
 * payload (`query("SELECT pg_notify($1, $2)", [channel, JSON.stringify(event)])`). A message it
 * parses is its own instances' payload, like a file it writes itself.
 */
function publishesJson(sf: ts.SourceFile): boolean {
  const known = jsonPublished.get(sf);
  if (known !== undefined) return known;
  let found = false;
  if (/\bpublish\(|\bsendToQueue\(|\bNOTIFY\b|\bpg_notify\b/i.test(sf.text)) {
    const jsonArg = (a: ts.Expression): boolean => {
      const x = unwrap(a);
      return ts.isArrayLiteralExpression(x) ? x.elements.some(jsonArg) : isJsonText(x);
    };
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (ts.isCallExpression(n)) {
        const name = calleeName(n) ?? "";
        const notify = n.arguments.some((a) => ts.isStringLiteralLike(a) && /\bpg_notify\b|^\s*NOTIFY\b/i.test(a.text));
        if ((name === "publish" || (name === "sendToQueue" && rpcSend(n)) || notify) && n.arguments.some(jsonArg)) found = true;
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  jsonPublished.set(sf, found);
  return found;
}

/** `JSON.parse(text)` / `yaml.parse(text)` of file, network, storage or message contents. */
export function parseSource(call: ts.CallExpression, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  const arg = call.arguments[0];
  if (!arg) return undefined;
  const origin = textOrigin(arg, facts, sf);
  if (!origin || (origin.file && writtenOutAgain(call)) || (origin.caseId === "messagePayload" && publishesJson(sf) && !hasModule(facts, ...MQTT_MODULES))) return undefined;
  return {
    caseId: origin.caseId,
    node: call,
    values: [call],
    kind: "structured",
    read: shortText(call, sf),
    handler: origin.handler,
    channel: origin.channel ?? { kind: "throw" },
    dedupeKey: origin.dedupeKey,
    ...(origin.reply ? { reply: true as const } : {}),
    schemaSuffix: origin.caseId === "jsonParseExternal" ? "Data" : origin.caseId === "lambdaEvent" || origin.caseId === "webRequest" || origin.caseId === "nextAppRequest" ? "Body" : "Message",
  };
}
