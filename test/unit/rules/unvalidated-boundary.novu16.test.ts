import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// The class found on novuhq/novu, measured unseen (issue 11): route values handed into a command
// object whose static factory runs class-validator. Hand-written analogues, not the project's code.

const NEST_PACKAGE = '{ "dependencies": { "@nestjs/common": "^10.0.0", "class-validator": "^0.14.0" } }';

// The base command: its static factory validates the instance and throws a 400.
const BASE_COMMAND = dedent`
  import { plainToInstance } from "class-transformer";
  import { validateSync } from "class-validator";
  import { BadRequestException } from "@nestjs/common";
  export abstract class BaseCommand {
    static create<T>(this: new () => T, data: T): T {
      const instance = plainToInstance(this, { ...data });
      const errors = validateSync(instance as object);
      if (errors.length) throw new BadRequestException(errors);
      return instance;
    }
  }
`;

// A base that only copies the data: nothing is checked.
const COPYING_BASE = dedent`
  export abstract class BaseCommand {
    static create<T>(this: new () => T, data: Partial<T>): T {
      return Object.assign(new this(), data);
    }
  }
`;

// A base whose factory parses the data with the class' schema.
const SCHEMA_BASE = dedent`
  export abstract class BaseCommand {
    static schema: { parse(d: unknown): object };
    static create(data: object) {
      return Object.assign(Object.create(this.prototype), this.schema.parse(data));
    }
  }
`;

const SHARED = dedent`
  import { IsNotEmpty } from "class-validator";
  import { BaseCommand } from "./base.command";
  export abstract class TenantCommand extends BaseCommand {
    @IsNotEmpty()
    readonly tenantId: string;
  }
`;

const orderCommand = (decorators: string) => dedent`
  import { IsDefined, IsInt, IsMongoId, IsNotEmpty, IsOptional, IsString, Length, Min } from "class-validator";
  import { TenantCommand } from "../../../shared/tenant.command";
  export class GetOrderCommand extends TenantCommand {
    ${decorators}
    orderId: string;
    @IsInt()
    @Min(1)
    @IsOptional()
    days?: number;
  }
`;

const ORDERS_CONTROLLER = dedent`
  import { Controller, Get, Param, Query } from "@nestjs/common";
  import { GetOrder, GetOrderCommand } from "./usecases/get-order";
  @Controller("orders")
  export class OrdersController {
    constructor(private readonly getOrder: GetOrder) {}
    @Get(":orderId")
    find(@Param("orderId") orderId: string, @Query("days") days = 30) {
      return this.getOrder.execute(
        GetOrderCommand.create({ tenantId: "t1", orderId, days: days ? Number(days) : 30 }),
      );
    }
  }
`;

const ordersFiles = (decorators: string, base = BASE_COMMAND): Record<string, string> => ({
  "package.json": NEST_PACKAGE,
  "src/shared/base.command.ts": base,
  "src/shared/tenant.command.ts": SHARED,
  "src/orders/usecases/get-order/index.ts": 'export * from "./get-order.command";\nexport * from "./get-order.usecase";',
  "src/orders/usecases/get-order/get-order.command.ts": orderCommand(decorators),
  "src/orders/usecases/get-order/get-order.usecase.ts": dedent`
    export class GetOrder {
      constructor(private readonly orders: OrderRepository) {}
      async execute(command) {
        return this.orders.findOne({ _id: command.orderId, createdAt: { $gt: command.days } });
      }
    }
  `,
});

// A whole body read field by field into a command.
const IDENTIFY_CONTROLLER = dedent`
  import { Body, Controller, Post } from "@nestjs/common";
  import { IdentifyCommand } from "./identify.command";
  @Controller("analytics")
  export class AnalyticsController {
    constructor(private readonly identify: Identify) {}
    @Post("identify")
    identifyUser(@Body() body: any) {
      return this.identify.execute(IdentifyCommand.create({ pageUri: body.pageUri, pageName: body.pageName }));
    }
  }
`;

const identifyCommand = (pageName: string, base = '"@acme/commands"') => dedent`
  import { BaseCommand } from ${base};
  import { IsOptional, IsString, IsUrl } from "class-validator";
  export class IdentifyCommand extends BaseCommand {
    @IsOptional()
    @IsUrl()
    pageUri?: string;
    ${pageName}
    pageName?: string;
  }
`;

