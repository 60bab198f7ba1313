import { dedent, type ExpectedSuggestion, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 43, developer produb: false classes of two production triages (mfts/papermark, Hexastack/Hexabot at
// f902ce23), hand-written in their shapes.
// - A refusal answered through the response and then a bare `return;` (`res.status(403).json(…); return;`) ends the
//   request like `return res.status(403)…` (papermark's `pages/api/teams/[teamId]/invite.ts:28`): round 30's
//   user-scoped lookup first.
// - Prisma's `findUniqueOrThrow` scoped to the signed-in user, as a statement of a `try` whose `catch` answers: the
//   throw is the miss (session 32's `findOneOrFail` rule, papermark's incoming-webhooks route).
// - NestJS: an injected `LoggerService`'s `log(…)` is a log line, not a service call; a service's own `download(…)` is
//   no Express `res.download(path)`; `this.jwtService.verify`/`verifyAsync` (`@nestjs/jwt`) is a JWT check, and
//   `compareSync` imported from bcryptjs a comparison with a stored hash (Hexabot's webhook and user controllers).
// - A reply's success flag tested in a `.then` callback whose chain's `.catch` answers is the promise form of the flag
//   tested in a `try` whose `catch` answers (papermark's retention-offer modal).

const NEXT = { "package.json": '{ "dependencies": { "next": "^14.2.0", "next-auth": "^4.24.0", "@prisma/client": "^5.0.0" } }' };

const invite = (miss: string) => dedent`
  import type { NextApiRequest, NextApiResponse } from "next";
  import { getServerSession } from "next-auth";
  import prisma from "@/lib/prisma";
  import { authOptions } from "../../auth/[...nextauth]";

  export default async function handle(req: NextApiRequest, res: NextApiResponse) {
    const session = await getServerSession(req, res, authOptions);
    if (!session) return res.status(401).end("Unauthorized");
    const { teamId } = req.query as { teamId: string };
    const userId = (session.user as { id: string }).id;
    const userTeam = await prisma.userTeam.findUnique({ where: { userId_teamId: { userId, teamId } }, select: { role: true } });
    if (!userTeam) {
      ${miss}
      return;
    }
    await prisma.invitation.create({ data: { teamId, email: "someone@example.com" } });
    res.status(200).json({ ok: true });
  }
`;

const webhooks = (filter: string, answer: string) => dedent`
  import type { NextApiRequest, NextApiResponse } from "next";
  import { getServerSession } from "next-auth";
  import prisma from "@/lib/prisma";
  import { authOptions } from "../../auth/[...nextauth]";

  export default async function handle(req: NextApiRequest, res: NextApiResponse) {
    try {
      const session = await getServerSession(req, res, authOptions);
      if (!session) return res.status(401).json({ error: "Unauthorized" });
      const { teamId } = req.query as { teamId: string };
      const userId = (session.user as { id: string }).id;
      const { role } = await prisma.userTeam.findUniqueOrThrow({ where: ${filter}, select: { role: true } });
      if (role !== "ADMIN") return res.status(403).json({ error: "Forbidden" });
      await prisma.incomingWebhook.deleteMany({ where: { teamId } });
      return res.status(200).json({ ok: true });
    } catch (error) {
      console.error(error);
      ${answer}
    }
  }
`;

const NEST = { "package.json": '{ "dependencies": { "@nestjs/common": "^10.0.0", "@nestjs/jwt": "^10.0.0", "bcryptjs": "^2.4.3" } }' };

const LOGGER = { "src/logger/logger.service.ts": "import { ConsoleLogger, Injectable } from '@nestjs/common';\n@Injectable()\nexport class LoggerService extends ConsoleLogger {}\n" };
const AUDIT = { "src/audit/audit.service.ts": "import { Injectable } from '@nestjs/common';\n@Injectable()\nexport class AuditService {\n  async log(entry: string) {\n    return fetch('https://audit.example.com/entries', { method: 'POST', body: entry });\n  }\n}\n" };

const loggedController = (type: string, from: string) => dedent`
  import { Controller, Get, Param } from '@nestjs/common';
  import { ${type} } from '${from}';

  @Controller('webhook')
  export class WebhookController {
    constructor(private readonly logger: ${type}) {}

    @Get(':ref/download/:name')
    async handleDownload(@Param('name') name: string) {
      await this.logger.log(name);
      return { ok: true };
    }
  }
`;

// A facade service hands the query token to the attachment service, whose read of it is the JWT check (two hops).
const DOWNLOAD_CONTROLLER = dedent`
  import { Controller, Get, Query } from '@nestjs/common';
  import { ChannelDownloadService } from './channel-download.service';

  @Controller('webhook')
  export class WebhookController {
    constructor(private readonly channelDownloadService: ChannelDownloadService) {}

    @Get(':ref/download')
    async handleDownload(@Query('t') token: string) {
      return await this.channelDownloadService.download(token);
    }
  }
`;
const downloadServices = (check: string, imports = "\n    import { PrismaService } from '../prisma.service';") => ({
  "src/channel/channel-download.service.ts": dedent`
    import { Injectable } from '@nestjs/common';
    import { ChannelAttachmentService } from './channel-attachment.service';

    @Injectable()
    export class ChannelDownloadService {
      constructor(private readonly channelAttachmentService: ChannelAttachmentService) {}

      async download(token: string) {
        return await this.channelAttachmentService.download(token);
      }
    }
  `,
  "src/channel/channel-attachment.service.ts": dedent`
    import { Injectable } from '@nestjs/common';
    import { JwtService } from '@nestjs/jwt';${imports}

    @Injectable()
    export class ChannelAttachmentService {
      constructor(private readonly jwtService: JwtService, private readonly prisma: PrismaService) {}

      async download(token: string) {
        ${check}
      }
    }
  `,
});

// The reset token: a JWT check of the class's own method, then a comparison with the stored bcrypt hash.
const RESET_CONTROLLER = dedent`
  import { Controller, Param, Post } from '@nestjs/common';
  import { PasswordResetService } from '../services/password-reset.service';

  @Controller('user')
  export class UserController {
    constructor(private readonly passwordResetService: PasswordResetService) {}

    @Post('reset/:token')
    async reset(@Param('token') token: string) {
      return await this.passwordResetService.reset(token);
    }
  }
`;
const resetService = (compareImport: string) => ({
  "src/user/services/password-reset.service.ts": dedent`
    import { Injectable, UnauthorizedException } from '@nestjs/common';
    import { JwtService } from '@nestjs/jwt';
    ${compareImport}
    import { UserService } from './user.service';

    @Injectable()
    export class PasswordResetService {
      constructor(private readonly jwtService: JwtService, private readonly userService: UserService) {}

      async reset(token: string): Promise<void> {
        const payload = await this.verify(token);
        const user = await this.userService.findOne({ where: { email: payload.email } });
        if (!user?.resetToken || !compareSync(token, user.resetToken)) {
          throw new UnauthorizedException('Invalid token');
        }
        await this.userService.updateOne(user.id, { resetToken: null });
      }

      async verify(token: string): Promise<{ email: string }> {
        return await this.jwtService.verifyAsync(token, { secret: process.env.RESET_SECRET });
      }
    }
  `,
  "src/user/services/user.service.ts": "import { Injectable } from '@nestjs/common';\n@Injectable()\nexport class UserService {\n  async findOne(q: unknown): Promise<any> { return q; }\n  async updateOne(id: string, data: unknown) { return { id, data }; }\n}\n",
  "src/user/services/hash.ts": "export function compareSync(a: string, b: string) { return a === b; }\n",
});

// papermark's retention-offer modal: the page's own API reply's success flag tested in a `.then` callback, the chain's
// `.catch` answering with a toast (the promise form of the success flag tested in a `try` whose `catch` answers).
const REACT = { "package.json": '{ "dependencies": { "next": "^14.2.0", "react": "^18.3.0", "sonner": "^1.4.0" } }' };
const retention = (handler: string) => dedent`
  "use client";
  import { toast } from "sonner";

  export function useRetentionOffer(teamId: string, mutate: (key: string) => void, onClose: () => void) {
    return async () => {
      await fetch(\`/api/teams/\${teamId}/billing/retention-offer\`, { method: "POST" })
        .then(async (res) => {
          const data = await res.json();
          if (data.success) {
            mutate(\`/api/teams/\${teamId}/billing/plan\`);
            onClose();
            toast.success("30% discount applied");
          }
        })
        ${handler};
    };
  }
`;

const valid: ValidCase[] = [
  { name: "a user-scoped team lookup whose miss answers 403 and then returns (papermark invite.ts:28)", code: invite('res.status(403).json("You are not part of this team");'), filename: "pages/api/teams/[teamId]/invite.ts", files: NEXT },
  { name: "the same refusal written with .end()", code: invite('res.status(404).end("Team not found");'), filename: "pages/api/teams/[teamId]/invite.ts", files: NEXT },
  { name: "findUniqueOrThrow scoped to the signed-in user, its throw answered by the catch (papermark incoming-webhooks)", code: webhooks("{ userId_teamId: { userId, teamId } }", 'return res.status(500).json({ error: "Error deleting webhook" });'), filename: "pages/api/teams/[teamId]/incoming-webhooks/index.ts", files: NEXT },
  { name: "an injected LoggerService's log line (Hexabot webhook.controller.ts:29)", code: loggedController("LoggerService", "../logger/logger.service"), filename: "src/channel/webhook.controller.ts", files: { ...NEST, ...LOGGER } },
  { name: "a query token a facade service hands to this.jwtService.verify, two hops (Hexabot webhook.controller.ts:30)", code: DOWNLOAD_CONTROLLER, filename: "src/channel/webhook.controller.ts", files: { ...NEST, ...downloadServices("const { exp, iat, ...attachment } = this.jwtService.verify(token, { secret: process.env.ATTACHMENT_SECRET });\n    return attachment;") } },
  { name: "a route token verified by jwtService.verifyAsync and compared by bcryptjs's compareSync (Hexabot user.controller.ts:459)", code: RESET_CONTROLLER, filename: "src/user/controllers/user.controller.ts", files: { ...NEST, ...resetService("import { compareSync } from 'bcryptjs';") } },
  { name: "a reply's success flag tested in .then, the chain's .catch answering with a toast (papermark retention-offer-modal.tsx:106)", code: retention('.catch(() => {\n          toast.error("Something went wrong");\n        })'), filename: "components/retention-offer-modal.tsx", files: REACT },
  { name: "another style: a .finally between the .then and the answering .catch", code: retention('.finally(() => onClose())\n        .catch(() => toast.error("Something went wrong"))'), filename: "components/retention-offer-modal.tsx", files: REACT },
];

/** The Zod suggestion for a NestJS route parameter `name` of `method` (the schema named for the method). */
function nestZod(code: string, name: string, method: string): ExpectedSuggestion {
  const raw = `raw${name[0]!.toUpperCase()}${name.slice(1)}`;
  const schema = `${method[0]!.toUpperCase()}${method.slice(1)}Params`;
  const output = code
    .replace(/^(import \{ [^}]*)( \} from '@nestjs\/common';)$/m, "$1, BadRequestException$2")
    .replace(/\n\n@Controller/, `\nimport { z } from 'zod';\n\nconst ${schema} = z.string();\n\n@Controller`)
    .replace(`@Param('${name}') ${name}: string) {\n`, `@Param('${name}') ${raw}: string) {\n    const parsed = ${schema}.safeParse(${raw});\n    if (!parsed.success) throw new BadRequestException(parsed.error.issues);\n    const ${name} = parsed.data;\n`);
  return { title: `Validate @Param('${name}') with Zod (adds the zod dependency)`, output };
}

/** The Zod suggestion for the handler's query (`HandleQuery`), inside the `try`. */
function zodQuery(code: string): ExpectedSuggestion {
  const output = code
    .replace('import { authOptions } from "../../auth/[...nextauth]";\n', 'import { authOptions } from "../../auth/[...nextauth]";\nimport { z } from "zod";\n\nconst HandleQuery = z.object({ teamId: z.string() });\n')
    .replace(/^( *)const \{ teamId \} = req\.query as \{ teamId: string \};\n/m, (_, i: string) => `${i}const parsed = HandleQuery.safeParse(req.query);\n${i}if (!parsed.success) {\n${i}  res.status(400).json({ error: parsed.error.issues });\n${i}  return;\n${i}}\n${i}const { teamId } = parsed.data as { teamId: string };\n`);
  return { title: "Validate req.query with Zod (adds the zod dependency)", output };
}

const retentionRethrown = retention('.catch((err) => {\n          toast.error("Something went wrong");\n          throw err;\n        })');

const inviteLogged = invite('console.error("not in team");');
const webhooksUnscoped = webhooks("{ id: teamId }", 'return res.status(500).json({ error: "Error deleting webhook" });');
const webhooksLogged = webhooks("{ userId_teamId: { userId, teamId } }", "");
const audited = loggedController("AuditService", "../audit/audit.service");

const invalid: InvalidCase[] = [
  { name: "a miss that only logs and returns answers no refusal: still a use", code: inviteLogged, filename: "pages/api/teams/[teamId]/invite.ts", files: NEXT, findings: [{ case: "nextPagesRequest", line: 9, column: 22, endColumn: 31, suggestions: [zodQuery(inviteLogged), mark(inviteLogged, "nextPagesRequest", 9)] }], output: null },
  { name: "findUniqueOrThrow by the id alone (not scoped to the user) stays a use", code: webhooksUnscoped, filename: "pages/api/teams/[teamId]/incoming-webhooks/index.ts", files: NEXT, findings: [{ case: "nextPagesRequest", line: 10, column: 24, endColumn: 33, suggestions: [zodQuery(webhooksUnscoped), mark(webhooksUnscoped, "nextPagesRequest", 10)] }], output: null },
  { name: "a catch that only logs answers nothing: still a use", code: webhooksLogged, filename: "pages/api/teams/[teamId]/incoming-webhooks/index.ts", files: NEXT, findings: [{ case: "nextPagesRequest", line: 10, column: 24, endColumn: 33, suggestions: [zodQuery(webhooksLogged), mark(webhooksLogged, "nextPagesRequest", 10)] }], output: null },
  { name: "an AuditService's log(…) that posts the entry is a service call", code: audited, filename: "src/channel/webhook.controller.ts", files: { ...NEST, ...AUDIT }, findings: [{ case: "nestDecorator", line: 9, column: 24, endColumn: 38, suggestions: [nestZod(audited, "name", "handleDownload"), mark(audited, "nestDecorator", 9)] }], output: null },
  { name: "a .catch that rethrows leaves the crash to the caller: still a use", code: retentionRethrown, filename: "components/retention-offer-modal.tsx", files: REACT, findings: [{ case: "fetchJson", line: 8, column: 28, endColumn: 38, suggestions: [mark(retentionRethrown, "fetchJson", 8)] }], output: null },
  { name: "compareSync of the project's own module is no bcrypt comparison", code: RESET_CONTROLLER, filename: "src/user/controllers/user.controller.ts", files: { ...NEST, ...resetService("import { compareSync } from './hash';") }, findings: [{ case: "nestDecorator", line: 9, column: 15, endColumn: 30, suggestions: [nestZod(RESET_CONTROLLER, "token", "reset"), mark(RESET_CONTROLLER, "nestDecorator", 9)] }], output: null },
];

describe("unvalidated-boundary: production papermark and Hexabot classes (session 43)", () => {
  runWithNamedCases(valid, invalid);
});
