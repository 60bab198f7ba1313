import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, markedRow, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Held round 42 (retired to tune), session 39, developer ub39: TanStack Start server functions
// (`createServerFn(…).inputValidator(fn).handler(({ data }) => …)`, `.validator(…)` before v1.131) are
// public RPC endpoints; an identity validator (`(data: T) => data`, a type only) leaves `data` the
// caller's input as sent. Reported at the validator's parameter (round 42: samratjha96/bakbak
// `src/lib/functions/s3/multipart/operations.ts:23`, `uploads/single.ts:17`, decided), where a field
// reaches a sink; a Standard Schema (`.inputValidator(Schema)`) or `(d) => Schema.parse(d)` validates.
// Rows in React Start with an S3 key (as in the repository) and hand-made in Solid Start's older
// `.validator` with middleware, a block-bodied identity cast and Prisma.

const REACT_START = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"@tanstack/react-start\": \"^1.132.0\", \"@aws-sdk/client-s3\": \"^3.600.0\", \"zod\": \"^3.25.0\" } }\n" };
const SOLID_START = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"@tanstack/solid-start\": \"^1.120.0\", \"@prisma/client\": \"^6.0.0\" } }\n" };

const lineOf = (code: string, text: string): number => code.split("\n").findIndex((l) => l.includes(text)) + 1;
const colOf = (code: string, text: string, word: string): number => code.split("\n")[lineOf(code, text) - 1]!.indexOf(word, code.split("\n")[lineOf(code, text) - 1]!.indexOf(text)) + 1;

// The client picks the bucket and the key presigned for a PUT.
const UPLOAD = dedent`
  import { PutObjectCommand } from "@aws-sdk/client-s3";
  import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
  import { createServerFn } from "@tanstack/react-start";
  import { s3 } from "~/lib/clients";

  export const getUploadUrl = createServerFn({ method: "POST" })
    .inputValidator((data: { bucket?: string; key: string }) => data)
    .handler(async ({ data }) => {
      const command = new PutObjectCommand({ Bucket: data.bucket || process.env.BUCKET, Key: data.key });
      return getSignedUrl(s3, command, { expiresIn: 3600 });
    });
`;

const UPLOAD_FIXED = dedent`
  import { PutObjectCommand } from "@aws-sdk/client-s3";
  import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
  import { createServerFn } from "@tanstack/react-start";
  import { s3 } from "~/lib/clients";
  import { z } from "zod";

  const GetUploadUrlInput = z.object({ bucket: z.string().optional(), key: z.string() });

  export const getUploadUrl = createServerFn({ method: "POST" })
    .inputValidator(GetUploadUrlInput)
    .handler(async ({ data }) => {
      const command = new PutObjectCommand({ Bucket: data.bucket || process.env.BUCKET, Key: data.key });
      return getSignedUrl(s3, command, { expiresIn: 3600 });
    });
`;

// Solid Start, the older `.validator`, middleware before it, a block-bodied cast, the id renamed in the handler.
const REMOVE = dedent`
  import { createServerFn } from "@tanstack/solid-start";
  import { prisma } from "../db";
  import { authMiddleware } from "../auth";

  export const removeNote = createServerFn({ method: "POST" })
    .middleware([authMiddleware])
    .validator((input: unknown) => {
      return input as string;
    })
    .handler(async ({ data: noteId, context }) => {
      await prisma.note.delete({ where: { id: noteId } });
      return { ok: true, by: context.user.id };
    });
`;

const valid: ValidCase[] = [
  { name: "React Start: a Zod schema given to inputValidator", filename: "src/lib/upload.ts", files: REACT_START, code: dedent`
    import { PutObjectCommand } from "@aws-sdk/client-s3";
    import { createServerFn } from "@tanstack/react-start";
    import { z } from "zod";
    import { s3 } from "~/lib/clients";

    const UploadInput = z.object({ key: z.string().regex(/^uploads\\/[\\w.-]+$/) });
    export const upload = createServerFn({ method: "POST" })
      .inputValidator(UploadInput)
      .handler(async ({ data }) => s3.send(new PutObjectCommand({ Bucket: "b", Key: data.key })));
  ` },
  { name: "React Start: a validator that parses with the schema", filename: "src/lib/upload.ts", files: REACT_START, code: dedent`
    import { PutObjectCommand } from "@aws-sdk/client-s3";
    import { createServerFn } from "@tanstack/react-start";
    import { z } from "zod";
    import { s3 } from "~/lib/clients";

    const UploadInput = z.object({ key: z.string().max(200) });
    export const upload = createServerFn({ method: "POST" })
      .inputValidator((d: unknown) => UploadInput.parse(d))
      .handler(async ({ data }) => s3.send(new PutObjectCommand({ Bucket: "b", Key: data.key })));
  ` },
  { name: "React Start: an identity validator whose fields only build a returned URL string (round 42, bakbak single.ts:52)", filename: "src/lib/url.ts", files: REACT_START, code: dedent`
    import { createServerFn } from "@tanstack/react-start";

    export const getS3Url = createServerFn()
      .inputValidator((data: { bucket?: string; key: string }) => data)
      .handler(async ({ data }) => {
        const bucket = data.bucket || process.env.BUCKET;
        return \`https://s3.amazonaws.com/\${bucket}/\${data.key}\`;
      });
  ` },
  { name: "a builder of another library with validator/handler (no TanStack Start module)", filename: "src/lib/remove.ts", files: { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"@prisma/client\": \"^6.0.0\" } }\n" }, code: dedent`
    import { createServerFn } from "./rpc";
    import { prisma } from "../db";

    export const removeNote = createServerFn()
      .validator((input: string) => input)
      .handler(async ({ data }) => prisma.note.delete({ where: { id: data } }));
  ` },
];

const invalid: InvalidCase[] = [
  { name: "React Start: identity inputValidator, the client's key presigned for a PUT (round 42, bakbak)", code: UPLOAD, filename: "src/lib/functions/upload.ts", files: REACT_START, output: null, findings: [
    { case: "tanstackServerFn", line: lineOf(UPLOAD, ".inputValidator("), column: colOf(UPLOAD, ".inputValidator(", "data"), endColumn: colOf(UPLOAD, ".inputValidator(", "data") + 4, suggestions: [
      { title: "Validate data with Zod", output: UPLOAD_FIXED },
      mark(UPLOAD, "tanstackServerFn", lineOf(UPLOAD, ".inputValidator(")),
    ] },
  ] },
  markedRow("Solid Start (hand-made): .validator after middleware, a block-bodied cast, the id deletes a row", REMOVE, "src/server/notes.ts", SOLID_START, "tanstackServerFn", lineOf(REMOVE, "(input: unknown)"), colOf(REMOVE, "(input: unknown)", "input"), colOf(REMOVE, "(input: unknown)", "input") + 5),
];

describe("unvalidated-boundary: TanStack Start server functions with an identity validator (round 42)", () => {
  runWithNamedCases(valid, invalid);
});
