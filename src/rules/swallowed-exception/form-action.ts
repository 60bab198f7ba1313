/**
 * A void Next.js form action (retired held round 47's apothecary, decided: a finding):
 *
 *   "use server";
 *   export async function createPostAction(formData: FormData): Promise<void> {
 *     if (!url || !key) { console.error("Missing configuration"); return; }
 *     try { await fetch(url, …); } catch (error) { console.error("publish failed", error); return; }
 *     revalidatePath("/admin/social");
 *   }
 *
 * The form's submit is the user asking for the work, and the action answers nothing the page could
 * show: a catch that only logs tells nobody, even when it answers like the function's own guard on a
 * missing setting (the optional-dependency reading, "not available is its contract", fits a helper
 * whose callers test the answer, not an action nothing reads).
 */
import { ts } from "../../engine/ts";
import { hasDirective } from "../../engine/ast";
import { returnsAValue } from "./analysis";

function isExported(fn: ts.FunctionLikeDeclaration): boolean {
  const holder = ts.isFunctionDeclaration(fn) ? fn : fn.parent && ts.isVariableDeclaration(fn.parent) ? fn.parent.parent?.parent : undefined;
  return !!holder && ts.canHaveModifiers(holder) && (ts.getModifiers(holder) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** `"use server"` (the file's or the function's), exported, a `FormData` parameter, and no value answered. */
export function isVoidFormAction(fn: ts.FunctionLikeDeclaration | undefined): boolean {
  const body = fn?.body;
  if (!fn || !body || !ts.isBlock(body)) return false;
  // The walk of the body last: this is asked for every catch of the function, and few take a `FormData`.
  if (!fn.parameters.some((p) => p.type !== undefined && ts.isTypeReferenceNode(p.type) && p.type.typeName.getText() === "FormData")) return false;
  return (hasDirective(body, "use server") || (isExported(fn) && hasDirective(fn.getSourceFile(), "use server"))) && !returnsAValue(body);
}
