import * as assert from "node:assert/strict";
import rule from "../../../src/rules/unvalidated-boundary/rule";
import { typecheck } from "../../helpers/typecheck";
import { dedent, RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// The Zod fix where it cannot be right for the code around the read (issue 12, reviews of real
// code): not offered, only "Mark as validated elsewhere…"; and where it is, the exact output.

const ZOD = { "package.json": '{ "name": "app", "dependencies": { "zod": "^3.23.8" } }\n' };

interface Row {
  name: string;
  code: string;
  filename?: string;
  files?: Record<string, string>;
  findings: Array<{ case: string; line: number; column: number; endColumn: number; validate?: { title: string; output: string } }>;
}

/** Each finding's suggestions: the Zod fix when the row expects one, then the directive above the read's line. */
function toCase(r: Row): InvalidCase {
  const lines = r.code.split("\n");
  const mark = (caseId: string, line: number) => {
    const copy = [...lines];
    copy.splice(line - 1, 0, `${/^[ \t]*/.exec(lines[line - 1]!)![0]}// hardening-hints-ignore-next-line unvalidated-boundary/${caseId} -- <reason>`);
    return { title: "Mark as validated elsewhere…", output: copy.join("\n") };
  };
  return {
    name: r.name,
    code: r.code,
    filename: r.filename,
    files: r.files,
    findings: r.findings.map((f) => ({ case: f.case, line: f.line, column: f.column, endColumn: f.endColumn, suggestions: [...(f.validate ? [f.validate] : []), mark(f.case, f.line)] })),
    output: null,
  };
}

const ROUTE = dedent`
  import express from "express";
  const app = express();
  app.post("/items", async (req, res) => {
    const { title, price } = req.body as { title: string; price: number };
    await db.item.create({ data: { title: title.trim(), price: price * 100 } });
    res.sendStatus(201);
  });
`;

/** A Mongoose model that states rules for some fields and none for others (zod and mongoose installed). */
const MONGOOSE = {
  "package.json": '{ "name": "app", "dependencies": { "mongoose": "^8.0.0", "zod": "^3.23.8" } }\n',
  "models/community.ts": dedent`
    import mongoose from "mongoose";
    const communitySchema = new mongoose.Schema({
      id: { type: String, required: true },
      name: { type: String, required: true, trim: true, maxlength: [50, "At most 50 characters"] },
      bio: String,
      plan: { type: String, enum: ["free", "pro"] },
      slug: { type: String, match: [/^[a-z0-9-]+$/, "lower-case words"] },
      owner: { type: mongoose.Schema.Types.ObjectId, ref: "User" },
    });
    const Community = mongoose.models.Community || mongoose.model("Community", communitySchema);
    export default Community;
  `,
};

/** A Prisma schema with a sized column and an unsized one. */
const PRISMA = {
  "package.json": '{ "name": "app", "dependencies": { "@prisma/client": "^5.0.0", "zod": "^3.23.8" } }\n',
  "prisma/schema.prisma": "model Post {\n  id    String @id @default(cuid())\n  title String @db.VarChar(120)\n  body  String\n}\n",
};

const rows: Row[] = [
  {
    name: "a schema of guesses (z.any() where the value goes to the database) is not offered",
    code: dedent`
      import express from "express";
      const app = express();
      app.post("/notes", async (req, res) => {
        await db.note.create({ data: { title: req.body.title, text: req.body.text } });
        res.sendStatus(201);
      });
    `,
    files: ZOD,
    findings: [{ case: "expressBody", line: 4, column: 41, endColumn: 49 }],
  },
  {
    name: "a response body read in the `!res.ok` branch is not validated; the success body is",
    filename: "components/save.tsx",
    files: ZOD,
    code: dedent`
      export async function save(id: string) {
        const res = await fetch(\`/api/items/\${id}\`, { method: "POST" });
        if (!res.ok) {
          const { message } = await res.json();
          throw new Error(message ?? "Saving failed");
        }
        const item = await res.json();
        return item.name.trim();
      }
    `,
    findings: [
      {
        case: "fetchJson", line: 7, column: 22, endColumn: 32,
        validate: { title: "Validate res.json() with Zod", output: dedent`
          import { z } from "zod";

          const SaveResponse = z.object({ name: z.string() });

          export async function save(id: string) {
            const res = await fetch(\`/api/items/\${id}\`, { method: "POST" });
            if (!res.ok) {
              const { message } = await res.json();
              throw new Error(message ?? "Saving failed");
            }
            const item = SaveResponse.parse(await res.json());
            return item.name.trim();
          }
        ` },
      },
    ],
  },
  {
    name: "a body read before the status is tested may be an error body: no schema",
    filename: "components/verify.tsx",
    files: ZOD,
    code: dedent`
      export async function verify(code: string) {
        const res = await fetch("/api/verify", { method: "POST", body: JSON.stringify({ code }) });
        const json = await res.json();
        if (!res.ok) throw new Error(json.error);
        return json.data.token.trim();
      }
    `,
    findings: [{ case: "fetchJson", line: 3, column: 22, endColumn: 32 }],
  },
  {
    name: "the same query read in two method branches: the parse goes before the branches, where both see `parsed`",
    filename: "pages/api/export.ts",
    files: ZOD,
    code: dedent`
      import type { NextApiRequest, NextApiResponse } from "next";
      export default async function handler(req: NextApiRequest, res: NextApiResponse) {
        if (req.method === "GET") {
          const { teamId } = req.query as { teamId: string };
          const jobs = await db.job.findMany({ where: { teamId } });
          return res.json(jobs);
        } else if (req.method === "POST") {
          const { teamId } = req.query as { teamId: string };
          const job = await db.job.create({ data: { teamId } });
          return res.json(job);
        }
        res.status(405).end();
      }
    `,
    findings: [
      {
        case: "nextPagesRequest", line: 4, column: 24, endColumn: 33,
        validate: { title: "Validate req.query with Zod", output: dedent`
          import type { NextApiRequest, NextApiResponse } from "next";
          import { z } from "zod";
          const QuerySchema = z.object({ teamId: z.string() });

          export default async function handler(req: NextApiRequest, res: NextApiResponse) {
            const parsed = QuerySchema.safeParse(req.query);
            if (!parsed.success) {
              res.status(400).json({ error: parsed.error.issues });
              return;
            }
            if (req.method === "GET") {
              const { teamId } = parsed.data as { teamId: string };
              const jobs = await db.job.findMany({ where: { teamId } });
              return res.json(jobs);
            } else if (req.method === "POST") {
              const { teamId } = parsed.data as { teamId: string };
              const job = await db.job.create({ data: { teamId } });
              return res.json(job);
            }
            res.status(405).end();
          }
        ` },
      },
    ],
  },
  {
    name: "later reads that declare other keys (`as { teamId; id }`): one schema would strip them, no fix",
    filename: "pages/api/tags.ts",
    files: ZOD,
    code: dedent`
      import type { NextApiRequest, NextApiResponse } from "next";
      export default async function handler(req: NextApiRequest, res: NextApiResponse) {
        const { teamId } = req.query as { teamId: string };
        await db.team.findUnique({ where: { id: teamId } });
        if (req.method === "DELETE") {
          const { id } = req.query as { teamId: string; id: string };
          await db.tag.delete({ where: { id } });
        }
        res.json({ ok: true });
      }
    `,
    findings: [{ case: "nextPagesRequest", line: 3, column: 22, endColumn: 31 }],
  },
  {
    name: "a field the handler defaults (`versionNumber || 1`) is optional even though the declared type requires it",
    filename: "pages/api/view.ts",
    files: ZOD,
    code: dedent`
      import type { NextApiRequest, NextApiResponse } from "next";
      export default async function handler(req: NextApiRequest, res: NextApiResponse) {
        const { linkId, versionNumber } = req.body as { linkId: string; versionNumber: number };
        await db.view.create({ data: { linkId, versionNumber: versionNumber || 1 } });
        res.json({ ok: true });
      }
    `,
    findings: [
      {
        case: "nextPagesRequest", line: 3, column: 37, endColumn: 45,
        validate: { title: "Validate req.body with Zod", output: dedent`
          import type { NextApiRequest, NextApiResponse } from "next";
          import { z } from "zod";
          const BodySchema = z.object({ linkId: z.string(), versionNumber: z.number().optional() });

          export default async function handler(req: NextApiRequest, res: NextApiResponse) {
            const parsed = BodySchema.safeParse(req.body);
            if (!parsed.success) {
              res.status(400).json({ error: parsed.error.issues });
              return;
            }
            const { linkId, versionNumber } = parsed.data as { linkId: string; versionNumber: number };
            await db.view.create({ data: { linkId, versionNumber: versionNumber || 1 } });
            res.json({ ok: true });
          }
        ` },
      },
    ],
  },
  {
    name: "a declared boolean the code only tests for truthiness (`downloadOnly ? … : …`) stays required, as the cast says (review R67)",
    filename: "pages/api/toggle.ts",
    files: ZOD,
    code: dedent`
      import type { NextApiRequest, NextApiResponse } from "next";
      export default async function handler(req: NextApiRequest, res: NextApiResponse) {
        const { downloadOnly } = req.body as { downloadOnly: boolean };
        await db.document.update({ where: { id: 1 }, data: { downloadOnly } });
        res.json({ message: \`Document is now \${downloadOnly ? "download only" : "viewable"}\` });
      }
    `,
    findings: [
      {
        case: "nextPagesRequest", line: 3, column: 28, endColumn: 36,
        validate: { title: "Validate req.body with Zod", output: dedent`
          import type { NextApiRequest, NextApiResponse } from "next";
          import { z } from "zod";
          const BodySchema = z.object({ downloadOnly: z.boolean() });

          export default async function handler(req: NextApiRequest, res: NextApiResponse) {
            const parsed = BodySchema.safeParse(req.body);
            if (!parsed.success) {
              res.status(400).json({ error: parsed.error.issues });
              return;
            }
            const { downloadOnly } = parsed.data as { downloadOnly: boolean };
            await db.document.update({ where: { id: 1 }, data: { downloadOnly } });
            res.json({ message: \`Document is now \${downloadOnly ? "download only" : "viewable"}\` });
          }
        ` },
      },
    ],
  },
  {
    name: "a declared string the code tests for truthiness (`if (note)`) is optional: the code handles its absence",
    filename: "pages/api/note.ts",
    files: ZOD,
    code: dedent`
      import type { NextApiRequest, NextApiResponse } from "next";
      export default async function handler(req: NextApiRequest, res: NextApiResponse) {
        const { id, note } = req.body as { id: string; note: string };
        if (note) await db.note.create({ data: { id, text: note.trim() } });
        res.json({ ok: true });
      }
    `,
    findings: [
      {
        case: "nextPagesRequest", line: 3, column: 24, endColumn: 32,
        validate: { title: "Validate req.body with Zod", output: dedent`
          import type { NextApiRequest, NextApiResponse } from "next";
          import { z } from "zod";
          const BodySchema = z.object({ id: z.string(), note: z.string().optional() });

          export default async function handler(req: NextApiRequest, res: NextApiResponse) {
            const parsed = BodySchema.safeParse(req.body);
            if (!parsed.success) {
              res.status(400).json({ error: parsed.error.issues });
              return;
            }
            const { id, note } = parsed.data as { id: string; note: string };
            if (note) await db.note.create({ data: { id, text: note.trim() } });
            res.json({ ok: true });
          }
        ` },
      },
    ],
  },
  {
    name: "a declared boolean the code tests with `in` (\"archived\" in body) is optional: the code handles a body without it",
    filename: "pages/api/archive.ts",
    files: ZOD,
    code: dedent`
      import type { NextApiRequest, NextApiResponse } from "next";
      export default async function handler(req: NextApiRequest, res: NextApiResponse) {
        const body = req.body as { id: string; archived: boolean };
        if ("archived" in body) await db.doc.update({ where: { id: body.id }, data: { archived: body.archived } });
        res.json({ ok: true });
      }
    `,
    findings: [
      {
        case: "nextPagesRequest", line: 3, column: 16, endColumn: 24,
        validate: { title: "Validate req.body with Zod", output: dedent`
          import type { NextApiRequest, NextApiResponse } from "next";
          import { z } from "zod";
          const BodySchema = z.object({ id: z.string(), archived: z.boolean().optional() });

          export default async function handler(req: NextApiRequest, res: NextApiResponse) {
            const parsed = BodySchema.safeParse(req.body);
            if (!parsed.success) {
              res.status(400).json({ error: parsed.error.issues });
              return;
            }
            const body = parsed.data as { id: string; archived: boolean };
            if ("archived" in body) await db.doc.update({ where: { id: body.id }, data: { archived: body.archived } });
            res.json({ ok: true });
          }
        ` },
      },
    ],
  },
  {
    name: "a declared `unknown` field is faithful, not a guess: the schema is offered",
    files: ZOD,
    code: dedent`
      import express from "express";
      const app = express();
      app.post("/events", async (req, res) => {
        const event = req.body as { type: string; payload: unknown };
        await db.event.create({ data: { type: event.type, payload: event.payload } });
        res.sendStatus(202);
      });
    `,
    findings: [
      {
        case: "expressBody", line: 4, column: 17, endColumn: 25,
        validate: { title: "Validate req.body with Zod", output: dedent`
          import express from "express";
          import { z } from "zod";
          const app = express();
          const PostEventsBody = z.object({ type: z.string(), payload: z.unknown() });

          app.post("/events", async (req, res) => {
            const parsed = PostEventsBody.safeParse(req.body);
            if (!parsed.success) {
              res.status(400).json({ error: parsed.error.issues });
              return;
            }
            const event = parsed.data as { type: string; payload: unknown };
            await db.event.create({ data: { type: event.type, payload: event.payload } });
            res.sendStatus(202);
          });
        ` },
      },
    ],
  },
  {
    name: "a server action's page size with a numeric default (take: pageSize) is a bounded whole number, not a bare z.number() (review R28)",
    filename: "app/actions.ts",
    files: ZOD,
    code: dedent`
      "use server";
      export async function fetchPosts(pageNumber = 1, pageSize = 20) {
        const skip = (pageNumber - 1) * pageSize;
        return db.post.findMany({ skip, take: pageSize });
      }
    `,
    findings: [
      {
        case: "nextServerAction", line: 2, column: 50, endColumn: 58,
        validate: { title: "Validate pageSize with Zod as a whole number from 1 to 100", output: dedent`
          "use server";
          import { z } from "zod";

          const FetchPostsPageSizeInput = z.number().int().min(1).max(100);

          export async function fetchPosts(pageNumber = 1, rawPageSize = 20) {
            const pageSize = FetchPostsPageSizeInput.parse(rawPageSize);
            const skip = (pageNumber - 1) * pageSize;
            return db.post.findMany({ skip, take: pageSize });
          }
        ` },
      },
    ],
  },
  {
    name: "a page size with a larger default (take: size): bounded up to that default; an offset (skip: offset) from 0",
    filename: "app/actions.ts",
    files: ZOD,
    code: dedent`
      "use server";
      export async function listPosts(offset = 0, size = 250) {
        return db.post.findMany({ skip: offset, take: size });
      }
    `,
    findings: [
      {
        case: "nextServerAction", line: 2, column: 33, endColumn: 39,
        validate: { title: "Validate offset with Zod as a whole number from 0", output: dedent`
          "use server";
          import { z } from "zod";

          const ListPostsOffsetInput = z.number().int().min(0);

          export async function listPosts(rawOffset = 0, size = 250) {
            const offset = ListPostsOffsetInput.parse(rawOffset);
            return db.post.findMany({ skip: offset, take: size });
          }
        ` },
      },
      {
        case: "nextServerAction", line: 2, column: 45, endColumn: 49,
        validate: { title: "Validate size with Zod as a whole number from 1 to 250", output: dedent`
          "use server";
          import { z } from "zod";

          const ListPostsSizeInput = z.number().int().min(1).max(250);

          export async function listPosts(offset = 0, rawSize = 250) {
            const size = ListPostsSizeInput.parse(rawSize);
            return db.post.findMany({ skip: offset, take: size });
          }
        ` },
      },
    ],
  },
  {
    name: "a server action's string stored with findOneAndUpdate: the model's rules (required, trim, maxlength), not a bare z.string(); the filter value keeps its string check",
    filename: "app/actions.ts",
    files: MONGOOSE,
    code: dedent`
      "use server";
      import Community from "@/models/community";
      export async function renameCommunity(communityId: string, name: string) {
        await Community.findOneAndUpdate({ id: communityId }, { name });
      }
    `,
    findings: [
      {
        case: "nextServerAction", line: 3, column: 39, endColumn: 50,
        validate: { title: "Validate communityId with Zod", output: dedent`
          "use server";
          import Community from "@/models/community";
          import { z } from "zod";
          const RenameCommunityCommunityIdInput = z.string();

          export async function renameCommunity(rawCommunityId: string, name: string) {
            const communityId = RenameCommunityCommunityIdInput.parse(rawCommunityId);
            await Community.findOneAndUpdate({ id: communityId }, { name });
          }
        ` },
      },
      {
        case: "nextServerAction", line: 3, column: 60, endColumn: 64,
        validate: { title: "Validate name with Zod as the Community model requires", output: dedent`
          "use server";
          import Community from "@/models/community";
          import { z } from "zod";
          const RenameCommunityNameInput = z.string().trim().min(1).max(50);

          export async function renameCommunity(communityId: string, rawName: string) {
            const name = RenameCommunityNameInput.parse(rawName);
            await Community.findOneAndUpdate({ id: communityId }, { name });
          }
        ` },
      },
    ],
  },
  {
    name: "a string stored where the model states nothing (bio: String) or in an ObjectId path Mongoose casts (owner, review R79): no Zod fix",
    filename: "app/actions.ts",
    files: MONGOOSE,
    code: dedent`
      "use server";
      import Community from "@/models/community";
      export async function createCommunity(bio: string, owner: string) {
        return new Community({ bio, owner });
      }
    `,
    findings: [
      { case: "nextServerAction", line: 3, column: 39, endColumn: 42 },
      { case: "nextServerAction", line: 3, column: 52, endColumn: 57 },
    ],
  },
  {
    name: "a string stored under $set in a field with an enum: z.enum of the model's values",
    filename: "app/actions.ts",
    files: MONGOOSE,
    code: dedent`
      "use server";
      import Community from "@/models/community";
      export async function setPlan(plan: string) {
        if (!plan) throw new Error("plan is required");
        await Community.updateOne({ id: "me" }, { $set: { plan } });
      }
    `,
    findings: [
      {
        case: "nextServerAction", line: 3, column: 31, endColumn: 35,
        validate: { title: "Validate plan with Zod as the Community model requires", output: dedent`
          "use server";
          import Community from "@/models/community";
          import { z } from "zod";
          const SetPlanInput = z.enum(["free", "pro"]);

          export async function setPlan(rawPlan: string) {
            const plan = SetPlanInput.parse(rawPlan);
            if (!plan) throw new Error("plan is required");
            await Community.updateOne({ id: "me" }, { $set: { plan } });
          }
        ` },
      },
    ],
  },
  {
    name: "a string created with a model whose field has a match rule: the same regular expression",
    filename: "app/actions.ts",
    files: MONGOOSE,
    code: dedent`
      "use server";
      import Community from "@/models/community";
      export async function claimSlug(slug: string) {
        return Community.create({ slug: slug });
      }
    `,
    findings: [
      {
        case: "nextServerAction", line: 3, column: 33, endColumn: 37,
        validate: { title: "Validate slug with Zod as the Community model requires", output: dedent`
          "use server";
          import Community from "@/models/community";
          import { z } from "zod";
          const ClaimSlugInput = z.string().regex(/^[a-z0-9-]+$/);

          export async function claimSlug(rawSlug: string) {
            const slug = ClaimSlugInput.parse(rawSlug);
            return Community.create({ slug: slug });
          }
        ` },
      },
    ],
  },
  {
    name: "strings stored by Prisma: the column's @db.VarChar size, and no Zod fix for an unsized column",
    filename: "app/actions.ts",
    files: PRISMA,
    code: dedent`
      "use server";
      export async function createPost(title: string, body: string) {
        return prisma.post.create({ data: { title, body } });
      }
    `,
    findings: [
      {
        case: "nextServerAction", line: 2, column: 34, endColumn: 39,
        validate: { title: "Validate title with Zod as the Post model requires", output: dedent`
          "use server";
          import { z } from "zod";

          const CreatePostTitleInput = z.string().max(120);

          export async function createPost(rawTitle: string, body: string) {
            const title = CreatePostTitleInput.parse(rawTitle);
            return prisma.post.create({ data: { title, body } });
          }
        ` },
      },
      { case: "nextServerAction", line: 2, column: 49, endColumn: 53 },
    ],
  },
  // Shapes of fixes the session-12 review accepted (R79, R25, R76, R64), kept as they were read.
  {
    name: "accepted R79: route ids and an optional flag cast on req.query, parsed after the session check with the project's zod",
    filename: "pages/api/teams/stats.ts",
    files: PRISMA,
    code: dedent`
      import type { NextApiRequest, NextApiResponse } from "next";
      import { getServerSession } from "next-auth/next";
      export default async function handle(req: NextApiRequest, res: NextApiResponse) {
        const session = await getServerSession(req, res, authOptions);
        if (!session) return res.status(401).end("Unauthorized");
        const { teamId, id: docId, excludeTeamMembers } = req.query as { teamId: string; id: string; excludeTeamMembers?: string };
        const document = await prisma.document.findUnique({ where: { id: docId, teamId } });
        return res.json({ document, excluded: excludeTeamMembers === "true" });
      }
    `,
    findings: [
      {
        case: "nextPagesRequest", line: 6, column: 53, endColumn: 62,
        validate: { title: "Validate req.query with Zod", output: dedent`
          import type { NextApiRequest, NextApiResponse } from "next";
          import { getServerSession } from "next-auth/next";
          import { z } from "zod";
          const HandleQuery = z.object({
            teamId: z.string(),
            id: z.string(),
            excludeTeamMembers: z.string().optional(),
          });

          export default async function handle(req: NextApiRequest, res: NextApiResponse) {
            const session = await getServerSession(req, res, authOptions);
            if (!session) return res.status(401).end("Unauthorized");
            const parsed = HandleQuery.safeParse(req.query);
            if (!parsed.success) {
              res.status(400).json({ error: parsed.error.issues });
              return;
            }
            const { teamId, id: docId, excludeTeamMembers } = parsed.data as { teamId: string; id: string; excludeTeamMembers?: string };
            const document = await prisma.document.findUnique({ where: { id: docId, teamId } });
            return res.json({ document, excluded: excludeTeamMembers === "true" });
          }
        ` },
      },
    ],
  },
  {
    name: "accepted R25: the file's own zod import, and parsed2 where a parsed further down is taken",
    filename: "pages/api/teams/channels.ts",
    files: PRISMA,
    code: dedent`
      import type { NextApiRequest, NextApiResponse } from "next";
      import { z } from "zod";
      export default async function handler(req: NextApiRequest, res: NextApiResponse) {
        const { teamId } = req.query as { teamId: string };
        const team = await prisma.team.findUnique({ where: { id: teamId } });
        if (req.method === "POST") {
          const parsed = z.object({ channel: z.string() }).safeParse(req.body);
          if (!parsed.success) return res.status(400).json({ error: "Invalid channel" });
          return res.json({ team, channel: parsed.data.channel });
        }
        return res.json(team);
      }
    `,
    findings: [
      {
        case: "nextPagesRequest", line: 4, column: 22, endColumn: 31,
        validate: { title: "Validate req.query with Zod", output: dedent`
          import type { NextApiRequest, NextApiResponse } from "next";
          import { z } from "zod";
          const QuerySchema = z.object({ teamId: z.string() });

          export default async function handler(req: NextApiRequest, res: NextApiResponse) {
            const parsed2 = QuerySchema.safeParse(req.query);
            if (!parsed2.success) {
              res.status(400).json({ error: parsed2.error.issues });
              return;
            }
            const { teamId } = parsed2.data as { teamId: string };
            const team = await prisma.team.findUnique({ where: { id: teamId } });
            if (req.method === "POST") {
              const parsed = z.object({ channel: z.string() }).safeParse(req.body);
              if (!parsed.success) return res.status(400).json({ error: "Invalid channel" });
              return res.json({ team, channel: parsed.data.channel });
            }
            return res.json(team);
          }
        ` },
      },
    ],
  },
  {
    name: "accepted R76 and R64: a server action's id that reaches a Mongoose query stays z.string() (it blocks operator objects); one only stored gets the model's required",
    filename: "app/actions.ts",
    files: MONGOOSE,
    code: dedent`
      "use server";
      import Community from "@/models/community";
      export async function fetchCommunity(id: string) {
        return Community.findById(id);
      }
      export async function createCommunity(id: string) {
        return new Community({ id });
      }
    `,
    findings: [
      {
        case: "nextServerAction", line: 3, column: 38, endColumn: 40,
        validate: { title: "Validate id with Zod", output: dedent`
          "use server";
          import Community from "@/models/community";
          import { z } from "zod";
          const FetchCommunityInput = z.string();

          export async function fetchCommunity(rawId: string) {
            const id = FetchCommunityInput.parse(rawId);
            return Community.findById(id);
          }
          export async function createCommunity(id: string) {
            return new Community({ id });
          }
        ` },
      },
      {
        case: "nextServerAction", line: 6, column: 39, endColumn: 41,
        validate: { title: "Validate id with Zod as the Community model requires", output: dedent`
          "use server";
          import Community from "@/models/community";
          import { z } from "zod";
          export async function fetchCommunity(id: string) {
            return Community.findById(id);
          }
          const CreateCommunityInput = z.string().min(1);

          export async function createCommunity(rawId: string) {
            const id = CreateCommunityInput.parse(rawId);
            return new Community({ id });
          }
        ` },
      },
    ],
  },
  {
    name: "a server action's parameter of a type the fix cannot resolve (Tables<\"prices\">): no schema that would lose it",
    filename: "app/actions.ts",
    files: ZOD,
    code: dedent`
      "use server";
      import type { Tables } from "@/types_db";
      type Price = Tables<"prices">;
      export async function checkout(price: Price) {
        return stripe.checkout.sessions.create({ line_items: [{ price: price.id }], mode: price.type === "recurring" ? "subscription" : "payment" });
      }
    `,
    findings: [{ case: "nextServerAction", line: 4, column: 32, endColumn: 37 }],
  },
  {
    name: "a body handed whole to a React state setter (typed by useState<T>): no schema inferred from usage",
    filename: "components/status.tsx",
    files: ZOD,
    code: dedent`
      "use client";
      import { useState } from "react";
      export function useJob(id: string) {
        const [status, setStatus] = useState<JobStatus | null>(null);
        async function poll() {
          const res = await fetch(\`/api/jobs/\${id}\`);
          const data = await res.json();
          if (data.status === "done") setStatus(data);
        }
        return { status, poll };
      }
    `,
    findings: [{ case: "fetchJson", line: 7, column: 24, endColumn: 34 }],
  },
  {
    name: "zod not installed, the project validates with express-validator: no second validator",
    files: { "package.json": '{ "name": "app", "dependencies": { "express": "^4.18.0", "express-validator": "^7.0.0" }, "devDependencies": { "typescript": "^5.4.0" } }\n' },
    code: ROUTE,
    findings: [{ case: "expressBody", line: 4, column: 28, endColumn: 36 }],
  },
  {
    name: "zod not installed and TypeScript 4 (zod 4's types need TypeScript 5): no fix that adds zod",
    files: { "package.json": '{ "name": "app", "dependencies": { "express": "^4.18.0" }, "devDependencies": { "typescript": "~4.1.3" } }\n' },
    code: ROUTE,
    findings: [{ case: "expressBody", line: 4, column: 28, endColumn: 36 }],
  },
  {
    name: "zod not installed, TypeScript 5, no other validator: the fix says it adds zod",
    files: { "package.json": '{ "name": "app", "dependencies": { "express": "^4.18.0" }, "devDependencies": { "typescript": "^5.4.0" } }\n' },
    code: ROUTE,
    findings: [
      {
        case: "expressBody", line: 4, column: 28, endColumn: 36,
        validate: { title: "Validate req.body with Zod (adds the zod dependency)", output: dedent`
          import express from "express";
          import { z } from "zod";
          const app = express();
          const PostItemsBody = z.object({ title: z.string(), price: z.number() });

          app.post("/items", async (req, res) => {
            const parsed = PostItemsBody.safeParse(req.body);
            if (!parsed.success) {
              res.status(400).json({ error: parsed.error.issues });
              return;
            }
            const { title, price } = parsed.data as { title: string; price: number };
            await db.item.create({ data: { title: title.trim(), price: price * 100 } });
            res.sendStatus(201);
          });
        ` },
      },
    ],
  },
  {
    name: "the file's own schema for the declared type (type T = z.infer<typeof schema>) is reused, no new schema",
    filename: "pages/api/tags.ts",
    files: ZOD,
    code: dedent`
      import type { NextApiRequest, NextApiResponse } from "next";
      import { z } from "zod";
      const createTagSchema = z.object({ name: z.string().min(1), color: z.string() });
      type CreateTag = z.infer<typeof createTagSchema>;
      export default async function handler(req: NextApiRequest, res: NextApiResponse) {
        const { name, color } = req.body as CreateTag;
        const tag = await db.tag.create({ data: { name, color } });
        res.json(tag);
      }
    `,
    findings: [
      {
        case: "nextPagesRequest", line: 6, column: 27, endColumn: 35,
        validate: { title: "Validate req.body with createTagSchema", output: dedent`
          import type { NextApiRequest, NextApiResponse } from "next";
          import { z } from "zod";
          const createTagSchema = z.object({ name: z.string().min(1), color: z.string() });
          type CreateTag = z.infer<typeof createTagSchema>;
          export default async function handler(req: NextApiRequest, res: NextApiResponse) {
            const parsed = createTagSchema.safeParse(req.body);
            if (!parsed.success) {
              res.status(400).json({ error: parsed.error.issues });
              return;
            }
            const { name, color } = parsed.data as CreateTag;
            const tag = await db.tag.create({ data: { name, color } });
            res.json(tag);
          }
        ` },
      },
    ],
  },
  {
    name: "a server action's typed parameter with a schema of that name imported beside the type: the schema is reused",
    filename: "app/actions.ts",
    files: ZOD,
    code: dedent`
      "use server";
      import { UpdateProfileSchema, type UpdateProfile } from "@/lib/schemas";
      export async function updateProfile(input: UpdateProfile) {
        await db.profile.update({ where: { id: input.id }, data: input });
      }
    `,
    findings: [
      {
        case: "nextServerAction", line: 3, column: 37, endColumn: 42,
        validate: { title: "Validate input with UpdateProfileSchema", output: dedent`
          "use server";
          import { UpdateProfileSchema, type UpdateProfile } from "@/lib/schemas";
          export async function updateProfile(rawInput: UpdateProfile) {
            const input = UpdateProfileSchema.parse(rawInput);
            await db.profile.update({ where: { id: input.id }, data: input });
          }
        ` },
      },
    ],
  },
  {
    name: "a server action's path that reaches redirect(): the schema allows only a local path (no open redirect)",
    filename: "utils/auth/server.ts",
    files: ZOD,
    code: dedent`
      'use server';
      import { redirect } from 'next/navigation';

      export async function redirectToPath(path: string) {
        return redirect(path);
      }
    `,
    findings: [
      {
        case: "nextServerAction", line: 4, column: 38, endColumn: 42,
        validate: { title: "Validate path with Zod", output: dedent`
          'use server';
          import { redirect } from 'next/navigation';
          import { z } from 'zod';

          const RedirectToPathInput = z.string().regex(/^\\/(?![\\/\\\\])/);

          export async function redirectToPath(rawPath: string) {
            const path = RedirectToPathInput.parse(rawPath);
            return redirect(path);
          }
        ` },
      },
    ],
  },
  {
    name: "a query value handed to res.redirect: a local path",
    files: ZOD,
    code: dedent`
      import express from "express";
      const app = express();
      app.get("/login/done", (req, res) => {
        res.redirect(req.query.next);
      });
    `,
    findings: [
      {
        case: "expressQuery", line: 4, column: 16, endColumn: 25,
        validate: { title: "Validate req.query with Zod", output: dedent`
          import express from "express";
          import { z } from "zod";
          const app = express();
          const GetLoginDoneQuery = z.object({ next: z.string().regex(/^\\/(?![\\/\\\\])/) });

          app.get("/login/done", (req, res) => {
            const parsed = GetLoginDoneQuery.safeParse(req.query);
            if (!parsed.success) {
              res.status(400).json({ error: parsed.error.issues });
              return;
            }
            res.redirect(parsed.data.next);
          });
        ` },
      },
    ],
  },
  {
    name: "other reads use a key the declared type lacks (req.query.domain beside `as { teamId: string }`): no schema that strips it",
    filename: "pages/api/validate.ts",
    files: ZOD,
    code: dedent`
      import type { NextApiRequest, NextApiResponse } from "next";
      export default async function handler(req: NextApiRequest, res: NextApiResponse) {
        const { teamId } = req.query as { teamId: string };
        const rawDomain = Array.isArray(req.query.domain) ? req.query.domain[0] : req.query.domain;
        if (!teamId || !rawDomain) return res.status(400).json({ status: "invalid" });
        res.json(await db.domain.findFirst({ where: { teamId, slug: rawDomain } }));
      }
    `,
    findings: [{ case: "nextPagesRequest", line: 3, column: 22, endColumn: 31 }],
  },
  {
    name: "a handler that returns errorhandler(error, res) still answers through res: the 400 branch, not a throwing parse",
    filename: "pages/api/groups.ts",
    files: ZOD,
    code: dedent`
      import type { NextApiRequest, NextApiResponse } from "next";
      import { errorhandler } from "@/lib/errorHandler";
      export default async function handle(req: NextApiRequest, res: NextApiResponse) {
        const { teamId, id } = req.query as { teamId: string; id: string };
        try {
          const group = await db.group.findFirst({ where: { id, teamId } });
          return res.json(group);
        } catch (error) {
          return errorhandler(error, res);
        }
      }
    `,
    findings: [
      {
        case: "nextPagesRequest", line: 4, column: 26, endColumn: 35,
        validate: { title: "Validate req.query with Zod", output: dedent`
          import type { NextApiRequest, NextApiResponse } from "next";
          import { errorhandler } from "@/lib/errorHandler";
          import { z } from "zod";
          const HandleQuery = z.object({ teamId: z.string(), id: z.string() });

          export default async function handle(req: NextApiRequest, res: NextApiResponse) {
            const parsed = HandleQuery.safeParse(req.query);
            if (!parsed.success) {
              res.status(400).json({ error: parsed.error.issues });
              return;
            }
            const { teamId, id } = parsed.data as { teamId: string; id: string };
            try {
              const group = await db.group.findFirst({ where: { id, teamId } });
              return res.json(group);
            } catch (error) {
              return errorhandler(error, res);
            }
          }
        ` },
      },
    ],
  },
];

// This table is about the fix policy; unvalidated-boundary.test.ts exercises every case. The rule
// is run with only the cases these rows name declared, so a row that reports any other case fails
// (the engine stops a rule that reports an undeclared case) instead of passing unnoticed.
const named = new Set(rows.flatMap((r) => r.findings.map((f) => f.case)));
const policyRule = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(policyRule, { valid: [], invalid: rows.map(toCase) });

const AMBIENT = `
declare module "express" {
  export interface Request { body: any; query: any }
  export interface Response { status(code: number): Response; json(body: unknown): Response; sendStatus(code: number): Response; redirect(url: string): void }
  interface App { post(path: string, h: (req: Request, res: Response) => unknown): void; get(path: string, h: (req: Request, res: Response) => unknown): void }
  export default function express(): App;
}
declare module "next" {
  export interface NextApiRequest { body: any; query: Partial<Record<string, string | string[]>>; method?: string }
  export interface NextApiResponse { status(n: number): NextApiResponse; json(b: unknown): void; end(body?: string): void }
}
declare module "next/navigation" { export function redirect(url: string): never }
declare module "@/models/community" { const Community: any; export default Community; }
declare module "next-auth/next" { export function getServerSession(...args: unknown[]): Promise<unknown> }
declare const db: any, stripe: any, prisma: any, authOptions: unknown;
`;

describe("unvalidated-boundary fixes: the outputs above type-check", function () {
  this.timeout(120000);
  it("with zod 4 and with zod 3", () => {
    // Not the .tsx rows (no React types here) nor those importing project modules this check does not have.
    const outputs = rows.flatMap((r) => r.findings.flatMap((f) => (f.validate && !/\.tsx$/.test(r.filename ?? "") && !/@\/lib\/(?:schemas|errorHandler)/.test(r.code) ? [f.validate.output] : [])));
    assert.equal(outputs.length, 22);
    for (const major of ["zod", "zod/v3"]) {
      const files = Object.fromEntries(outputs.map((o, i) => [`out${i}.ts`, o.replace(/from (["'])zod\1/g, `from "${major}"`)]));
      assert.deepEqual(typecheck(files, { ambient: AMBIENT }), [], major);
    }
  });
});
