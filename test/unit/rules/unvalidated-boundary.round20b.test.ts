import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Classes found on the retired held round 19 (issue 11, session 20): hand-written analogues of
// webhook routes and server actions, not the repositories' code.

// A webhook's form fields stored only as column values of a supabase-js insert: no query, key or path.
const FORM_COLUMNS = dedent`
  import { NextResponse } from "next/server";
  import { createClient } from "@/lib/supabase/server";
  export async function POST(request: Request) {
    const form = await request.formData();
    const sid = form.get("MessageSid") as string;
    const status = form.get("MessageStatus") as string;
    const supabase = await createClient();
    await supabase.from("delivery_events").insert({ sid, status: status === "undelivered" ? "failed" : status });
    return NextResponse.json({ ok: true });
  }
`;

// A form field kept in the changes handed to the project's own write function: a stored column value.
const FORM_CHANGES = dedent`
  import { NextResponse } from "next/server";
  import { updateSession } from "@/lib/sessions";
  export async function POST(request: Request) {
    const form = await request.formData();
    const speech = form.get("SpeechResult") as string;
    const transcript = \`Caller: \${speech}\`;
    await updateSession("fixed-session", { transcript, state: "open" });
    return NextResponse.json({ ok: true });
  }
`;

// The same query value as a supabase-js update's column, the row picked by a constant.
const QUERY_COLUMN_UPDATE = dedent`
  import { NextResponse } from "next/server";
  import { createClient } from "@/lib/supabase/server";
  export async function GET(request: Request) {
    const label = new URL(request.url).searchParams.get("label");
    const supabase = await createClient();
    await supabase.from("settings").update({ label }).eq("id", 1);
    return NextResponse.json({ ok: true });
  }
`;

// A destructured field only logged (in a text, behind a fallback) and echoed back in the answer: no use (the docs).
const LOGGED_ECHOED = dedent`
  export default async function handler(req: Request): Promise<Response> {
    const body = await req.json();
    const { region } = body;
    console.log(\`purge requested for \${region || "all"}\`);
    return new Response(JSON.stringify({ ok: true, message: \`Purge queued for \${region || "every region"}\` }), { status: 200 });
  }
`;

// The same field also handed to a function the rule cannot see into: the destructuring stays the use.
const LOGGED_AND_PASSED = dedent`
  import { schedulePurge } from "purge-queue";
  export default async function handler(req: Request): Promise<Response> {
    const body = await req.json();
    const { region } = body;
    console.log(\`purge requested for \${region || "all"}\`);
    await schedulePurge(region);
    return new Response(JSON.stringify({ ok: true }), { status: 200 });
  }
`;

// One field read into a local, only logged and echoed: the same as destructuring it.
const LOCAL_LOGGED = dedent`
  export default async function handler(req: Request): Promise<Response> {
    const body = await req.json();
    const region = body.region;
    console.log(\`purge requested for \${region ?? "all"}\`);
    return new Response(JSON.stringify({ ok: true, region }), { status: 200 });
  }
`;

const valid: ValidCase[] = [
  { name: "form fields stored only as column values of a supabase-js insert", code: FORM_COLUMNS, filename: "app/api/hooks/status/route.ts" },
  { name: "a form field in the changes handed to the project's write function (a stored column value)", code: FORM_CHANGES, filename: "app/api/hooks/speech/route.ts" },
  { name: "a query value as the column of a supabase-js update whose row is fixed", code: QUERY_COLUMN_UPDATE, filename: "app/api/settings/route.ts" },
  { name: "a destructured body field only logged and echoed back in the answer", code: LOGGED_ECHOED, filename: "api/purge.ts" },
  { name: "one body field read into a local, only logged and echoed back", code: LOCAL_LOGGED, filename: "api/purge.ts" },
];

// The form field used as a filter stays a use (reported at its form.get(…)).
const FORM_FILTER = dedent`
  import { NextResponse } from "next/server";
  import { createClient } from "@/lib/supabase/server";
  export async function POST(request: Request) {
    const form = await request.formData();
    const from = form.get("From") as string;
    const body = form.get("Body") as string;
    const supabase = await createClient();
    const { data } = await supabase.from("contacts").select("*").eq("phone", from).limit(1);
    await supabase.from("messages").insert({ text: body, contact: data?.[0]?.id ?? null });
    return NextResponse.json({ ok: true });
  }
`;

// A value at a key named for the row's key, in the object handed to the project's update function: it picks the row.
const FORM_ROW_KEY = dedent`
  import { NextResponse } from "next/server";
  import { updateSession } from "@/lib/sessions";
  export async function POST(request: Request) {
    const form = await request.formData();
    const id = form.get("id") as string;
    await updateSession(null, { id, state: "closed" });
    return NextResponse.json({ ok: true });
  }
`;

// A remote answer's text stored as a column stays a use: nobody checked what came back.
const REPLY_COLUMN = dedent`
  import { createClient } from "@supabase/supabase-js";
  const supabase = createClient("https://x.supabase.co", "anon");
  export async function summarize(ticketId: string, key: string) {
    const res = await fetch("https://ai.example.com/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${key}\` } });
    const data = await res.json();
    const text = data.choices?.[0]?.message?.content?.trim();
    await supabase.from("comments").insert({ ticket_id: ticketId, body: \`Summary: \${text}\` });
  }
`;

