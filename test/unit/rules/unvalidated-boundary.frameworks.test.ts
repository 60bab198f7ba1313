import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// The file-routed frameworks and function runtimes the rule learnt in session 25: SvelteKit
// (endpoints, form actions, server load), Remix and React Router 7 route modules, Astro endpoints,
// Nuxt / Nitro / h3 event handlers and Firebase Cloud Functions (callables; onRequest is Express).
// Each is told by its file's place, its export and its imports, never by a parameter's name: the
// valid rows hold the look-alikes that must stay silent.

const ZOD_PACKAGE = "{ \"name\": \"app\", \"dependencies\": { \"zod\": \"^3.23.8\" } }\n";
const NUXT_ZOD_PACKAGE = "{ \"name\": \"app\", \"dependencies\": { \"nuxt\": \"^3.13.0\", \"zod\": \"^3.23.8\" } }\n";
const NUXT_PACKAGE = "{ \"name\": \"app\", \"dependencies\": { \"nuxt\": \"^3.13.0\" } }\n";
const FIREBASE_FUNCTIONS_ZOD_PACKAGE = "{ \"name\": \"functions\", \"dependencies\": { \"firebase-functions\": \"^6.0.0\", \"zod\": \"^3.23.8\" } }\n";
const FIREBASE_FUNCTIONS_PACKAGE = "{ \"name\": \"functions\", \"dependencies\": { \"firebase-functions\": \"^6.0.0\" } }\n";

const SVELTEKIT_1 = dedent`
  import { json } from "@sveltejs/kit";
  import type { RequestHandler } from "./$types";

  export const POST: RequestHandler = async ({ request }) => {
    const body = await request.json();
    await db.user.create({ data: { email: body.email.trim() } });
    return json({ ok: true });
  };
`;

const SVELTEKIT_2 = dedent`
  import { redirect } from "@sveltejs/kit";

  export const actions = {
    default: async ({ request }) => {
      const form = await request.formData();
      await db.user.create({ data: { email: form.get("email") } });
      redirect(303, "/");
    },
  };
`;

const SVELTEKIT_3 = dedent`
  export async function load(event) {
    const post = await db.post.findUnique({ where: { id: event.params.id } });
    return { post };
  }
`;

const SVELTEKIT_4 = dedent`
  export const GET = async ({ url }) => {
    const tag = url.searchParams.get("tag");
    return Response.json(await db.post.findMany({ where: { tag } }));
  };
`;

const SVELTEKIT_5 = dedent`
  import { json } from "@sveltejs/kit";
  import { z } from "zod";
  const NewUser = z.object({ email: z.string().email() });

  export const POST = async ({ request }) => {
    const body = NewUser.parse(await request.json());
    await db.user.create({ data: body });
    return json({ ok: true });
  };
`;

const SVELTEKIT_6 = dedent`
  export async function load({ params, fetch }) {
    const res = await fetch(\`/api/posts/\${params.id}\`);
    return { post: await res.json() };
  }
`;

const LOOKALIKE_1 = dedent`
  export const POST = async ({ request }) => {
    const data = await request.json();
    await db.cart.create({ data: { title: data.title } });
    return new Response("ok");
  };
`;

const REMIX_1 = dedent`
  import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";

  export async function loader({ params }: LoaderFunctionArgs) {
    return json(await db.note.findUnique({ where: { id: params.id } }));
  }

  export async function action({ request }: ActionFunctionArgs) {
    const body = await request.json();
    await db.note.update({ where: { id: body.id.trim() }, data: { title: body.title.trim() } });
    return json({ ok: true });
  }
`;

const REMIX_2 = dedent`
  import type { Route } from "./+types/search";

  export async function loader({ request }: Route.LoaderArgs) {
    const q = new URL(request.url).searchParams.get("q");
    return { items: await db.item.findMany({ where: { name: q } }) };
  }
`;

const REMIX_3 = dedent`
  import { z } from "zod";
  const NewNote = z.object({ title: z.string().min(1) });

  export async function action({ request }) {
    const note = NewNote.parse(await request.json());
    await db.note.create({ data: note });
    return null;
  }
`;

