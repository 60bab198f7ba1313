import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Held round 36 (retired to tune), session 33, developer ub33c: NestJS route ids looked up first. Hand-written rows.

// A NestJS route id whose first use, one hop into the injected service, is the lookup of one row keyed by it, the
// miss ending the method (`return null` too: the caller gets nothing), the value never read again and a write made
// with the row found (upwork_avto_service api-keys.controller.ts:14, rulesets.controller.ts:16, members.controller.ts:21,
// labelled one finding, the body's, and clean debatable: agree36d's notes 1 and 2). A read-only method (held round 35's
// unary-plus ids, argandici's ownership checked after the lookup) stays a use, as does the id read again.
const NEST = "{ \"name\": \"api\", \"dependencies\": { \"@nestjs/common\": \"10.0.0\", \"@nestjs/core\": \"10.0.0\", \"class-validator\": \"0.14.0\", \"typeorm\": \"0.3.0\" } }\n";
const KEYS_CONTROLLER = dedent`
  import { Controller, Param, Post } from "@nestjs/common";
  import { ApiKeysService } from "./api-keys.service";
  @Controller("api-keys")
  export class ApiKeysController {
    constructor(private service: ApiKeysService) {}
    @Post(":userId")
    async create(@Param("userId") userId: string) {
      return this.service.create(userId);
    }
  }
`;
const KEYS_SERVICE = (miss: string, after: string) => dedent`
  import { Injectable } from "@nestjs/common";
  import { Repository } from "typeorm";
  @Injectable()
  export class ApiKeysService {
    constructor(private keys: Repository<ApiKey>, private users: Repository<User>) {}
    async create(userId: string) {
      const user = await this.users.findOneBy({ id: userId });
      ${miss}
      ${after}
    }
  }
`;
const nest = (service: string) => ({ "package.json": NEST, "apps/api/src/api-keys/api-keys.service.ts": service });
// Another shape: a Prisma service whose id sits in a nested `where`, the miss thrown, the row found then updated.
const TICKETS_CONTROLLER = dedent`
  import { Controller, Param, Patch } from "@nestjs/common";
  import { TicketsService } from "./tickets.service";
  @Controller("tickets")
  export class TicketsController {
    constructor(private readonly tickets: TicketsService) {}
    @Patch(":ticketId/close")
    close(@Param("ticketId") ticketId: string) {
      return this.tickets.close(ticketId);
    }
  }
`;
const TICKETS_SERVICE = (after: string) => dedent`
  import { Injectable, NotFoundException } from "@nestjs/common";
  @Injectable()
  export class TicketsService {
    constructor(private readonly prisma: PrismaService) {}
    async close(ticketId: string) {
      const ticket = await this.prisma.ticket.findFirst({ where: { id: ticketId, deletedAt: null } });
      if (!ticket) throw new NotFoundException("ticket");
      ${after}
    }
  }
`;
const tickets = (service: string) => ({ "package.json": NEST, "src/tickets/tickets.service.ts": service });
// The route id handed to a service method that only returns the user's own row for it, the caller ending the request
// on a miss before it acts (upwork_avto_service proposals.controller.ts:34, labelled clean debatable); a method
// whose lookup does not name the user stays a use.
const PROPOSALS_CONTROLLER = dedent`
  import { BadRequestException, Controller, Param, Post, Req } from "@nestjs/common";
  import { ProposalsService } from "./proposals.service";
  @Controller("proposals")
  export class ProposalsController {
    constructor(private service: ProposalsService) {}
    @Post(":id/send")
    async send(@Param("id") id: string, @Req() req: AuthedRequest) {
      const prop = await this.service.findOwned(id, req.user.id);
      if (!prop) throw new BadRequestException("Not found");
      await this.service.markSent(id);
      return { ok: true };
    }
  }
`;
const PROPOSALS_SERVICE = (filter: string) => dedent`
  import { Injectable } from "@nestjs/common";
  import { Repository } from "typeorm";
  @Injectable()
  export class ProposalsService {
    constructor(private proposals: Repository<Proposal>) {}
    async findOwned(id: string, userId: string) {
      return this.proposals.findOne({ where: ${filter}, relations: ["apiKey"] });
    }
    async markSent(id: string) {
      await this.proposals.update({ id }, { status: "SENT" });
    }
  }
`;
const proposals = (service: string) => ({ "package.json": NEST, "apps/api/src/proposals/proposals.service.ts": service });

function ok(name: string, code: string, filename: string, files: Record<string, string>): ValidCase {
  return { name, code, filename, files };
}

const valid: ValidCase[] = [
  ok("nestDecorator: a route id looked up by the service, null on a miss, the row found written", KEYS_CONTROLLER, "apps/api/src/api-keys/api-keys.controller.ts", nest(KEYS_SERVICE("if (!user) return null;", "return this.keys.save(this.keys.create({ user }));"))),
  ok("nestDecorator: a route id in a nested Prisma where, the miss thrown, the row updated", TICKETS_CONTROLLER, "src/tickets/tickets.controller.ts", tickets(TICKETS_SERVICE("return this.prisma.ticket.update({ where: { id: ticket.id }, data: { closed: true } });"))),
  ok("nestDecorator: a route id handed to a lookup of the user's own row, the miss ending the request", PROPOSALS_CONTROLLER, "apps/api/src/proposals/proposals.controller.ts", proposals(PROPOSALS_SERVICE("{ id, user: { id: userId } }"))),
];

function row(name: string, code: string, filename: string, files: Record<string, string>, caseId: string, line: number, column: number, endColumn: number): InvalidCase {
  return { name, code, filename, findings: [{ case: caseId, line, column, endColumn, suggestions: [mark(code, caseId, line)] }], files, output: null };
}

const invalid: InvalidCase[] = [
  row("nestDecorator: the miss goes on to the write", KEYS_CONTROLLER, "apps/api/src/api-keys/api-keys.controller.ts", nest(KEYS_SERVICE("console.log(user);", "return this.keys.save(this.keys.create({ user }));")), "nestDecorator", 7, 16, 32),
  row("nestDecorator: a read-only lookup answered", KEYS_CONTROLLER, "apps/api/src/api-keys/api-keys.controller.ts", nest(KEYS_SERVICE("if (!user) return null;", "return user;")), "nestDecorator", 7, 16, 32),
  row("nestDecorator: the id read again after the lookup and stored", KEYS_CONTROLLER, "apps/api/src/api-keys/api-keys.controller.ts", nest(KEYS_SERVICE("if (!user) return null;", "return this.keys.save(this.keys.create({ ownerRef: userId }));")), "nestDecorator", 7, 16, 32),
  row("nestDecorator: the ticket id used again as the update key", TICKETS_CONTROLLER, "src/tickets/tickets.controller.ts", tickets(TICKETS_SERVICE("return this.prisma.ticket.update({ where: { id: ticketId }, data: { closed: true } });")), "nestDecorator", 7, 9, 27),
  row("nestDecorator: a helper lookup that does not name the user", PROPOSALS_CONTROLLER, "apps/api/src/proposals/proposals.controller.ts", proposals(PROPOSALS_SERVICE("{ id }")), "nestDecorator", 7, 14, 26),
];

runWithNamedCases(valid, invalid);
