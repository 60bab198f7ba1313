import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, markedRow, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 36, developer prodsn36: production standardnotes/server's API gateway (eval/production, seed
// 20261360). An inversify-express-utils controller hands its request and response on whole, first, to
// an injected `ServiceProxyInterface`, with the body as the payload, a route id in the path after a
// fixed segment or as a field of the payload; the proxy sends the caller's own method to the
// product's own backend, which validates (the docs' "transparent edge proxy"). Hand-written
// analogues, not the repository's code.

const INVERSIFY = { "package.json": '{ "dependencies": { "express": "4", "inversify-express-utils": "6" } }' };
const NEST = { "package.json": '{ "dependencies": { "express": "4", "@nestjs/common": "10" } }' };
const EXPRESS = { "package.json": '{ "dependencies": { "express": "4" } }' };

const GATEWAY = (call: string) => dedent`
  import { Request, Response } from "express";
  import { inject } from "inversify";
  import { BaseHttpController, controller, httpPost } from "inversify-express-utils";
  import { ServiceProxyInterface } from "../Service/Proxy/ServiceProxyInterface";

  @controller("/v1")
  export class PaymentsController extends BaseHttpController {
    constructor(@inject("ServiceProxy") private httpService: ServiceProxyInterface) {
      super();
    }

    @httpPost("/students/:token/approve")
    async approve(request: Request, response: Response): Promise<void> {
      await this.httpService.${call};
    }
  }
`;

// Another framework and style: a NestJS gateway whose injected class is named for what it does.
const NEST_GATEWAY = (call: string) => dedent`
  import { Controller, Post, Req, Res } from "@nestjs/common";
  import type { Request, Response } from "express";
  import { ProxyService } from "./proxy.service";

  @Controller("orders")
  export class OrdersGatewayController {
    constructor(private readonly proxyService: ProxyService) {}

    @Post(":id/cancel")
    async cancel(@Req() req: Request, @Res() res: Response) {
      return this.proxyService.${call};
    }
  }
`;

// A plain Express router handing the exchange to a gateway module's relay function.
const ROUTER = (handler: string) => dedent`
  const express = require("express");
  const router = express.Router();
  const gatewayService = require("./gateway-service");
  router.post("/orders/:id", ${handler});
  module.exports = router;
`;

// The route value as the whole path of the relay: it picks any route of the backend.
const ANY_ROUTE = ROUTER("(req, res) => gatewayService.proxyRequest(req, res, `${req.params.id}`, req.body)");

const valid: ValidCase[] = [
  { name: "inversify: the body relayed whole through the injected ServiceProxyInterface", code: GATEWAY("callPaymentsServer(request, response, \"api/students\", request.body)"), filename: "src/Controller/PaymentsController.ts", files: INVERSIFY },
  { name: "inversify: a route token in the relay's path after a fixed segment", code: GATEWAY("callPaymentsServer(request, response, `api/students/${request.params.token}/approve`, request.body)"), filename: "src/Controller/PaymentsController.ts", files: INVERSIFY },
  { name: "inversify: a route id as a field of the relay's payload", code: GATEWAY("callAuthServer(request, response, \"session\", { uuid: request.params.token })"), filename: "src/Controller/PaymentsController.ts", files: INVERSIFY },
  { name: "another style: NestJS, the injected ProxyService's forward", code: NEST_GATEWAY("forward(req, res, `orders/${req.params.id}/cancel`, req.body)"), filename: "src/orders/gateway.controller.ts", files: NEST },
  { name: "another style: an Express router and a gateway module's proxyRequest", code: ROUTER("(req, res) => gatewayService.proxyRequest(req, res, `orders/${req.params.id}`, req.body)"), filename: "src/router.js", files: EXPRESS },
];

const invalid: InvalidCase[] = [
  {
    name: "neighbour: the route value is the whole relayed path, it picks any route",
    code: ANY_ROUTE,
    filename: "src/router.js",
    files: EXPRESS,
    output: null,
    findings: [
      {
        case: "expressParams",
        line: 4,
        column: 83,
        endColumn: 93,
        suggestions: [
          {
            title: "Validate req.params with Zod (adds the zod dependency)",
            output: dedent`
              const express = require("express");
              const router = express.Router();
              const gatewayService = require("./gateway-service");
              const { z } = require("zod");
              const PostOrdersParams = z.object({ id: z.string() });

              router.post("/orders/:id", (req, res) => gatewayService.proxyRequest(req, res, \`\${PostOrdersParams.parse(req.params).id}\`, req.body));
              module.exports = router;
            `,
          },
          mark(ANY_ROUTE, "expressParams", 4),
        ],
      },
    ],
  },
  markedRow("neighbour: a service that is no relay takes the exchange and the body", ROUTER("(req, res) => gatewayService.createOrder(req, res, req.body)"), "src/router.js", EXPRESS, "expressBody", 4, 79, 87),
  markedRow("neighbour: the relay is handed the body without the request and response", GATEWAY("callPaymentsServer(\"api/students\", request.body)"), "src/Controller/PaymentsController.ts", INVERSIFY, "expressBody", 14, 63, 75),
];

describe("unvalidated-boundary: an API gateway's relay (prodsn36)", () => {
  runWithNamedCases(valid, invalid);
});