const valid: ValidCase[] = [
  {
    name: "nest command: path and query values into a command whose base factory runs validateSync and whose fields check them",
    code: ORDERS_CONTROLLER,
    filename: "src/orders/orders.controller.ts",
    files: ordersFiles("@IsMongoId()"),
  },
  {
    name: "nest command: a body read field by field into a command of a package base (unseen), every field checked",
    code: IDENTIFY_CONTROLLER,
    filename: "src/analytics/analytics.controller.ts",
    files: { "package.json": NEST_PACKAGE, "src/analytics/identify.command.ts": identifyCommand("@IsOptional()\n  @IsString()") },
  },
  {
    name: "nest command: a factory that parses the data with the class' schema (no decorators needed)",
    code: ORDERS_CONTROLLER,
    filename: "src/orders/orders.controller.ts",
    files: ordersFiles("", SCHEMA_BASE),
  },
  {
    name: "nest command: a path segment whose field has a length check beside @IsString",
    code: ORDERS_CONTROLLER,
    filename: "src/orders/orders.controller.ts",
    files: ordersFiles("@IsString()\n  @Length(24, 24)"),
  },
];

const PARAM_LINE = 7;
const AUDITED_CONTROLLER = ORDERS_CONTROLLER.replace("    return this.getOrder.execute(", "    this.getOrder.audit(orderId);\n    return this.getOrder.execute(");
const paramFinding = { case: "nestDecorator", line: PARAM_LINE, column: 8, endColumn: 25 };

const invalid: InvalidCase[] = [
  {
    name: "nest command: a field with presence decorators only (@IsNotEmpty, @IsDefined) checks nothing",
    code: ORDERS_CONTROLLER,
    filename: "src/orders/orders.controller.ts",
    files: ordersFiles("@IsNotEmpty()\n  @IsDefined()"),
    findings: [{ ...paramFinding, suggestions: [mark(ORDERS_CONTROLLER, "nestDecorator", PARAM_LINE)] }],
    output: null,
  },
  {
    name: "nest command: @IsString on a path segment (always a string) checks nothing",
    code: ORDERS_CONTROLLER,
    filename: "src/orders/orders.controller.ts",
    files: ordersFiles("@IsString()"),
    findings: [{ ...paramFinding, suggestions: [mark(ORDERS_CONTROLLER, "nestDecorator", PARAM_LINE)] }],
    output: null,
  },
  {
    name: "nest command: an undecorated field checks nothing",
    code: ORDERS_CONTROLLER,
    filename: "src/orders/orders.controller.ts",
    files: ordersFiles(""),
    findings: [{ ...paramFinding, suggestions: [mark(ORDERS_CONTROLLER, "nestDecorator", PARAM_LINE)] }],
    output: null,
  },
  {
    name: "nest command: a base factory that only copies the data validates nothing, decorators or not",
    code: ORDERS_CONTROLLER,
    filename: "src/orders/orders.controller.ts",
    files: ordersFiles("@IsMongoId()", COPYING_BASE),
    findings: [
      { ...paramFinding, suggestions: [mark(ORDERS_CONTROLLER, "nestDecorator", PARAM_LINE)] },
      { case: "nestDecorator", line: PARAM_LINE, column: 43, endColumn: 57, suggestions: [mark(ORDERS_CONTROLLER, "nestDecorator", PARAM_LINE)] },
    ],
    output: null,
  },
  {
    name: "nest command: the value is also handed to a service before the command",
    code: AUDITED_CONTROLLER,
    filename: "src/orders/orders.controller.ts",
    files: ordersFiles("@IsMongoId()"),
    findings: [{ ...paramFinding, suggestions: [mark(AUDITED_CONTROLLER, "nestDecorator", PARAM_LINE)] }],
    output: null,
  },
  {
    name: "nest command: a body field whose command field is only @IsOptional",
    code: IDENTIFY_CONTROLLER,
    filename: "src/analytics/analytics.controller.ts",
    files: { "package.json": NEST_PACKAGE, "src/analytics/identify.command.ts": identifyCommand("@IsOptional()") },
    findings: [{ case: "nestDecorator", line: 7, column: 16, endColumn: 23, suggestions: [mark(IDENTIFY_CONTROLLER, "nestDecorator", 7)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