const LOOKALIKE_2 = dedent`
  export async function loader({ params }) {
    return db.note.findUnique({ where: { id: params.id } });
  }
`;

const ASTRO_1 = dedent`
  import type { APIRoute } from "astro";

  export const POST: APIRoute = async ({ request }) => {
    const body = await request.json();
    await db.item.create({ data: { name: body.name.trim() } });
    return new Response(null, { status: 201 });
  };
`;

const ASTRO_2 = dedent`
  import type { APIContext } from "astro";

  export async function DELETE({ params }: APIContext) {
    await db.item.delete({ where: { id: params.id } });
    return new Response(null, { status: 204 });
  }
`;

const ASTRO_3 = dedent`
  import type { APIRoute } from "astro";
  import { z } from "zod";
  const Item = z.object({ name: z.string() });

  export const POST: APIRoute = async ({ request }) => {
    const parsed = Item.safeParse(await request.json());
    if (!parsed.success) return new Response(null, { status: 400 });
    await db.item.create({ data: parsed.data });
    return new Response(null, { status: 201 });
  };
`;

const LOOKALIKE_3 = dedent`
  export const POST = async ({ request }) => {
    const body = await request.json();
    await db.item.create({ data: { name: body.name } });
    return new Response(null, { status: 201 });
  };
`;

const H3_1 = dedent`
  export default defineEventHandler(async (event) => {
    const body = await readBody(event);
    await db.item.create({ data: { name: body.name.trim() } });
    return { ok: true };
  });
`;

const H3_2 = dedent`
  import { defineEventHandler, getRouterParam } from "h3";

  export const getItem = defineEventHandler(async (event) => {
    const id = getRouterParam(event, "id");
    return db.item.findUnique({ where: { id } });
  });
`;

const H3_3 = dedent`
  export default defineEventHandler(async (event) => {
    const { params } = event.context;
    return db.item.findFirst({ where: { id: params.id } });
  });
`;

const H3_4 = dedent`
  import { z } from "zod";
  const Item = z.object({ name: z.string() });

  export default defineEventHandler(async (event) => {
    const body = await readValidatedBody(event, Item.parse);
    await db.item.create({ data: body });
    return { ok: true };
  });
`;

const LOOKALIKE_4 = dedent`
  const express = require("express");
  const router = express.Router();
  function readBody(req) { return req.rawBody; }
  router.post("/items", async function save(req, res) {
    const text = readBody(req);
    res.json(await Item.find({ text }));
  });
`;

const H3_LOOKALIKE_1 = dedent`
  import readBody from "~/server/lib/read-order";

  export default defineEventHandler(async (event) => {
    const body = await readBody(event);
    await db.item.create({ data: { name: body.name.trim() } });
    return { ok: true };
  });
`;

const H3_LOOKALIKE_2 = dedent`
  export default defineEventHandler(async (event) => {
    const text = toString(event);
    return db.item.findFirst({ where: { text } });
  });
`;

const H3_LOOKALIKE_3 = dedent`
  function readBody(event) {
    return event.context.cachedBody;
  }

  export default defineEventHandler(async (event) => {
    const body = await readBody(event);
    await db.item.create({ data: { name: body.name.trim() } });
    return { ok: true };
  });
`;

const FIREBASE_1 = dedent`
  import { onCall } from "firebase-functions/v2/https";

  export const addUser = onCall(async (request) => {
    await db.collection("users").add({ email: request.data.email.trim() });
    return { ok: true };
  });
`;

const FIREBASE_2 = dedent`
  const functions = require("firebase-functions/v1");

  exports.addMessage = functions.https.onCall(async (data, context) => {
    await admin.firestore().collection("messages").add({ text: data.text, uid: context.auth.uid });
    return { ok: true };
  });
`;

