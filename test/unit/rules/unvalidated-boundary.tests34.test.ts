import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 34, developer ub34a: string tests that check nothing. A substring test of a body field decides nothing of
// its shape (an array holding "@" passes `.includes("@")`), and a prefix test that only picks a branch of a
// conditional expression rejects no value. Hand-written analogues of held round 37's decided misses (a newsletter
// signup, rt-app's Twilio webhook; retired to tune), in other frameworks and shapes.

const EXPRESS = { "package.json": '{ "dependencies": { "express": "^4.19.0", "joi": "^17.13.0" } }' };

// Express: a body field only substring-tested, then stored.
const SIGNUP = dedent`
  const express = require("express");
  const db = require("./db");
  const app = express();
  app.post("/waitlist", async (req, res) => {
    const { contact } = req.body;
    if (!contact || !contact.includes("@")) return res.status(400).json({ error: "contact" });
    await db.waitlist.create({ data: { contact } });
    res.status(201).end();
  });
`;

// Express: a body field only substring-tested to pick a label, and echoed back: only a boolean comes out of the test.
const REGION = dedent`
  const express = require("express");
  const app = express();
  app.post("/region", (req, res) => {
    const { region } = req.body;
    const zone = region.includes("eu") ? "EU" : "US";
    res.json({ region, zone });
  });
`;

// Next.js: a query value whose prefix test only picks how to format it; both branches go into a PostgREST filter string.
const lookup = (test: string): string => dedent`
  import { NextResponse } from "next/server";
  import { createClient } from "@supabase/supabase-js";
  const supabase = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!);
  export async function GET(req: Request) {
    const phone = new URL(req.url).searchParams.get("phone");
    ${test}
    const e164 = phone.startsWith("+") ? phone : \`+\${phone}\`;
    const { data } = await supabase.from("leads").select("id").or(\`phone.eq.\${e164},alt_phone.eq.\${e164}\`).limit(1);
    return NextResponse.json(data);
  }
`;
const PRESENT = 'if (!phone) return NextResponse.json({ error: "phone" }, { status: 400 });';
const CHECKED = 'if (!phone || !/^\\+?\\d{6,15}$/.test(phone)) return NextResponse.json({ error: "phone" }, { status: 400 });';
const NEXT = { "package.json": '{ "dependencies": { "next": "^15.0.0", "@supabase/supabase-js": "^2.45.0", "joi": "^17.13.0" } }' };

const valid: ValidCase[] = [
  { name: "a field only substring-tested to pick a label and echoed back", code: REGION, filename: "src/region.js", files: EXPRESS },
  { name: "the phone checked by a regex first: the prefix test after it only formats a checked value", code: lookup(CHECKED), filename: "app/api/leads/route.ts", files: NEXT },
];

const invalid: InvalidCase[] = [
  {
    name: "a body field only tested with includes(\"@\"), then stored: reported",
    code: SIGNUP,
    filename: "src/signup.js",
    files: EXPRESS,
    findings: [{ case: "expressBody", line: 5, column: 23, endColumn: 31, suggestions: [mark(SIGNUP, "expressBody", 5)] }],
    output: null,
  },
  {
    name: "a prefix test that only picks a branch of a conditional: both branches go into the SQL text, reported",
    code: lookup(PRESENT),
    filename: "app/api/leads/route.ts",
    files: NEXT,
    findings: [{ case: "nextAppRequest", line: 5, column: 17, endColumn: 59, suggestions: [mark(lookup(PRESENT), "nextAppRequest", 5)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
