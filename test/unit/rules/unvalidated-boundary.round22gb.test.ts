import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Classes found in the growthbook production triage (issue 11, eval/production/growthbook__growthbook.json).
// Hand-written analogues, not the repository's code.

// A controller module whose handlers a router registers through a wrapper of the module's exports.
const TEAMS_CONTROLLER = dedent`
  import { db } from "../../db";
  export async function postTeam(req, res) {
    const { name, description } = req.body;
    await db.team.create({ data: { name, description } });
    res.sendStatus(201);
  }
`;

/** The router of TEAMS_CONTROLLER: `head` binds `teams` to the module (or a wrapper of it), `route` registers `postTeam`. */
function teamsRouter(head: string, route: string): Record<string, string> {
  return {
    "src/routers/teams/teams.router.ts": [
      'import express from "express";',
      'import { z } from "zod";',
      'import asyncHandler from "express-async-handler";',
      'import { wrapController } from "../wrapController";',
      'import { validateRequestMiddleware } from "../utils/validateRequestMiddleware";',
      'import * as rawTeams from "./teams.controller";',
      "const router = express.Router();",
      head,
      'const TeamBody = z.object({ name: z.string(), description: z.string() }).strict();',
      route,
      "export { router as teamRouter };",
      "",
    ].join("\n"),
  };
}

const ORDERS_CONTROLLER = dedent`
  export async function createOrder(request, reply) {
    const order = await prisma.order.create({ data: request.body });
    return reply.code(201).send(order);
  }
`;

const MANAGED_WAREHOUSE = dedent`
  import express from "express";
  const app = express();
  app.post("/warehouses", async (req, res) => {
    const region = req.body?.region === "eu-west-1" ? "eu-west-1" : "us-east-1";
    await db.warehouse.create({ data: { region, owner: req.userId } });
    res.sendStatus(201);
  });
`;

const WAREHOUSE_NO_LINK = dedent`
  import express from "express";
  const app = express();
  app.post("/warehouses", async (req, res) => {
    const region = req.body.region === "eu-west-1" ? "eu-west-1" : "us-east-1";
    await db.warehouse.create({ data: { region, owner: req.userId } });
    res.sendStatus(201);
  });
`;

const PHASE_BY_RAW_INDEX = dedent`
  import express from "express";
  const PHASES = [{ name: "alpha" }, { name: "beta" }];
  const app = express();
  app.get("/phases/:index", (req, res) => {
    const phase = PHASES[req.params.index];
    if (!phase) return res.status(404).end();
    res.json(phase);
  });
`;

const valid: ValidCase[] = [
  {
    name: "a handler registered as wrapController(raw).postTeam behind validateRequestMiddleware({ body })",
    code: TEAMS_CONTROLLER,
    filename: "src/routers/teams/teams.controller.ts",
    files: teamsRouter("const teams = wrapController(rawTeams);", 'router.post("/", validateRequestMiddleware({ body: TeamBody }), teams.postTeam);'),
  },
  {
    name: "an object mapping the module's exports to the same keys, each wrapped",
    code: TEAMS_CONTROLLER,
    filename: "src/routers/teams/teams.controller.ts",
    files: teamsRouter("const teams = { postTeam: asyncHandler(rawTeams.postTeam) };", 'router.post("/", validateRequestMiddleware({ body: TeamBody }), teams.postTeam);'),
  },
  {
    name: "Object.fromEntries over the module's exports, each wrapped",
    code: TEAMS_CONTROLLER,
    filename: "src/routers/teams/teams.controller.ts",
    files: teamsRouter(
      "const teams = Object.fromEntries(Object.entries(rawTeams).map(([key, fn]) => [key, asyncHandler(fn)]));",
      'router.post("/", validateRequestMiddleware({ body: TeamBody }), teams.postTeam);',
    ),
  },
  {
    name: "the handler wrapped in the route itself: asyncHandler(rawTeams.postTeam)",
    code: TEAMS_CONTROLLER,
    filename: "src/routers/teams/teams.controller.ts",
    files: teamsRouter("", 'router.post("/", validateRequestMiddleware({ body: TeamBody }), asyncHandler(rawTeams.postTeam));'),
  },
  {
    name: "a field read through an optional link on the body and compared with a literal: only a boolean comes out",
    code: MANAGED_WAREHOUSE,
  },
  {
    name: "a browser callback that compares its answer's status through an optional link and shows its message as the error",
    filename: "pages/oauth/callback.tsx",
    code: dedent`
      import { useEffect, useState } from "react";
      export default function Callback() {
        const [error, setError] = useState("");
        useEffect(() => {
          fetch("/api/auth/callback", { method: "POST" })
            .then((res) => res.json())
            .then((json) => {
              if (json?.status !== 200) setError(json?.message || "Sign-in failed");
              else window.location.assign("/");
            });
        }, []);
        return error ? <p>{error}</p> : null;
      }
    `,
  },
  {
    name: "a route parameter parsed to a number and used as an array index: no crafted key",
    code: dedent`
      import express from "express";
      const PHASES = [{ name: "alpha" }, { name: "beta" }];
      const app = express();
      app.get("/phases/:index", (req, res) => {
        const i = parseInt(req.params.index);
        const phase = PHASES[i];
        if (!phase) return res.status(404).end();
        res.json(phase);
      });
    `,
  },
  {
    name: "a query value coerced with Number() inside the index",
    code: dedent`
      import express from "express";
      const PAGES = ["intro", "setup", "usage"];
      const app = express();
      app.get("/guide", (req, res) => {
        res.json({ page: PAGES[Number(req.query.page)] ?? PAGES[0] });
      });
    `,
  },
];