const FIREBASE_3 = dedent`
  const { onRequest } = require("firebase-functions/v2/https");

  exports.addItem = onRequest(async (request, resp) => {
    await admin.firestore().collection("items").add({ name: request.body.name });
    resp.json({ ok: true });
  });
`;

const FIREBASE_4 = dedent`
  import { onCall } from "firebase-functions/v2/https";
  import { z } from "zod";
  const NewUser = z.object({ email: z.string().email() });

  export const addUser = onCall(async (request) => {
    const data = NewUser.parse(request.data);
    await db.collection("users").add(data);
    return { ok: true };
  });
`;

const LOOKALIKE_5 = dedent`
  import { onCall } from "./rpc";

  export const addUser = onCall(async (request) => {
    await db.collection("users").add({ email: request.data.email });
  });
`;

const SVELTEKIT_7 = dedent`
  export const actions = {
    default: async ({ request }) => {
      const form = await request.formData();
      await db.subscriber.create({ data: { email: form.get("email") } });
      return { ok: true };
    },
  };
`;

const REMIX_4 = dedent`
  export async function action({ request }) {
    const updates = Object.fromEntries(await request.formData());
    await db.contact.create({ data: updates });
    return null;
  }
`;

const NEXT_1 = dedent`
  export async function POST(request: Request) {
    const form = await request.formData();
    await db.contact.create({ data: Object.fromEntries(form) });
    return Response.json({ ok: true });
  }
`;

const FIREBASE_5 = dedent`
  import { onCall } from "firebase-functions/v2/https";

  export const addUser = onCall(async ({ data, auth }) => {
    await db.collection("users").doc(auth.uid).set({ name: data.name });
  });
`;

const SVELTEKIT_8 = dedent`
  import { fail } from "@sveltejs/kit";
  import { superValidate } from "sveltekit-superforms";
  import { zod } from "sveltekit-superforms/adapters";

  export const actions = {
    default: async ({ request }) => {
      const form = await superValidate(request, zod(schema));
      if (!form.valid) return fail(400, { form });
      await db.user.create({ data: form.data });
    },
  };
`;

const REMIX_5 = dedent`
  import { parseWithZod } from "@conform-to/zod";

  export async function action({ request }) {
    const formData = await request.formData();
    const submission = parseWithZod(formData, { schema });
    if (submission.status !== "success") return submission.reply();
    await db.note.create({ data: submission.value });
    return null;
  }
`;

const ASTRO_4 = dedent`
  import type { APIRoute } from "astro";

  export const post: APIRoute = async ({ request }) => {
    const body = await request.json();
    await db.item.create({ data: { name: body.name } });
    return new Response(null, { status: 201 });
  };
`;

const ASTRO_5 = dedent`
  import type { APIRoute } from "astro";

  export const GET: APIRoute = async ({ request, url }) => {
    const decoded = verifyToken(request.headers.get("authorization") ?? "");
    if (!decoded) return new Response(null, { status: 401 });
    const authorUid = url.searchParams.get("authorUid");
    if (authorUid && authorUid !== decoded.uid) return new Response(null, { status: 403 });
    return Response.json(await db.article.findMany({ where: { authorUid: authorUid || decoded.uid } }));
  };
`;

const LOOKALIKE_6 = dedent`
  import express from "express";
  const app = express();
  app.get("/articles", async (req, res) => {
    const decoded = decodeToken(String(req.headers.authorization));
    const authorUid = req.query.authorUid;
    if (authorUid && authorUid !== decoded.uid) return res.status(403).end();
    res.json(await db.article.findMany({ where: { authorUid } }));
  });
`;

const ASTRO_6 = dedent`
  import type { APIRoute } from "astro";

  export const POST: APIRoute = async ({ request }) => {
    const formData = await request.formData();
    const file = formData.get("file") as File;
    if (!file) return new Response("Missing file", { status: 400 });
    const { error } = await supabase.storage.from("images").upload(crypto.randomUUID(), file);
    return new Response(error ? error.message : "ok", { status: error ? 500 : 200 });
  };
`;

