import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 36, the lead: production hoppscotch's sampled true finding lost since session 27
// (eval/production, team-collection.controller.ts:36): a `parseInt`ed `@Query('skip')` handed to an
// injected service that pages a raw SQL query with `OFFSET ${skip === 0 ? 0 : (skip - 1) * take}`.
// Two reads let it through: the `skip === 0` test, which only picks a branch of a conditional
// expression whose other branch uses the value again, was read as a check; and the number worked
// out from it was read as "only a number" though it is the query's OFFSET, the paging a `.skip(x)`
// is. Hand-written analogues, not the repository's code.

const SEARCH_CONTROLLER = dedent`
  import { Controller, Get, Query } from "@nestjs/common";
  import { SearchService } from "./search.service";
  @Controller("search")
  export class SearchController {
    constructor(private readonly searchService: SearchService) {}
    @Get()
    async search(@Query("skip") skip: string, @Query("kind") kind: string) {
      return this.searchService.search(parseInt(skip), kind);
    }
  }
`;
/** The injected service: `check` (a statement or nothing) before it pages a raw SQL query with `skip`. */
const searchService = (check: string) =>
  [
    'import { Prisma, PrismaClient } from "@prisma/client";',
    "const prisma = new PrismaClient();",
    "export class SearchService {",
    "  async search(skip = 0, kind: string) {",
    ...(check ? [`    ${check}`] : []),
    '    const scope = kind === "all" ? "ALL" : "MINE";',
    '    return prisma.$queryRaw(Prisma.sql`SELECT id FROM "T" WHERE scope = ${scope} LIMIT 10 OFFSET ${skip === 0 ? 0 : (skip - 1) * 10}`);',
    "  }",
    "}",
    "",
  ].join("\n");
const NEST_FILES = (service: string) => ({
  "package.json": '{ "dependencies": { "@nestjs/common": "^10.0.0", "@prisma/client": "^5.0.0" } }',
  "src/search/search.service.ts": service,
});

// Another style: an Express route on postgres.js, the page worked out in the handler.
const EXPRESS_PAGE = dedent`
  import express from "express";
  import sql from "./db.js";
  const app = express();
  app.get("/items", async (req, res) => {
    const page = Number(req.query.page);
    const rows = await sql\`SELECT * FROM items ORDER BY id LIMIT 20 OFFSET \${page === 1 ? 0 : (page - 1) * 20}\`;
    res.json(rows);
  });
`;
const EXPRESS_FILES = { "package.json": '{ "dependencies": { "express": "^4.0.0", "postgres": "^3.0.0" } }' };

const valid: ValidCase[] = [
  {
    name: "an equality test that maps the value to constants (kind === 'all' ? … : …) still decides it",
    code: SEARCH_CONTROLLER,
    filename: "src/search/search.controller.ts",
    files: NEST_FILES(searchService('if (!Number.isInteger(skip) || skip < 0) throw new Error("bad skip");')),
  },
  {
    name: "a number worked out from the page in a raw SQL WHERE (not its LIMIT or OFFSET) stays only a number",
    code: dedent`
      import express from "express";
      import sql from "./db.js";
      const app = express();
      app.get("/older", async (req, res) => {
        const days = Number(req.query.days);
        const rows = await sql\`SELECT * FROM items WHERE age > \${days * 86400}\`;
        res.json(rows);
      });
    `,
    filename: "src/app.js",
    files: EXPRESS_FILES,
  },
];

const invalid: InvalidCase[] = [
  {
    name: "an injected service pages a raw SQL query with a number worked out from the parseInt'ed skip, behind skip === 0 ? 0 : …",
    code: SEARCH_CONTROLLER,
    filename: "src/search/search.controller.ts",
    files: NEST_FILES(searchService("")),
    findings: [
      {
        case: "nestDecorator",
        line: 7,
        column: 16,
        endColumn: 30,
        suggestions: [
          {
            title: 'Validate @Query("skip") with Zod (adds the zod dependency)',
            output: dedent`
              import { Controller, Get, Query, BadRequestException } from "@nestjs/common";
              import { SearchService } from "./search.service";
              import { z } from "zod";
              const SearchQuery = z.string();

              @Controller("search")
              export class SearchController {
                constructor(private readonly searchService: SearchService) {}
                @Get()
                async search(@Query("skip") rawSkip: string, @Query("kind") kind: string) {
                  const parsed = SearchQuery.safeParse(rawSkip);
                  if (!parsed.success) throw new BadRequestException(parsed.error.issues);
                  const skip = parsed.data;
                  return this.searchService.search(parseInt(skip), kind);
                }
              }
            `,
          },
          mark(SEARCH_CONTROLLER, "nestDecorator", 7),
        ],
      },
    ],
    output: null,
  },
  {
    name: "an Express page number behind page === 1 ? 0 : (page - 1) * 20 as a raw SQL OFFSET",
    code: EXPRESS_PAGE,
    filename: "src/app.js",
    files: EXPRESS_FILES,
    findings: [
      {
        case: "expressQuery",
        line: 5,
        column: 23,
        endColumn: 32,
        suggestions: [
          {
            title: "Validate req.query with Zod (adds the zod dependency)",
            output: dedent`
              import express from "express";
              import sql from "./db.js";
              import { z } from "zod";
              const app = express();
              const GetItemsQuery = z.object({ page: z.string().optional() });

              app.get("/items", async (req, res) => {
                const parsed = GetItemsQuery.safeParse(req.query);
                if (!parsed.success) {
                  res.status(400).json({ error: parsed.error.issues });
                  return;
                }
                const page = Number(parsed.data.page);
                const rows = await sql\`SELECT * FROM items ORDER BY id LIMIT 20 OFFSET \${page === 1 ? 0 : (page - 1) * 20}\`;
                res.json(rows);
              });
            `,
          },
          mark(EXPRESS_PAGE, "expressQuery", 5),
        ],
      },
    ],
    output: null,
  },
];

describe("unvalidated-boundary: production hoppscotch's raw SQL paging (prodhopp36)", () => {
  runWithNamedCases(valid, invalid);
});
