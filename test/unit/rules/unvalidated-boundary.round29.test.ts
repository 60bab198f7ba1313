import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Held round 29 (retired to tune), session 26, developer ub29. Hand-written rows.

// A controller declared through a wrapper call and gathered into an exported object (`const createOrder =
// catchAsync(async (req, res) => …)`, `export const OrderControllers = { createOrder }`; hassan-nahid
// simple-rest-api-payment, labelled clean): the route module's `OrderControllers.createOrder` is that
// handler, and the `validateRequest(createOrderSchema)` it runs first validates the body. The
// middleware the factory returns reads only `req.body`: a route parameter of the same handler stays input.
const JOI_PACKAGE = "{ \"name\": \"api\", \"dependencies\": { \"express\": \"^5.0.0\", \"joi\": \"^17.0.0\" } }\n";
const ORDER_CONTROLLER = dedent`
  import { Request, Response } from "express";
  import { Order } from "./order.model";
  import { catchAsync } from "../../utils/catchAsync";

  const createOrder = catchAsync(async (req: Request, res: Response) => {
    const order = await Order.create(req.body);
    res.status(201).json(order);
  });

  const updateOrderStatus = catchAsync(async (req: Request, res: Response) => {
    const order = await Order.findByIdAndUpdate(req.params.id, { status: "paid" });
    res.json(order);
  });

  export const OrderControllers = { createOrder, updateOrderStatus };
`;
const CREATE_ONLY = ORDER_CONTROLLER.replace(/\n\nconst updateOrderStatus[\s\S]*?\}\);/, "").replace(", updateOrderStatus", "");
const VALIDATE_REQUEST = dedent`
  import { NextFunction, Request, Response } from "express";
  export const validateRequest = (schema: any) => async (req: Request, res: Response, next: NextFunction) => {
    try {
      req.body = await schema.validateAsync(req.body);
      next();
    } catch (error) {
      next(error);
    }
  };
`;
const orderRoute = (create: string, update: string) => ({
  "package.json": JOI_PACKAGE,
  "src/app/middleware/validateRequest.ts": VALIDATE_REQUEST,
  "src/app/modules/order/order.route.ts": dedent`
    import { Router } from "express";
    import { validateRequest } from "../../middleware/validateRequest";
    import { OrderControllers } from "./order.controller";
    import { createOrderSchema, statusSchema } from "./order.validation";
    const router = Router();
    router.post("/", ${create}OrderControllers.createOrder);
    router.patch("/:id/status", ${update}OrderControllers.updateOrderStatus);
    export const OrderRoutes = router;
  `,
});
const ORDER_FILE = "src/app/modules/order/order.controller.ts";

const valid: ValidCase[] = [
  { name: "express: a wrapped controller in an exported object, its route validates the body", code: CREATE_ONLY, filename: ORDER_FILE, files: orderRoute("validateRequest(createOrderSchema), ", "") },
];

const invalid: InvalidCase[] = [
  {
    name: "express: a wrapped controller in an exported object, its route validates nothing",
    code: ORDER_CONTROLLER,
    filename: ORDER_FILE,
    files: orderRoute("", "validateRequest(statusSchema), "),
    findings: [
      { case: "expressBody", line: 6, column: 36, endColumn: 44, suggestions: [mark(ORDER_CONTROLLER, "expressBody", 6)] },
      // The factory's middleware reads only req.body: the route's :id is not validated.
      { case: "expressParams", line: 11, column: 47, endColumn: 57, suggestions: [mark(ORDER_CONTROLLER, "expressParams", 11)] },
    ],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
