import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Held round 36 (retired to tune), session 33, developer ub33c: route params a route's hooks look up first.
// Hand-written rows.

// Joi projects: no Zod fix is offered, only the directive.
const PKG = "{ \"name\": \"backend\", \"dependencies\": { \"fastify\": \"^5.0.0\", \"@prisma/client\": \"^6.0.0\", \"joi\": \"^17.0.0\" } }\n";

// A controller whose route, registered in another module with no params schema, runs a preHandler made by a factory
// that reads the route id through a getter and looks it up as the signed-in user's membership, 403 on a miss
// (spotline chat.controller.ts:20, :45, labelled clean debatable: the look-up-first decision).
const CONTROLLER = dedent`
  import type { FastifyRequest, FastifyReply } from "fastify";
  export async function getMessages(request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
    const { id: groupId } = request.params;
    const rows = await request.server.prisma.message.findMany({ where: { groupId } });
    return reply.code(200).send(rows);
  }
`;
const ROUTES = (hooks: string) => dedent`
  import { FastifyInstance } from "fastify";
  import { getMessages } from "../controllers/chat.controller";
  import { groupMemberGuard } from "../middlewares/groupGuards";
  export default async function chatRoutes(fastify: FastifyInstance) {
    fastify.route({
      method: "GET",
      url: "/groupes/:id/messages",
      preHandler: [${hooks}],
      handler: getMessages,
    });
  }
`;
const GUARDS = (where: string, miss: string) => dedent`
  import type { FastifyRequest, FastifyReply } from "fastify";
  function readParam(paramName = "id") {
    return (req: FastifyRequest) => (req.params as any)?.[paramName];
  }
  export function groupMemberGuard(paramName = "id") {
    const getGroupId = readParam(paramName);
    return async (request: FastifyRequest, reply: FastifyReply) => {
      const user = request.session?.user;
      const groupId = getGroupId(request);
      if (!user || !groupId) return reply.code(400).send({ error: "bad request" });
      const member = await request.server.prisma.groupMember.findUnique({ where: ${where} });
      ${miss}
    };
  }
`;
const files = (hooks: string, guards: string) => ({ "package.json": PKG, "src/routes/chat.routes.ts": ROUTES(hooks), "src/middlewares/groupGuards.ts": guards });
const SCOPED = "{ userId_groupId: { userId: user.id, groupId } }";
const MISS = "if (!member) return reply.code(403).send({ error: \"not a member\" });";

// Another shape: a plain guard function (no factory) in a route options argument, the param destructured and looked
// up scoped to its owner, 404 on a miss.
const PROJECT_CONTROLLER = dedent`
  export const ProjectController = {
    async show(req, reply) {
      const project = await req.server.prisma.project.update({ where: { id: req.params.projectId }, data: { viewedAt: new Date() } });
      return reply.send(project);
    },
  };
`;
const PROJECT_ROUTES = (param: string) => dedent`
  import { ProjectController } from "../controllers/project.controller";
  import { ownsProject } from "../hooks/owns-project";
  export default async function projectRoutes(app) {
    app.get("/projects/:${param}", { preHandler: [ownsProject] }, ProjectController.show);
  }
`;
const OWNS = (owner: string) => dedent`
  export async function ownsProject(request, reply) {
    const { projectId } = request.params;
    const project = await request.server.prisma.project.findFirst({ where: { id: projectId${owner} } });
    if (!project) return reply.code(404).send({ error: "not found" });
  }
`;
const projectFiles = (param: string, owner: string) => ({ "package.json": PKG, "src/routes/project.routes.js": PROJECT_ROUTES(param), "src/hooks/owns-project.js": OWNS(owner) });

function ok(name: string, code: string, filename: string, f: Record<string, string>): ValidCase {
  return { name, code, filename, files: f };
}

const valid: ValidCase[] = [
  ok("fastifyRequest: a factory's preHandler looks the route id up as the user's membership, 403 on a miss", CONTROLLER, "src/controllers/chat.controller.ts", files("requireAuth, groupMemberGuard(\"id\")", GUARDS(SCOPED, MISS))),
  ok("fastifyRequest: a plain preHandler in the route's options looks the param up scoped to its owner", PROJECT_CONTROLLER, "src/controllers/project.controller.js", projectFiles("projectId", ", ownerId: request.user.id")),
];

function row(name: string, code: string, filename: string, f: Record<string, string>, line: number, column: number, endColumn: number): InvalidCase {
  return { name, code, filename, findings: [{ case: "fastifyRequest", line, column, endColumn, suggestions: [mark(code, "fastifyRequest", line)] }], files: f, output: null };
}

const invalid: InvalidCase[] = [
  row("fastifyRequest: no hook on the route", CONTROLLER, "src/controllers/chat.controller.ts", files("requireAuth", GUARDS(SCOPED, MISS)), 3, 27, 41),
  row("fastifyRequest: the guard's lookup does not name the user", CONTROLLER, "src/controllers/chat.controller.ts", files("groupMemberGuard(\"id\")", GUARDS("{ groupId }", MISS)), 3, 27, 41),
  row("fastifyRequest: the guard's miss goes on", CONTROLLER, "src/controllers/chat.controller.ts", files("groupMemberGuard(\"id\")", GUARDS(SCOPED, "request.groupMember = member;")), 3, 27, 41),
  row("fastifyRequest: the guard looks up another param", CONTROLLER, "src/controllers/chat.controller.ts", files("groupMemberGuard(\"groupId\")", GUARDS(SCOPED, MISS)), 3, 27, 41),
  row("fastifyRequest: the plain guard's lookup not scoped to an owner", PROJECT_CONTROLLER, "src/controllers/project.controller.js", projectFiles("projectId", ""), 3, 75, 85),
];

runWithNamedCases(valid, invalid);