// A server action's string argument stored raw stays a use (the docs report it, with no Zod fix when the model states nothing).
const ACTION_COLUMN = dedent`
  "use server";
  import { createClient } from "@supabase/supabase-js";
  const supabase = createClient("https://x.supabase.co", "service");
  export async function addNote(leadId: string) {
    await supabase.from("notes").insert({ lead_id: leadId, body: "created" });
  }
`;

const invalid: InvalidCase[] = [
  {
    name: "form: a field used as a filter, another stored as a column value",
    code: FORM_FILTER,
    filename: "app/api/hooks/incoming/route.ts",
    findings: [{ case: "nextAppRequest", line: 5, column: 16, endColumn: 32, suggestions: [{ title: 'Validate form.get("From") with Zod (adds the zod dependency)', output: dedent`
        import { NextResponse } from "next/server";
        import { createClient } from "@/lib/supabase/server";
        import { z } from "zod";
        const PostFromField = z.string();

        export async function POST(request: Request) {
          const form = await request.formData();
          const parsed = PostFromField.safeParse(form.get("From"));
          if (!parsed.success) return NextResponse.json({ error: parsed.error.issues }, { status: 400 });
          const from = parsed.data as string;
          const body = form.get("Body") as string;
          const supabase = await createClient();
          const { data } = await supabase.from("contacts").select("*").eq("phone", from).limit(1);
          await supabase.from("messages").insert({ text: body, contact: data?.[0]?.id ?? null });
          return NextResponse.json({ ok: true });
        }
      ` }, mark(FORM_FILTER, "nextAppRequest", 5)] }],
    output: null,
  },
  {
    name: "form: a value at the id key of the object the project's update function takes",
    code: FORM_ROW_KEY,
    filename: "app/api/hooks/close/route.ts",
    findings: [{ case: "nextAppRequest", line: 5, column: 14, endColumn: 28, suggestions: [{ title: 'Validate form.get("id") with Zod (adds the zod dependency)', output: dedent`
        import { NextResponse } from "next/server";
        import { updateSession } from "@/lib/sessions";
        import { z } from "zod";
        const PostIdField = z.string();

        export async function POST(request: Request) {
          const form = await request.formData();
          const parsed = PostIdField.safeParse(form.get("id"));
          if (!parsed.success) return NextResponse.json({ error: parsed.error.issues }, { status: 400 });
          const id = parsed.data as string;
          await updateSession(null, { id, state: "closed" });
          return NextResponse.json({ ok: true });
        }
      ` }, mark(FORM_ROW_KEY, "nextAppRequest", 5)] }],
    output: null,
  },
  {
    name: "a destructured body field logged, and handed to a function of a package",
    code: LOGGED_AND_PASSED,
    filename: "api/purge.ts",
    findings: [{ case: "webRequest", line: 3, column: 22, endColumn: 32, suggestions: [{ title: "Validate req.json() with Zod (adds the zod dependency)", output: dedent`
        import { schedulePurge } from "purge-queue";
        import { z } from "zod";
        const BodySchema = z.object({ region: z.string().nullish() });

        export default async function handler(req: Request): Promise<Response> {
          const parsed = BodySchema.safeParse(await req.json());
          if (!parsed.success) return Response.json({ error: parsed.error.issues }, { status: 400 });
          const body = parsed.data;
          const { region } = body;
          console.log(\`purge requested for \${region || "all"}\`);
          await schedulePurge(region);
          return new Response(JSON.stringify({ ok: true }), { status: 200 });
        }
      ` }, mark(LOGGED_AND_PASSED, "webRequest", 3)] }],
    output: null,
  },
  {
    name: "a remote answer's text stored as a column value",
    code: REPLY_COLUMN,
    filename: "src/summarize.ts",
    findings: [{ case: "fetchJson", line: 5, column: 22, endColumn: 32, suggestions: [{ title: "Validate res.json() with Zod (adds the zod dependency)", output: dedent`
        import { createClient } from "@supabase/supabase-js";
        import { z } from "zod";
        const supabase = createClient("https://x.supabase.co", "anon");
        const SummarizeResponse = z.object({
          choices: z.array(z.object({ message: z.object({ content: z.string().nullish() }).nullish() })),
        });

        export async function summarize(ticketId: string, key: string) {
          const res = await fetch("https://ai.example.com/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${key}\` } });
          const data = SummarizeResponse.parse(await res.json());
          const text = data.choices?.[0]?.message?.content?.trim();
          await supabase.from("comments").insert({ ticket_id: ticketId, body: \`Summary: \${text}\` });
        }
      ` }, mark(REPLY_COLUMN, "fetchJson", 5)] }],
    output: null,
  },
  {
    name: "a server action's string argument stored as a column value",
    code: ACTION_COLUMN,
    filename: "app/actions.ts",
    findings: [{ case: "nextServerAction", line: 4, column: 31, endColumn: 37, suggestions: [{ title: "Validate leadId with Zod (adds the zod dependency)", output: dedent`
        "use server";
        import { createClient } from "@supabase/supabase-js";
        import { z } from "zod";
        const supabase = createClient("https://x.supabase.co", "service");
        const AddNoteInput = z.string();

        export async function addNote(rawLeadId: string) {
          const leadId = AddNoteInput.parse(rawLeadId);
          await supabase.from("notes").insert({ lead_id: leadId, body: "created" });
        }
      ` }, mark(ACTION_COLUMN, "nextServerAction", 4)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
