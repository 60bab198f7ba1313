import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 28, developer ub28b. Hand-written rows.

// A query value only put in the `params` of an axios request, which axios encodes into the query string
// (SalahAmer2/Full-Stack-Developer-Assignment-Thamanyah- backend-itunes app.controller.ts:9 and :18, labelled
// clean: "only becomes an axios params value to the fixed iTunes host"), also through @nestjs/axios's
// HttpService (`this.http.axiosRef.get`, `this.http.get`) in a service the controller calls. Like a value
// `encodeURIComponent`'d into the URL, it cannot add or override a parameter.
const NEST_FILES = (method: string) => ({
  "package.json": '{ "dependencies": { "@nestjs/common": "^10.0.0", "@nestjs/axios": "^3.0.0", "class-validator": "^0.14.0" } }',
  "src/app.service.ts": dedent`
    import { Injectable } from "@nestjs/common";
    import { HttpService } from "@nestjs/axios";
    @Injectable()
    export class AppService {
      constructor(private readonly http: HttpService, private readonly prisma: PrismaService) {}
      async search(term: string) {
        ${method}
      }
    }
  `,
});
const CONTROLLER = dedent`
  import { Controller, Get, Query } from "@nestjs/common";
  import { AppService } from "./app.service";
  @Controller("search")
  export class AppController {
    constructor(private readonly appService: AppService) {}
    @Get()
    async search(@Query("term") term: string) {
      return this.appService.search(term);
    }
  }
`;
const PARAMS = 'const res = await this.http.axiosRef.get("https://itunes.apple.com/search", { params: { term, entity: "podcast" } }); return res.status;';
const PARAMS_KEYED = 'const res = await this.http.axiosRef.get("https://itunes.apple.com/search", { params: { term: term, limit: 20 } }); return res.status;';
const OBSERVABLE = 'await firstValueFrom(this.http.get("https://itunes.apple.com/search", { params: { term } })); return "ok";';
const PARAMS_STORED = `${PARAMS} await this.prisma.search.create({ data: { term } });`;
const PARAMS_PATH = 'const res = await this.http.axiosRef.get(`https://itunes.apple.com/lookup/${term}`, { params: { entity: "podcast" } }); return res.status;';

// The same in the handler: a body field tested for presence and only sent as an axios query parameter.
const EXPRESS = (call: string) => dedent`
  import express from "express";
  import axios from "axios";
  const app = express();
  app.post("/search", async (req, res) => {
    const { term, country } = req.body;
    if (!term) return res.status(400).json({ error: "term required" });
    const r = await ${call};
    res.json({ status: r.status });
  });
`;
const EXPRESS_PARAMS = EXPRESS('axios.get("https://itunes.apple.com/search", { params: { term, country: country || "us" } })');
const EXPRESS_DATA = EXPRESS('axios.post("https://api.example.com/search", { term, country })');

const valid: ValidCase[] = [
  { name: "nestDecorator: a query value only in the params of an HttpService axios request, one hop away", code: CONTROLLER, filename: "src/app.controller.ts", files: NEST_FILES(PARAMS) },
  { name: "nestDecorator: the same at a key of its own name", code: CONTROLLER, filename: "src/app.controller.ts", files: NEST_FILES(PARAMS_KEYED) },
  { name: "nestDecorator: the same through the HttpService's own get (an Observable)", code: CONTROLLER, filename: "src/app.controller.ts", files: NEST_FILES(OBSERVABLE) },
  { name: "expressBody: body fields tested for presence and only sent as axios query parameters", code: EXPRESS_PARAMS, filename: "src/server.ts" },
];
const invalid: InvalidCase[] = [
  {
    name: "nestDecorator: the same query value also stored",
    code: CONTROLLER,
    filename: "src/app.controller.ts",
    files: NEST_FILES(PARAMS_STORED),
    findings: [{ case: "nestDecorator", line: 7, column: 16, endColumn: 30, suggestions: [mark(CONTROLLER, "nestDecorator", 7)] }],
    output: null,
  },
  {
    name: "nestDecorator: the query value put raw into the request's path",
    code: CONTROLLER,
    filename: "src/app.controller.ts",
    files: NEST_FILES(PARAMS_PATH),
    findings: [{ case: "nestDecorator", line: 7, column: 16, endColumn: 30, suggestions: [mark(CONTROLLER, "nestDecorator", 7)] }],
    output: null,
  },
  {
    name: "expressBody: body fields sent as the outbound request's data",
    code: EXPRESS_DATA,
    filename: "src/server.ts",
    findings: [{ case: "expressBody", line: 5, column: 29, endColumn: 37, suggestions: [mark(EXPRESS_DATA, "expressBody", 5)] }],
    output: null,
  },
];
runWithNamedCases(valid, invalid);