const ASTRO_7 = dedent`
  import type { APIRoute } from "astro";

  export const POST: APIRoute = async ({ request }) => {
    const formData = await request.formData();
    const file = formData.get("file") as File;
    const path = formData.get("path") as string;
    const { error } = await supabase.storage.from("images").upload(path, file);
    return new Response(error ? error.message : "ok", { status: error ? 500 : 200 });
  };
`;

const valid: ValidCase[] = [
  { name: "SvelteKit +server.ts: the body parsed with a Zod schema", code: SVELTEKIT_5, filename: "src/routes/api/users/+server.ts", files: { "package.json": ZOD_PACKAGE } },
  { name: "SvelteKit universal load (+page.ts, not a server file): params are not read as server input", code: SVELTEKIT_6, filename: "src/routes/posts/[id]/+page.ts", files: { "package.json": ZOD_PACKAGE } },
  { name: "A file named server.ts under routes is no SvelteKit endpoint (only +server.ts is)", code: LOOKALIKE_1, filename: "src/routes/api/orders/server.ts", files: { "package.json": ZOD_PACKAGE } },
  { name: "Remix action: the body parsed with a Zod schema", code: REMIX_3, filename: "app/routes/notes.new.tsx", files: { "package.json": ZOD_PACKAGE } },
  { name: "A React Router SPA loader outside app/routes (browser code): not a server route", code: LOOKALIKE_2, filename: "src/routes/note.tsx", files: { "package.json": ZOD_PACKAGE } },
  { name: "Astro endpoint: the body checked with safeParse", code: ASTRO_3, filename: "src/pages/api/items.ts", files: { "package.json": ZOD_PACKAGE } },
  { name: "A verb export under src/pages without any sign of Astro is left alone", code: LOOKALIKE_3, filename: "src/pages/api/items.ts", files: { "package.json": ZOD_PACKAGE } },
  { name: "Nuxt server route: readValidatedBody with a Zod schema", code: H3_4, filename: "server/api/items.post.ts", files: { "package.json": NUXT_ZOD_PACKAGE } },
  { name: "An Express router under server/routes with its own readBody helper is not h3", code: LOOKALIKE_4, filename: "server/routes/items.js", files: { "package.json": ZOD_PACKAGE } },
  { name: "A Nuxt server route's readBody default-imported from a project module is not h3's", code: H3_LOOKALIKE_1, filename: "server/api/items.post.ts", files: { "package.json": NUXT_ZOD_PACKAGE } },
  { name: "A global toString(event) in a Nuxt server route is no h3 read (a name of Object.prototype)", code: H3_LOOKALIKE_2, filename: "server/api/items.get.ts", files: { "package.json": NUXT_ZOD_PACKAGE } },
  { name: "A Nuxt server route's own readBody function (auto-imports on) is not h3's", code: H3_LOOKALIKE_3, filename: "server/api/items.post.ts", files: { "package.json": NUXT_ZOD_PACKAGE } },
  { name: "Firebase callable: request.data parsed with a Zod schema", code: FIREBASE_4, filename: "functions/src/index.ts", files: { "package.json": FIREBASE_FUNCTIONS_ZOD_PACKAGE } },
  { name: "An onCall of another library (no firebase-functions import) is left alone", code: LOOKALIKE_5, filename: "src/bus.ts", files: { "package.json": ZOD_PACKAGE } },
  { name: "SvelteKit form action: the form checked by sveltekit-superforms with a Zod adapter", code: SVELTEKIT_8, filename: "src/routes/signup/+page.server.ts", files: { "package.json": ZOD_PACKAGE } },
  { name: "Remix action: the form parsed by Conform's parseWithZod", code: REMIX_5, filename: "app/routes/notes.new.tsx", files: { "package.json": ZOD_PACKAGE } },
  { name: "Astro endpoint: a query id let through only when it equals the verified token's uid", code: ASTRO_5, filename: "src/pages/api/articles.ts", files: { "package.json": ZOD_PACKAGE } },
  { name: "Astro endpoint: an uploaded File handed to Supabase Storage as the object's content, under a server-made path", code: ASTRO_6, filename: "src/pages/api/upload.ts", files: { "package.json": ZOD_PACKAGE } },
];

