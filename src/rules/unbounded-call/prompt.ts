import { importBindings, isFunctionLikeDeclaration, topLevelFunction } from "../../engine/ast";
import { ts } from "../../engine/ts";
import { TreeMemo } from "../../engine/tree-memo";
import { someNode, unwrap } from "./ast";

/**
 * Interactive prompts: a turn that waits for a person to type or choose (`await text({ message })` of
 * @clack/prompts, inquirer's `prompt`, readline's `question`). A loop that asks each turn, and a
 * recursion that calls itself only after the person said yes, repeat nothing on their own: a person
 * decides each attempt (production capgo, `cli/src/init/command.ts` "Type ready" loops and
 * `cli/src/bundle/upload.ts` "Would you like to retry the upload?").
 */

// Prompt libraries, and a project's own prompt module by its file name (`./prompts`, `../ui/prompt`).
const PROMPT_LIBRARY_RE = /^(?:@clack\/prompts|@inquirer\/[\w-]+|inquirer|enquirer|prompts|readline-sync|(?:node:)?readline(?:\/promises)?)$/;

/** A prompt library, or a relative module whose file is named for prompts. */
function isPromptModule(spec: string): boolean {
  return PROMPT_LIBRARY_RE.test(spec) || ((spec.startsWith("./") || spec.startsWith("../")) && /^prompts?$/.test(spec.slice(spec.lastIndexOf("/") + 1)));
}
// The functions of those modules that ask: not `spinner`, `log`, `intro` or `isCancel`.
const ASK_RE = /^(?:text|input|confirm|select|multiselect|groupMultiselect|selectKey|password|number|editor|expand|checkbox|rawlist|search|autocomplete|autocompleteMultiselect|group|prompt|question|questionInt|questionFloat|keyInYN|keyInYNStrict|keyInSelect)$/;
// A default or whole import that is itself the prompt (`prompts(…)`, `@inquirer/input`'s `input(…)`).
const CALLABLE_MODULE_RE = /^(?:prompts|@inquirer\/(?!prompts$)[\w-]+)$/;

/** True for a call that asks the person at the terminal. */
export function isPromptCall(call: ts.CallExpression): boolean {
  const sf = call.getSourceFile();
  const bindings = importBindings(sf);
  const e = call.expression;
  if (ts.isIdentifier(e)) {
    if (bindings.has(e.text)) return isImportedPrompt(e.text, sf);
    // A function of this file that asks (`selectRecoveryOption(…)` around `await select(…)`, `ask(q)` around `rl.question`).
    return asksInside(e.text, sf);
  }
  if (!ts.isPropertyAccessExpression(e) || !ASK_RE.test(e.name.text)) return false;
  const recv = unwrap(e.expression);
  // `inquirer.prompt(…)`, `p.text(…)` of `import * as p from "@clack/prompts"`.
  if (ts.isIdentifier(recv)) {
    const b = bindings.get(recv.text);
    if (b && isPromptModule(b.spec)) return true;
  }
  // `rl.question(…)` on an interface of a file that imports readline.
  return e.name.text === "question" && [...bindings.values()].some((b) => /^(?:node:)?readline(?:\/promises)?$|^readline-sync$/.test(b.spec));
}

const ASKING_FUNCTIONS = new TreeMemo<ts.SourceFile, Map<string, boolean>>();

/**
 * The file's top-level function `name` holds a prompt of a prompt module (`selectRecoveryOption`
 * around `await select(…)`, `ask(q)` around `rl.question(q, r)`): one level, its own body only.
 */
function asksInside(name: string, sf: ts.SourceFile): boolean {
  let memo = ASKING_FUNCTIONS.get(sf);
  if (!memo) ASKING_FUNCTIONS.set(sf, (memo = new Map()));
  const known = memo.get(name);
  if (known !== undefined) return known;
  memo.set(name, false);
  const body = topLevelFunction(name, sf)?.body;
  const found = !!body && someNode(body, (n) => ts.isCallExpression(n) && (ts.isIdentifier(n.expression) ? isImportedPrompt(n.expression.text, sf) : isPromptCall(n)), false);
  memo.set(name, found);
  return found;
}

/** `name` is bound by an import of a prompt module to a function that asks. */
function isImportedPrompt(name: string, sf: ts.SourceFile): boolean {
  const b = importBindings(sf).get(name);
  if (!b || !isPromptModule(b.spec)) return false;
  return b.exported === "default" || b.exported === "*" ? CALLABLE_MODULE_RE.test(b.spec) : ASK_RE.test(b.exported);
}

