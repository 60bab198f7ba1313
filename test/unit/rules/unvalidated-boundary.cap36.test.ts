import rule from "../../../src/rules/unvalidated-boundary/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 36, developer capcls36: production CapSoftware/Cap (eval/production, seed 20261361),
// hand-written analogues. A password's hashing or check imported from a database package's crypto
// module (`import { hashPassword } from "@cap/database/crypto"`) reads or writes no row: the
// `typeof`-checked password only hashed before the write is no database call's input. A data
// function imported from the same package stays one. An optional field's own check (`input.public !==
// undefined && typeof input.public !== "boolean"`) decides the field like an unconditional `typeof` exit:
// the comparison with `undefined` is part of the check, not a use.

const NEXT = { "package.json": '{ "name": "web", "dependencies": { "next": "15.0.0", "drizzle-orm": "0.36.0" } }\n' };

const SET_PASSWORD = dedent`
  "use server";
  import { db } from "@cap/database";
  import { hashPassword } from "@cap/database/crypto";
  import { videos } from "@cap/database/schema";
  import { eq } from "drizzle-orm";

  export async function setVideoPassword(password: string) {
    const user = await getCurrentUser();
    if (!user || typeof password !== "string") throw new Error("Missing required data");
    const hashed = await hashPassword(password);
    await db().update(videos).set({ password: hashed }).where(eq(videos.ownerId, user.id));
    return { success: true };
  }
`;
// Another style: an arrow action that checks a PIN with the package's \`verifyPin\`, imported under another name.
const CHECK_PIN = dedent`
  "use server";
  import { verifyPin as matches } from "@acme/db/crypto";

  export const unlock = async (pin: string) => {
    const session = await auth();
    if (typeof pin !== "string") return { ok: false };
    const ok = await matches(pin, session.user.pinHash);
    return { ok };
  };
`;
const STORE_PASSWORD = SET_PASSWORD.replace('import { hashPassword } from "@cap/database/crypto";', 'import { savePassword } from "@cap/database/crypto";').replace(" || typeof password !== \"string\"", "").replace("  const hashed = await hashPassword(password);\n  await db().update(videos).set({ password: hashed }).where(eq(videos.ownerId, user.id));\n", "  await savePassword(user.id, password);\n");

const VISIBILITY = dedent`
  "use server";
  import { db } from "@cap/database";
  import { spaces } from "@cap/database/schema";
  import { eq } from "drizzle-orm";

  export async function setSpaceVisibility(input: { name: string; public?: boolean }) {
    const user = await getCurrentUser();
    if (!user) return { success: false };
    if (typeof input.name !== "string" || input.name.length === 0) return { success: false };
    if (input.public !== undefined && typeof input.public !== "boolean") return { success: false };
    await db().update(spaces).set({ name: input.name, public: input.public }).where(eq(spaces.ownerId, user.id));
    return { success: true };
  }
`;
// Another style: an arrow action whose optional tag is checked as \`=== undefined || typeof … === "string"\` under a \`!\`.
const TAGGED = dedent`
  "use server";
  import { prisma } from "@/lib/prisma";

  export const renameNote = async (input: { title: string; tag?: string }) => {
    if (typeof input.title !== "string") throw new Error("title");
    if (!(input.tag === undefined || typeof input.tag === "string")) throw new Error("tag");
    await prisma.note.create({ data: { title: input.title, tag: input.tag } });
  };
`;
const PUBLIC_UNCHECKED = VISIBILITY.replace(' && typeof input.public !== "boolean") return { success: false };', ') console.log("visibility changes");');

const valid: ValidCase[] = [
  { name: "a typeof-checked password only hashed by the database package's crypto module before the write", code: SET_PASSWORD, filename: "apps/web/actions/videos/password.ts", files: NEXT },
  { name: "another style: an arrow action checking a PIN with verifyPin imported under another name", code: CHECK_PIN, filename: "src/actions/unlock.ts", files: NEXT },
  { name: "an optional field's own check: compared with undefined, then typeof-tested, in one condition", code: VISIBILITY, filename: "apps/web/actions/collections/visibility.ts", files: NEXT },
  { name: "another style: an optional tag checked as === undefined || typeof under a negation", code: TAGGED, filename: "src/actions/notes.ts", files: NEXT },
];

const invalid: InvalidCase[] = [
  { name: "neighbour: a password given unhashed to the same module's data function is a database call's input", code: STORE_PASSWORD, filename: "apps/web/actions/videos/password.ts", files: NEXT, findings: [{ case: "nextServerAction", line: 7, column: 40, endColumn: 48, suggestions: [
    { title: "Validate password with Zod (adds the zod dependency)", output: STORE_PASSWORD.replace('import { eq } from "drizzle-orm";\n', 'import { eq } from "drizzle-orm";\nimport { z } from "zod";\n\nconst SetVideoPasswordInput = z.string();\n').replace("setVideoPassword(password: string) {\n", "setVideoPassword(rawPassword: string) {\n  const password = SetVideoPasswordInput.parse(rawPassword);\n") },
    { title: "Mark as validated elsewhere…", output: STORE_PASSWORD.replace("export async function", "// hardening-hints-ignore-next-line unvalidated-boundary/nextServerAction -- <reason>\nexport async function") },
  ] }], output: null },
  { name: "neighbour: the optional field only compared with undefined, never typeof-tested", code: PUBLIC_UNCHECKED, filename: "apps/web/actions/collections/visibility.ts", files: NEXT, findings: [{ case: "nextServerAction", line: 6, column: 42, endColumn: 47, suggestions: [
    { title: "Validate input with Zod (adds the zod dependency)", output: PUBLIC_UNCHECKED.replace('import { eq } from "drizzle-orm";\n', 'import { eq } from "drizzle-orm";\nimport { z } from "zod";\n\nconst SetSpaceVisibilityInput = z.object({ name: z.string(), public: z.boolean().optional() });\n').replace("setSpaceVisibility(input: { name: string; public?: boolean }) {\n", "setSpaceVisibility(rawInput: { name: string; public?: boolean }) {\n  const input = SetSpaceVisibilityInput.parse(rawInput);\n") },
    { title: "Mark as validated elsewhere…", output: PUBLIC_UNCHECKED.replace("export async function", "// hardening-hints-ignore-next-line unvalidated-boundary/nextServerAction -- <reason>\nexport async function") },
  ] }], output: null },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
