import { ts } from "../../engine/ts";
import { decoratorNames, isNestController } from "./frameworks/nest";
import type { ProjectHost } from "../../engine/types";

/**
 * A NestJS app that registers a sign-in guard for every route: `{ provide: APP_GUARD, useClass: AuthGuard }` in
 * the `app.module.ts` of a folder holding the controller (the nearest one, up to the project's root), or
 * `app.useGlobalGuards(new JwtAuthGuard(…))` in that folder's `main.ts`. The guard's class is named for signing in
 * (`AuthGuard`, `JwtAuthGuard`, `ClerkGuard`, `SessionGuard`); a rate limit's `ThrottlerGuard` or a `RolesGuard`
 * alone is none. Read once per analysed file (a few reads of files the host caches).
 */
export function nestGlobalAuthGuard(file: string, root: string, host: ProjectHost): boolean {
  const top = root.replace(/\\/g, "/").replace(/\/$/, "");
  let dir = file.replace(/\\/g, "/").replace(/\/[^/]*$/, "");
  for (let i = 0; i < 8 && dir.length >= top.length && dir.startsWith(top); i++) {
    const mod = host.readFile(`${dir}/app.module.ts`);
    const main = host.readFile(`${dir}/main.ts`);
    if (mod !== undefined || main !== undefined) return (mod !== undefined && APP_GUARD_RE.test(mod)) || (main !== undefined && GLOBAL_GUARDS_RE.test(main));
    const up = dir.replace(/\/[^/]*$/, "");
    if (up === dir) break;
    dir = up;
  }
  return false;
}

const AUTH_GUARD = String.raw`\w*(?:Auth|Jwt|JWT|Session|Clerk|Firebase|Supabase|Passport|Token|Login)\w*Guard\b`;
const APP_GUARD_RE = new RegExp(String.raw`provide\s*:\s*APP_GUARD\s*,\s*useClass\s*:\s*${AUTH_GUARD}`);
const GLOBAL_GUARDS_RE = new RegExp(String.raw`\.useGlobalGuards\s*\([^)]*\bnew\s+${AUTH_GUARD}`);

/** `@Public()`, `@SkipAuth()`, `@AllowAnonymous()`: the metadata a global guard lets through unsigned. */
const PUBLIC_RE = /^(?:Public|IsPublic|PublicRoute|SkipAuth|NoAuth|AllowAnonymous|Anonymous|Unauthenticated)$/;

/** A method of a `@Controller` class that no decorator of its own or of its class marks public: behind a global guard, only the signed-in reach it. */
export function guardedControllerMethod(fn: ts.Node): boolean {
  const cls = fn.parent;
  if (!ts.isMethodDeclaration(fn) || !cls || !isNestController(cls)) return false;
  return !decoratorNames(cls).some((n) => PUBLIC_RE.test(n)) && !decoratorNames(fn).some((n) => PUBLIC_RE.test(n));
}