const invalid: InvalidCase[] = [
  {
    name: "a Fastify controller registered through wrapController(raw) without a schema is found, and reported",
    code: ORDERS_CONTROLLER,
    filename: "src/routes/orders/orders.controller.js",
    files: {
      "src/routes/orders/orders.router.js": dedent`
        const { wrapController } = require("../wrapController");
        const rawOrders = require("./orders.controller");
        const orders = wrapController(rawOrders);
        module.exports = async function (fastify) {
          fastify.post("/orders", orders.createOrder);
        };
      `,
    },
    findings: [{ case: "fastifyRequest", line: 2, column: 51, endColumn: 63, suggestions: [mark(ORDERS_CONTROLLER, "fastifyRequest", 2)] }],
    output: null,
  },
  {
    name: "validateRequestMiddleware({ params }) leaves the body the handler stores unchecked",
    code: TEAMS_CONTROLLER,
    filename: "src/routers/teams/teams.controller.ts",
    files: teamsRouter("", 'router.put("/:id", validateRequestMiddleware({ params: z.object({ id: z.string() }) }), rawTeams.postTeam);'),
    findings: [{ case: "expressBody", line: 3, column: 33, endColumn: 41, suggestions: [mark(TEAMS_CONTROLLER, "expressBody", 3)] }],
    output: null,
  },
  {
    name: "without the optional link a null body crashes the comparison: still a use",
    code: WAREHOUSE_NO_LINK,
    findings: [{ case: "expressBody", line: 4, column: 18, endColumn: 26, suggestions: [
      { title: "Validate req.body with Zod (adds the zod dependency)", output: dedent`
        import express from "express";
        import { z } from "zod";
        const app = express();
        const PostWarehousesBody = z.object({ region: z.string() });

        app.post("/warehouses", async (req, res) => {
          const parsed = PostWarehousesBody.safeParse(req.body);
          if (!parsed.success) {
            res.status(400).json({ error: parsed.error.issues });
            return;
          }
          const region = parsed.data.region === "eu-west-1" ? "eu-west-1" : "us-east-1";
          await db.warehouse.create({ data: { region, owner: req.userId } });
          res.sendStatus(201);
        });
      ` },
      mark(WAREHOUSE_NO_LINK, "expressBody", 4),
    ] }],
    output: null,
  },
  {
    name: "a raw route parameter as an index is still a crafted key",
    code: PHASE_BY_RAW_INDEX,
    findings: [{ case: "expressParams", line: 5, column: 24, endColumn: 34, suggestions: [
      { title: "Validate req.params with Zod (adds the zod dependency)", output: dedent`
        import express from "express";
        import { z } from "zod";
        const PHASES = [{ name: "alpha" }, { name: "beta" }];
        const app = express();
        const GetPhasesParams = z.object({ index: z.string() });

        app.get("/phases/:index", (req, res) => {
          const parsed = GetPhasesParams.safeParse(req.params);
          if (!parsed.success) {
            res.status(400).json({ error: parsed.error.issues });
            return;
          }
          const phase = PHASES[parsed.data.index];
          if (!phase) return res.status(404).end();
          res.json(phase);
        });
      ` },
      mark(PHASE_BY_RAW_INDEX, "expressParams", 5),
    ] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
