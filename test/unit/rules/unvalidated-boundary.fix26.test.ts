import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Fixes (session 26's fix review, R72), hand-written rows. papermark's `pages/api/record_view.ts`
// builds a page-view object from the body's fields and checks it with the file's own schema
// (`bodyValidation.safeParse(pageViewObject)`, a 400 on failure); the Zod fix added a second
// schema for the body above it, so the route would keep two contracts in step. A `const` object
// of the handler parsed by a schema is followed to its values, as `schema.safeParse({ … })` with
// the object written in place already was: the read keeps only "Mark as validated elsewhere…".
// An object whose values come from elsewhere (only its keys share the fields' names) keeps the fix.

// papermark's route, cut down: the object the file's schema parses, and what goes to the store.
const recordView = (pageView: string, publish: string): string => dedent`
  import type { NextApiRequest, NextApiResponse } from "next";
  import { z } from "zod";

  const bodyValidation = z.object({
    id: z.string(),
    linkId: z.string(),
    pageNumber: z.string(),
  });

  export default async function handle(req: NextApiRequest, res: NextApiResponse) {
    const { linkId, pageNumber } = req.body as { linkId: string; pageNumber: number };
    const pageView = ${pageView};
    const result = bodyValidation.safeParse(pageView);
    if (!result.success) return res.status(400).json({ error: result.error.message });
    await publishPageView(${publish});
    res.status(200).json({ message: "View recorded" });
  }
`;
const OWN_SCHEMA_ON_AN_OBJECT_OF_THE_FIELDS = recordView(`{ id: newId("view"), linkId, pageNumber: pageNumber.toString() }`, "result.data");
const OWN_SCHEMA_ON_OTHER_VALUES = recordView(`{ id: newId("view"), linkId: link.id, pageNumber: "1" }`, "result.data, linkId, pageNumber.toString()");

const valid: ValidCase[] = [];

const invalid: InvalidCase[] = [
  {
    name: "the body's fields built into an object the file's own schema parses: no second schema (R72)",
    code: OWN_SCHEMA_ON_AN_OBJECT_OF_THE_FIELDS,
    filename: "pages/api/record_view.ts",
    findings: [{ case: "nextPagesRequest", line: 11, column: 34, endColumn: 42, suggestions: [mark(OWN_SCHEMA_ON_AN_OBJECT_OF_THE_FIELDS, "nextPagesRequest", 11)] }],
    output: null,
  },
  {
    name: "an object that only shares the fields' names as keys: the Zod fix stays",
    code: OWN_SCHEMA_ON_OTHER_VALUES,
    filename: "pages/api/record_view.ts",
    findings: [{ case: "nextPagesRequest", line: 11, column: 34, endColumn: 42, suggestions: [
      { title: "Validate req.body with Zod", output: dedent`
          import type { NextApiRequest, NextApiResponse } from "next";
          import { z } from "zod";

          const bodyValidation = z.object({
            id: z.string(),
            linkId: z.string(),
            pageNumber: z.string(),
          });

          const HandleBody = z.object({ linkId: z.string(), pageNumber: z.number() });

          export default async function handle(req: NextApiRequest, res: NextApiResponse) {
            const parsed = HandleBody.safeParse(req.body);
            if (!parsed.success) {
              res.status(400).json({ error: parsed.error.issues });
              return;
            }
            const { linkId, pageNumber } = parsed.data as { linkId: string; pageNumber: number };
            const pageView = { id: newId("view"), linkId: link.id, pageNumber: "1" };
            const result = bodyValidation.safeParse(pageView);
            if (!result.success) return res.status(400).json({ error: result.error.message });
            await publishPageView(result.data, linkId, pageNumber.toString());
            res.status(200).json({ message: "View recorded" });
          }
        ` },
      mark(OWN_SCHEMA_ON_OTHER_VALUES, "nextPagesRequest", 11),
    ] }],
    output: null,
  },
];

describe("unvalidated-boundary: session 26 fix review (fix26)", () => {
  runWithNamedCases(valid, invalid);
});
