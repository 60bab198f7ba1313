import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Fixes (session 23, review R72), hand-written rows: the schema inferred from how the code uses a
// JSON value accepts what the code copes with.
// - a field the code handles like `null` (`?.`, `??`, `||`, a truthiness test, `== null`) is
//   `.nullish()`, not `.optional()`: in JSON an absent value is often `null` (a nullable column),
//   and the parse would throw on every one; `!== undefined` and a destructuring default stay
//   `.optional()`;
// - a value chosen by a conditional (`c ? reply : item`) goes on as the conditional's value: handed
//   on whole, its other keys are kept (`.passthrough()`), not stripped;
// - a value only known by its `.length` is a string or an array alike: no `z.string()` guess
//   (a rich-text document's `content` is an array of nodes); its elements are unknown, so no
//   schema is offered from that alone.

// A rich-text document kept in a nullable JSON column: `content` is only measured.
const LENGTH_ONLY = dedent`
  export async function loadIntro(roomId: string) {
    const res = await fetch(\`https://rooms.example.com/api/rooms/\${roomId}\`);
    if (!res.ok) return;
    const data = await res.json();
    const doc = data.intro;
    if (doc?.content && doc.content.length > 0) editor.load(doc);
    else editor.clear(data.title || "Room");
  }
`;

// Fields read with `?.` and `||`: they may be null in the reply.
const NULL_FIELDS = dedent`
  export async function roomLabel(roomId: string) {
    const res = await fetch(\`https://rooms.example.com/api/rooms/\${roomId}\`);
    if (!res.ok) throw new Error(\`room \${roomId}: \${res.status}\`);
    const data = await res.json();
    const owner = data.owner?.name.trim();
    return { owner, title: data.title || "Untitled", size: data.size !== undefined ? data.size * 2 : 0 };
  }
`;

// The reply put in place of a list item by a conditional: its other keys are data the list shows.
const CHOSEN_BY_CONDITIONAL = dedent`
  export async function archive(linkId: string, links: Array<{ id: string }>) {
    const res = await fetch(\`https://links.example.com/api/links/\${linkId}/archive\`, { method: "PUT" });
    if (!res.ok) throw new Error(\`archive failed: \${res.status}\`);
    const archived = await res.json();
    const target = archived.documentId ?? archived.dataroomId ?? "";
    await fetch(\`https://links.example.com/api/targets/\${target}/refresh\`, { method: "POST" });
    return links.map((link) => (link.id === linkId ? archived : link));
  }
`;

const valid: ValidCase[] = [];

const invalid: InvalidCase[] = [
  {
    name: "a field only measured with .length: string or array, no schema guessed",
    code: LENGTH_ONLY,
    filename: "src/intro.ts",
    findings: [{ case: "fetchJson", line: 4, column: 22, endColumn: 32, suggestions: [mark(LENGTH_ONLY, "fetchJson", 4)] }],
    output: null,
  },
  {
    name: "fields read with ?. and || are nullish; one compared with undefined stays optional",
    code: NULL_FIELDS,
    filename: "src/rooms.ts",
    findings: [{ case: "fetchJson", line: 4, column: 22, endColumn: 32, suggestions: [
      { title: "Validate res.json() with Zod (adds the zod dependency)", output: dedent`
          import { z } from "zod";

          const RoomLabelResponse = z.object({
            owner: z.object({ name: z.string() }).nullish(),
            title: z.string().nullish(),
            size: z.number().optional(),
          });

          export async function roomLabel(roomId: string) {
            const res = await fetch(\`https://rooms.example.com/api/rooms/\${roomId}\`);
            if (!res.ok) throw new Error(\`room \${roomId}: \${res.status}\`);
            const data = RoomLabelResponse.parse(await res.json());
            const owner = data.owner?.name.trim();
            return { owner, title: data.title || "Untitled", size: data.size !== undefined ? data.size * 2 : 0 };
          }
        ` },
      mark(NULL_FIELDS, "fetchJson", 4),
    ] }],
    output: null,
  },
  {
    name: "a reply chosen by a conditional in place of a list item keeps its other keys",
    code: CHOSEN_BY_CONDITIONAL,
    filename: "src/links.ts",
    findings: [{ case: "fetchJson", line: 4, column: 26, endColumn: 36, suggestions: [
      { title: "Validate res.json() with Zod (adds the zod dependency)", output: dedent`
          import { z } from "zod";

          const ArchiveResponse = z.object({
            documentId: z.string().nullish(),
            dataroomId: z.string().nullish(),
          }).passthrough();

          export async function archive(linkId: string, links: Array<{ id: string }>) {
            const res = await fetch(\`https://links.example.com/api/links/\${linkId}/archive\`, { method: "PUT" });
            if (!res.ok) throw new Error(\`archive failed: \${res.status}\`);
            const archived = ArchiveResponse.parse(await res.json());
            const target = archived.documentId ?? archived.dataroomId ?? "";
            await fetch(\`https://links.example.com/api/targets/\${target}/refresh\`, { method: "POST" });
            return links.map((link) => (link.id === linkId ? archived : link));
          }
        ` },
      mark(CHOSEN_BY_CONDITIONAL, "fetchJson", 4),
    ] }],
    output: null,
  },
];

describe("unvalidated-boundary: session 23 fix schemas (fix25)", () => {
  runWithNamedCases(valid, invalid);
});
