import Fastify from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { prisma } from "../db";

const app = Fastify().withTypeProvider<ZodTypeProvider>();
app.setValidatorCompiler(validatorCompiler);
app.setSerializerCompiler(serializerCompiler);

app.post(
  "/teams",
  { schema: { body: z.object({ name: z.string().min(2) }) } },
  async (request, reply) => {
    const team = await prisma.team.create({ data: { name: request.body.name } });
    return reply.code(201).send(team);
  },
);

app.get(
  "/teams/:id",
  { schema: { params: z.object({ id: z.string().uuid() }) } },
  async (request) => prisma.team.findUnique({ where: { id: request.params.id } }),
);

app.post("/teams/:id/invite", async (request, reply) => {
  // hh-expect: unvalidated-boundary/fastifyRequest
  const { id } = request.params as { id: string };
  // hh-expect: unvalidated-boundary/fastifyRequest
  const { email } = request.body as { email: string };
  await prisma.invite.create({ data: { teamId: id, email } });
  return reply.code(202).send();
});

app.get("/teams", async (request) => {
  const { take } = z.object({ take: z.coerce.number().max(100).default(20) }).parse(request.query);
  return prisma.team.findMany({ take });
});