const invalid: InvalidCase[] = [
  {
    name: "SvelteKit +server.ts: the POST body read with request.json() into a database call",
    code: SVELTEKIT_1,
    filename: "src/routes/api/users/+server.ts",
    files: { "package.json": ZOD_PACKAGE },
    findings: [
      { case: "sveltekitRequest", line: 5, column: 22, endColumn: 36, suggestions: [{ title: "Validate request.json() with Zod", output: dedent`
          import { json } from "@sveltejs/kit";
          import type { RequestHandler } from "./$types";
          import { z } from "zod";

          const PostBody = z.object({ email: z.string() });

          export const POST: RequestHandler = async ({ request }) => {
            const parsed = PostBody.safeParse(await request.json());
            if (!parsed.success) return Response.json({ error: parsed.error.issues }, { status: 400 });
            const body = parsed.data;
            await db.user.create({ data: { email: body.email.trim() } });
            return json({ ok: true });
          };
        ` }, mark(SVELTEKIT_1, "sveltekitRequest", 5)] },
    ],
    output: null,
  },
  {
    name: "SvelteKit form action: a form field into a database call; the fix answers fail(400) and imports fail",
    code: SVELTEKIT_2,
    filename: "src/routes/signup/+page.server.ts",
    files: { "package.json": ZOD_PACKAGE },
    findings: [
      { case: "sveltekitRequest", line: 6, column: 43, endColumn: 60, suggestions: [{ title: "Validate form.get(\"email\") with Zod", output: dedent`
          import { redirect, fail } from "@sveltejs/kit";
          import { z } from "zod";

          const EmailField = z.string();

          export const actions = {
            default: async ({ request }) => {
              const form = await request.formData();
              const parsed = EmailField.safeParse(form.get("email"));
              if (!parsed.success) return fail(400, { error: parsed.error.issues });
              await db.user.create({ data: { email: parsed.data } });
              redirect(303, "/");
            },
          };
        ` }, mark(SVELTEKIT_2, "sveltekitRequest", 6)] },
    ],
    output: null,
  },
  {
    name: "SvelteKit server load: the route's params into a database lookup (event.params)",
    code: SVELTEKIT_3,
    filename: "src/routes/posts/[id]/+page.server.ts",
    files: { "package.json": ZOD_PACKAGE },
    findings: [
      { case: "sveltekitRequest", line: 2, column: 56, endColumn: 68, suggestions: [{ title: "Validate event.params with Zod", output: dedent`
          import { z } from "zod";

          const LoadParams = z.object({ id: z.string() });

          export async function load(event) {
            const post = await db.post.findUnique({ where: { id: LoadParams.parse(event.params).id } });
            return { post };
          }
        ` }, mark(SVELTEKIT_3, "sveltekitRequest", 2)] },
    ],
    output: null,
  },
  {
    name: "SvelteKit +server.ts GET: url.searchParams.get() raw as a query filter",
    code: SVELTEKIT_4,
    filename: "src/routes/api/search/+server.ts",
    files: { "package.json": ZOD_PACKAGE },
    findings: [
      { case: "sveltekitRequest", line: 2, column: 15, endColumn: 42, suggestions: [mark(SVELTEKIT_4, "sveltekitRequest", 2)] },
    ],
    output: null,
  },
  {
    name: "Remix route action: the JSON body into a database call; loader: params.id into a lookup",
    code: REMIX_1,
    filename: "app/routes/notes.$id.tsx",
    files: { "package.json": ZOD_PACKAGE },
    findings: [
      { case: "remixRequest", line: 4, column: 55, endColumn: 61, suggestions: [{ title: "Validate params with Zod", output: dedent`
          import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
          import { z } from "zod";

          const LoaderParams = z.object({ id: z.string() });

          export async function loader({ params }: LoaderFunctionArgs) {
            const parsed = LoaderParams.safeParse(params);
            if (!parsed.success) return Response.json({ error: parsed.error.issues }, { status: 400 });
            return json(await db.note.findUnique({ where: { id: parsed.data.id } }));
          }

          export async function action({ request }: ActionFunctionArgs) {
            const body = await request.json();
            await db.note.update({ where: { id: body.id.trim() }, data: { title: body.title.trim() } });
            return json({ ok: true });
          }
        ` }, mark(REMIX_1, "remixRequest", 4)] },
      { case: "remixRequest", line: 8, column: 22, endColumn: 36, suggestions: [{ title: "Validate request.json() with Zod", output: dedent`
          import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
          import { z } from "zod";

          export async function loader({ params }: LoaderFunctionArgs) {
            return json(await db.note.findUnique({ where: { id: params.id } }));
          }

          const ActionBody = z.object({ id: z.string(), title: z.string() });

          export async function action({ request }: ActionFunctionArgs) {
            const parsed = ActionBody.safeParse(await request.json());
            if (!parsed.success) return Response.json({ error: parsed.error.issues }, { status: 400 });
            const body = parsed.data;
            await db.note.update({ where: { id: body.id.trim() }, data: { title: body.title.trim() } });
            return json({ ok: true });
          }
        ` }, mark(REMIX_1, "remixRequest", 8)] },
    ],
    output: null,
  },
  {
    name: "React Router 7 route module (./+types import): the search params of the request URL into a query",
    code: REMIX_2,
    filename: "app/pages/search.tsx",
    files: { "package.json": ZOD_PACKAGE },
    findings: [
      { case: "remixRequest", line: 4, column: 13, endColumn: 55, suggestions: [mark(REMIX_2, "remixRequest", 4)] },
    ],
    output: null,
  },
  {
    name: "Astro endpoint: the JSON body into a database call",
    code: ASTRO_1,
    filename: "src/pages/api/items.ts",
    files: { "package.json": ZOD_PACKAGE },
    findings: [
      { case: "astroRequest", line: 4, column: 22, endColumn: 36, suggestions: [{ title: "Validate request.json() with Zod", output: dedent`
          import type { APIRoute } from "astro";
          import { z } from "zod";

          const PostBody = z.object({ name: z.string() });

          export const POST: APIRoute = async ({ request }) => {
            const parsed = PostBody.safeParse(await request.json());
            if (!parsed.success) return Response.json({ error: parsed.error.issues }, { status: 400 });
            const body = parsed.data;
            await db.item.create({ data: { name: body.name.trim() } });
            return new Response(null, { status: 201 });
          };
        ` }, mark(ASTRO_1, "astroRequest", 4)] },
    ],
    output: null,
  },
  {
    name: "Astro endpoint: a dynamic route's params into a delete",
    code: ASTRO_2,
    filename: "src/pages/api/items/[id].ts",
    files: { "package.json": ZOD_PACKAGE },
    findings: [
      { case: "astroRequest", line: 4, column: 39, endColumn: 45, suggestions: [{ title: "Validate params with Zod", output: dedent`
          import type { APIContext } from "astro";
          import { z } from "zod";

          const DeleteParams = z.object({ id: z.string() });

          export async function DELETE({ params }: APIContext) {
            const parsed = DeleteParams.safeParse(params);
            if (!parsed.success) return Response.json({ error: parsed.error.issues }, { status: 400 });
            await db.item.delete({ where: { id: parsed.data.id } });
            return new Response(null, { status: 204 });
          }
        ` }, mark(ASTRO_2, "astroRequest", 4)] },
    ],
    output: null,
  },
  {
    name: "Nuxt server route: readBody(event) into a database call (auto-imported h3)",
    code: H3_1,
    filename: "server/api/items.post.ts",
    files: { "package.json": NUXT_ZOD_PACKAGE },
    findings: [
      { case: "h3Event", line: 2, column: 22, endColumn: 37, suggestions: [{ title: "Validate readBody(event) with Zod", output: dedent`
          import { z } from "zod";

          const BodySchema = z.object({ name: z.string() });

          export default defineEventHandler(async (event) => {
            const parsed = BodySchema.safeParse(await readBody(event));
            if (!parsed.success) throw createError({ statusCode: 400, data: parsed.error.issues });
            const body = parsed.data;
            await db.item.create({ data: { name: body.name.trim() } });
            return { ok: true };
          });
        ` }, mark(H3_1, "h3Event", 2)] },
    ],
    output: null,
  },
  {
    name: "h3 app: getRouterParam into a lookup; the fix imports createError from h3",
    code: H3_2,
    filename: "src/routes/item.ts",
    files: { "package.json": ZOD_PACKAGE },
    findings: [
      { case: "h3Event", line: 4, column: 14, endColumn: 41, suggestions: [mark(H3_2, "h3Event", 4)] },
    ],
    output: null,
  },
  {
    name: "Nuxt server route: event.context.params destructured, an id into a lookup",
    code: H3_3,
    filename: "server/api/items/[id].get.ts",
    files: { "package.json": NUXT_PACKAGE },
    findings: [
      { case: "h3Event", line: 2, column: 11, endColumn: 17, suggestions: [mark(H3_3, "h3Event", 2)] },
    ],
    output: null,
  },
  {
    name: "Firebase v2 callable: request.data into Firestore; the fix throws HttpsError, imported beside onCall",
    code: FIREBASE_1,
    filename: "functions/src/index.ts",
    files: { "package.json": FIREBASE_FUNCTIONS_ZOD_PACKAGE },
    findings: [
      { case: "firebaseCallable", line: 4, column: 45, endColumn: 57, suggestions: [{ title: "Validate request.data with Zod", output: dedent`
          import { onCall, HttpsError } from "firebase-functions/v2/https";
          import { z } from "zod";

          const DataSchema = z.object({ email: z.string() });

          export const addUser = onCall(async (request) => {
            const parsed = DataSchema.safeParse(request.data);
            if (!parsed.success) throw new HttpsError("invalid-argument", "Invalid data", parsed.error.issues);
            await db.collection("users").add({ email: parsed.data.email.trim() });
            return { ok: true };
          });
        ` }, mark(FIREBASE_1, "firebaseCallable", 4)] },
    ],
    output: null,
  },
  {
    name: "Firebase v1 callable: the data parameter, reported at its first read",
    code: FIREBASE_2,
    filename: "functions/index.js",
    files: { "package.json": FIREBASE_FUNCTIONS_PACKAGE },
    findings: [
      { case: "firebaseCallable", line: 4, column: 62, endColumn: 66, suggestions: [mark(FIREBASE_2, "firebaseCallable", 4)] },
    ],
    output: null,
  },
  {
    name: "Firebase onRequest: Express's request, whatever its name (expressBody)",
    code: FIREBASE_3,
    filename: "functions/index.js",
    files: { "package.json": FIREBASE_FUNCTIONS_PACKAGE },
    findings: [
      { case: "expressBody", line: 4, column: 59, endColumn: 71, suggestions: [mark(FIREBASE_3, "expressBody", 4)] },
    ],
    output: null,
  },
  {
    name: "SvelteKit form action in a module without imports: fail and z imported together",
    code: SVELTEKIT_7,
    filename: "src/routes/newsletter/+page.server.js",
    files: { "package.json": ZOD_PACKAGE },
    findings: [
      { case: "sveltekitRequest", line: 4, column: 49, endColumn: 66, suggestions: [{ title: "Validate form.get(\"email\") with Zod", output: dedent`
          import { fail } from "@sveltejs/kit";
          import { z } from "zod";

          const EmailField = z.string();

          export const actions = {
            default: async ({ request }) => {
              const form = await request.formData();
              const parsed = EmailField.safeParse(form.get("email"));
              if (!parsed.success) return fail(400, { error: parsed.error.issues });
              await db.subscriber.create({ data: { email: parsed.data } });
              return { ok: true };
            },
          };
        ` }, mark(SVELTEKIT_7, "sveltekitRequest", 4)] },
    ],
    output: null,
  },
  {
    name: "Remix action: Object.fromEntries of the form, handed whole to a database call",
    code: REMIX_4,
    filename: "app/routes/contacts.new.tsx",
    files: { "package.json": ZOD_PACKAGE },
    findings: [
      { case: "remixRequest", line: 2, column: 44, endColumn: 62, suggestions: [mark(REMIX_4, "remixRequest", 2)] },
    ],
    output: null,
  },
  {
    name: "Next.js route handler: Object.fromEntries of the form (used whole, as the docs say) into a database call",
    code: NEXT_1,
    filename: "app/api/contacts/route.ts",
    files: { "package.json": ZOD_PACKAGE },
    findings: [
      { case: "nextAppRequest", line: 2, column: 22, endColumn: 40, suggestions: [mark(NEXT_1, "nextAppRequest", 2)] },
    ],
    output: null,
  },
  {
    name: "Firebase v2 callable: { data } destructured from the request",
    code: FIREBASE_5,
    filename: "functions/src/index.ts",
    files: { "package.json": FIREBASE_FUNCTIONS_PACKAGE },
    findings: [
      { case: "firebaseCallable", line: 3, column: 40, endColumn: 44, suggestions: [mark(FIREBASE_5, "firebaseCallable", 3)] },
    ],
    output: null,
  },
  {
    name: "Astro 2 endpoint (lower-case verb, APIRoute type): the body into a database call",
    code: ASTRO_4,
    filename: "src/pages/api/legacy.ts",
    files: { "package.json": ZOD_PACKAGE },
    findings: [
      { case: "astroRequest", line: 4, column: 22, endColumn: 36, suggestions: [mark(ASTRO_4, "astroRequest", 4)] },
    ],
    output: null,
  },
  {
    name: "Express: the same comparison with a payload only decoded, its signature unchecked, checks nothing",
    code: LOOKALIKE_6,
    filename: "src/app.ts",
    files: { "package.json": ZOD_PACKAGE },
    findings: [
      { case: "expressQuery", line: 5, column: 21, endColumn: 30, suggestions: [{ title: "Validate req.query with Zod", output: dedent`
          import express from "express";
          import { z } from "zod";
          const app = express();
          const GetArticlesQuery = z.object({ authorUid: z.string().optional() });

          app.get("/articles", async (req, res) => {
            const decoded = decodeToken(String(req.headers.authorization));
            const parsed = GetArticlesQuery.safeParse(req.query);
            if (!parsed.success) {
              res.status(400).json({ error: parsed.error.issues });
              return;
            }
            const authorUid = parsed.data.authorUid;
            if (authorUid && authorUid !== decoded.uid) return res.status(403).end();
            res.json(await db.article.findMany({ where: { authorUid } }));
          });
        ` }, mark(LOOKALIKE_6, "expressQuery", 5)] },
    ],
    output: null,
  },
  {
    name: "Astro endpoint: the object path taken from the form is a path",
    code: ASTRO_7,
    filename: "src/pages/api/upload.ts",
    files: { "package.json": ZOD_PACKAGE },
    findings: [
      { case: "astroRequest", line: 6, column: 16, endColumn: 36, suggestions: [{ title: "Validate formData.get(\"path\") with Zod", output: dedent`
          import type { APIRoute } from "astro";
          import { z } from "zod";

          const PostPathField = z.string();

          export const POST: APIRoute = async ({ request }) => {
            const formData = await request.formData();
            const file = formData.get("file") as File;
            const parsed = PostPathField.safeParse(formData.get("path"));
            if (!parsed.success) return Response.json({ error: parsed.error.issues }, { status: 400 });
            const path = parsed.data as string;
            const { error } = await supabase.storage.from("images").upload(path, file);
            return new Response(error ? error.message : "ok", { status: error ? 500 : 200 });
          };
        ` }, mark(ASTRO_7, "astroRequest", 6)] },
    ],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