/** `root` (itself included, nested functions not entered except a `new Promise` executor) awaits a prompt. */
function awaitsPrompt(root: ts.Node): boolean {
  let found = false;
  const walk = (n: ts.Node): void => {
    if (found) return;
    if (ts.isAwaitExpression(n)) {
      const e = unwrap(n.expression);
      // `await new Promise((r) => rl.question(q, r))`: the promise settles when the person answers.
      if ((ts.isCallExpression(e) && isPromptCall(e)) || (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "Promise" && holdsPromptCall(e))) {
        found = true;
        return;
      }
    }
    if (isFunctionLikeDeclaration(n) || ts.isClassLike(n)) return;
    n.forEachChild(walk);
  };
  walk(root);
  return found;
}

function holdsPromptCall(root: ts.Node): boolean {
  return someNode(root, (n) => ts.isCallExpression(n) && isPromptCall(n), false);
}

/** A statement that runs whole on every pass: not a branch, loop or nested block, whose parts may be skipped. */
function runsWhole(s: ts.Statement): boolean {
  return ts.isExpressionStatement(s) || ts.isVariableStatement(s) || ts.isReturnStatement(s);
}

/** The statement asks on every run of it: it awaits a prompt whole, or in the test of its `if`. */
function asksWhole(s: ts.Statement): boolean {
  return (runsWhole(s) && awaitsPrompt(s)) || (ts.isIfStatement(s) && awaitsPrompt(s.expression));
}

/** `root` holds a `continue` of the loop it is in (not of a nested loop, nor in a nested function). */
function continues(root: ts.Node): boolean {
  let found = false;
  const walk = (n: ts.Node): void => {
    if (found || isFunctionLikeDeclaration(n) || ts.isClassLike(n) || ts.isIterationStatement(n, false)) return;
    if (ts.isContinueStatement(n)) found = true;
    else n.forEachChild(walk);
  };
  walk(root);
  return found;
}

/**
 * Every turn of the loop waits for a person before it goes round again: a statement of the loop's
 * own body, with no `continue` before it, awaits a prompt (`const ready = await text({ message: 'Type
 * "ready"' })`, `if (await confirm(…))`), or every failure does (a statement of the `catch` of a `try`
 * of the body, with no `continue` in that `try` or before it). A prompt under an `if` is skipped on
 * some turns, and the loop is judged as before.
 */
export function asksEachTurn(loop: ts.IterationStatement): boolean {
  const body = loop.statement;
  const statements = ts.isBlock(body) ? body.statements : [body];
  for (const s of statements) {
    if (asksWhole(s)) return true;
    if (ts.isTryStatement(s) && s.catchClause && !continues(s.tryBlock) && s.catchClause.block.statements.some(asksWhole)) return true;
    if (continues(s)) return false;
  }
  return false;
}

/**
 * The call runs only after a person answered: the failure path `root` awaited a prompt before it
 * (`const retry = await confirm({ message: "Retry the upload?" })`), and the call sits in a branch of
 * an `if` (or `switch`) that tests the answer (`if (retry) return upload(…)`), or after an `if` that
 * tests it and leaves (`if (!retry) throw error;`), or after a statement of its block (or of a block
 * around it) that asks whole (`await text({ message: "Press enter to retry" })`), as a loop that asks
 * each turn.
 */
export function askedFirst(call: ts.CallExpression, root: ts.Node): boolean {
  const answers = new Set<string>();
  const collect = (n: ts.Node): void => {
    if (n.pos >= call.pos || isFunctionLikeDeclaration(n) || ts.isClassLike(n)) return;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && awaitsPrompt(n.initializer)) answers.add(n.name.text);
    n.forEachChild(collect);
  };
  collect(root);
  const readsAnswer = (e: ts.Node): boolean => awaitsPrompt(e) || someNode(e, (n) => ts.isIdentifier(n) && answers.has(n.text), false);
  const leaves = (st: ts.Statement): boolean => {
    const last = ts.isBlock(st) ? st.statements[st.statements.length - 1] : st;
    return !!last && (ts.isThrowStatement(last) || ts.isReturnStatement(last));
  };
  for (let p: ts.Node = call; p !== root && p.parent; p = p.parent) {
    const up = p.parent;
    if (ts.isIfStatement(up) && p !== up.expression && readsAnswer(up.expression)) return true;
    if (ts.isCaseClause(up) && ts.isCaseBlock(up.parent) && readsAnswer(up.parent.parent.expression)) return true;
    if (ts.isBlock(up) && up.statements.some((st) => st.end <= p.pos && (asksWhole(st) || (ts.isIfStatement(st) && !st.elseStatement && leaves(st.thenStatement) && readsAnswer(st.expression))))) return true;
    if (isFunctionLikeDeclaration(up)) return false;
  }
  return false;
}
