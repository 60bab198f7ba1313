import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Held round 41 (retired to tune), session 38, developer ub38: a server action's `FormData` fields are its argument,
// reported on the parameter line (README's line rule: "a server action's argument: the line of its parameter"),
// once per action at the first field used unsafely (casasports-fitness `app/(app)/profile/actions.ts:9`,
// `app/login/actions.ts:26`, decided findings; the round's clean labels on FormData actions sit on that line too).
// An uploaded file (`formData.get("logo") as File`) stays at its read, where its name is taken. Rows in a
// "use server" module with Prisma (as in the repository) and in an inline action of a page with a raw SQL client.

const PKG = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"next\": \"15.0.0\", \"@prisma/client\": \"5.0.0\", \"valibot\": \"0.30.0\" } }\n" };

const REQUEST = dedent`
  "use server";
  import { PrismaClient } from "@prisma/client";
  const prisma = new PrismaClient();

  export async function submitRequest(formData: FormData) {
    const type = formData.get("type") as string;
    const reason = formData.get("reason") as string;
    await prisma.serviceRequest.create({ data: { type, data: JSON.stringify({ reason }) } });
  }
`;

// Two fields reaching two different sinks: still one finding, on the parameter line.
const PAGE = dedent`
  import { sql } from "@/lib/db";

  export default function Wallet() {
    async function addCredits(
      formData: FormData,
    ) {
      "use server";
      const note = String(formData.get("note"));
      await sql\`insert into notes (body) values (\${note})\`;
      const tag = formData.get("tag");
      await sql\`insert into tags (name) values (\${tag})\`;
    }
    return <form action={addCredits} />;
  }
`;

const LOGO = dedent`
  "use server";
  import { writeFile } from "node:fs/promises";
  import path from "node:path";

  export async function uploadLogo(formData: FormData) {
    const file = formData.get("logo") as File;
    await writeFile(path.join("/srv/logos", file.name), Buffer.from(await file.arrayBuffer()));
  }
`;

const valid: ValidCase[] = [
  { name: "use server: FormData fields checked by their type and an allowlist before the create", filename: "app/actions.ts", files: PKG, code: dedent`
    "use server";
    import { PrismaClient } from "@prisma/client";
    const prisma = new PrismaClient();
    const TYPES = ["leave", "shift"] as const;

    export async function submitRequest(formData: FormData) {
      const type = formData.get("type");
      if (typeof type !== "string" || !(TYPES as readonly string[]).includes(type)) throw new Error("bad type");
      await prisma.serviceRequest.create({ data: { type } });
    }
  ` },
];

/** One `nextServerAction` finding with its mark suggestion. */
const actionRow = (name: string, code: string, filename: string, line: number, column: number, endColumn: number): InvalidCase =>
  ({ name, code, filename, files: PKG, output: null, findings: [{ case: "nextServerAction", line, column, endColumn, suggestions: [mark(code, "nextServerAction", line)] }] });

const invalid: InvalidCase[] = [
  actionRow("use server module: two FormData fields cast as string into one Prisma create, reported on the parameter", REQUEST, "app/actions.ts", 5, 37, 45),
  actionRow("inline action of a page (parameter on its own line): two fields into two SQL inserts, one finding there", PAGE, "app/wallet/page.tsx", 5, 5, 13),
  actionRow("use server: an uploaded File's name joined into a path stays at the read", LOGO, "app/logo.ts", 6, 16, 36),
];

describe("unvalidated-boundary: a server action's FormData reported on its parameter (round 41)", () => {
  runWithNamedCases(valid, invalid);
});
