import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Production docmost (eval/production/docmost__docmost.json), session 33, developer prodse33: a route value
// only handed, as the token, to a JWT check (attachment.controller.ts:230, `@Query('jwt')` handed to
// `this.tokenService.verifyJwt(jwtToken, JwtType.ATTACHMENT)`, a 400 on failure). Hand-written analogues in
// other frameworks, not the repository's code.

// A joi project: no Zod fix is offered, only the directive.
const JOI = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"express\": \"^4.18.0\", \"koa\": \"^2.15.0\", \"@koa/router\": \"^12.0.0\", \"joi\": \"^17.0.0\" } }\n" };

/** Express: a download link's `?t=` handed to `check` of the project's auth service, then the verified payload's file served. */
const DOWNLOAD = (check: string, after = "") => dedent`
  import express from "express";
  import { authService } from "./services/auth.service";
  const app = express();
  app.get("/files/:id/download", async (req, res) => {
    const token = req.query.t as string;
    let claims: Claims;
    try {
      claims = await authService.${check}(token);
    } catch {
      return res.status(400).json({ error: "invalid link" });
    }${after}
    const file = await files.findById(claims.fileId);
    return res.sendFile(file.path);
  });
`;

/** Koa: a share token from the route handed to the token service's JWT check. */
const SHARE = dedent`
  import Router from "@koa/router";
  import { tokenService } from "../services/token.service";
  const router = new Router();
  router.get("/share/:token", async (ctx) => {
    const payload = await tokenService.verifyShareJwt(ctx.params.token);
    ctx.body = await docs.findPublic(payload.docId);
  });
  export default router;
`;

const valid: ValidCase[] = [
  { name: "expressQuery: a link token only handed to the auth service's verifyJwt, a 400 on failure", code: DOWNLOAD("verifyJwt"), filename: "src/server.ts", files: JOI },
  { name: "koaRequest: a route token only handed to the token service's verifyShareJwt", code: SHARE, filename: "src/routes/share.ts", files: JOI },
];

function row(name: string, code: string, caseId: string, line: number, column: number, endColumn: number): InvalidCase {
  return { name, code, filename: "src/server.ts", findings: [{ case: caseId, line, column, endColumn, suggestions: [mark(code, caseId, line)] }], files: JOI, output: null };
}

const invalid: InvalidCase[] = [
  row("expressQuery: neighbour: a home-made verifyDownloadToken (no JWT by its name) is a service call the value goes to", DOWNLOAD("verifyDownloadToken"), "expressQuery", 5, 17, 26),
  row("expressQuery: neighbour: the token is also handed to a service after the check", DOWNLOAD("verifyJwt", "\n  await linkService.recordUse(token);"), "expressQuery", 5, 17, 26),
];

runWithNamedCases(valid, invalid);
