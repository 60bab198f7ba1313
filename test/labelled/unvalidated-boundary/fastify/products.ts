import Fastify, { type FastifyReply, type FastifyRequest } from "fastify";
import { Type, type Static } from "@sinclair/typebox";
import { db } from "../db";

const app = Fastify({ logger: true });

const ProductBody = Type.Object({ name: Type.String(), priceCents: Type.Integer({ minimum: 0 }) });
type ProductBody = Static<typeof ProductBody>;
const IdParams = Type.Object({ id: Type.String({ format: "uuid" }) });

app.post<{ Body: ProductBody }>("/products", { schema: { body: ProductBody } }, async (request, reply) => {
  const product = await db.product.create({ data: request.body });
  return reply.code(201).send(product);
});

app.get<{ Params: { id: string } }>("/products/:id", { schema: { params: IdParams } }, async (request) => {
  return db.product.findUnique({ where: { id: request.params.id } });
});

app.put("/products/:id", async (request: FastifyRequest<{ Params: { id: string }; Body: ProductBody }>, reply: FastifyReply) => {
  // hh-expect: unvalidated-boundary/fastifyRequest
  const { name, priceCents } = request.body;
  // hh-expect: unvalidated-boundary/fastifyRequest
  await db.product.update({ where: { id: request.params.id }, data: { name, priceCents } });
  return reply.code(204).send();
});

app.get("/products", async (request) => {
  // hh-expect: unvalidated-boundary/fastifyRequest
  const { category } = request.query as { category?: string };
  return db.product.findMany({ where: { category } });
});

app.route({
  method: "DELETE",
  url: "/products/:id",
  schema: { params: IdParams },
  handler: async (request, reply) => {
    await db.product.delete({ where: { id: (request.params as { id: string }).id } });
    return reply.code(204).send();
  },
});

app.post("/products/import", async (request, reply) => {
  // hh-expect: unvalidated-boundary/fastifyRequest
  const rows = request.body as ProductBody[];
  for (const row of rows) {
    await db.product.create({ data: { name: row.name, priceCents: row.priceCents } });
  }
  return reply.code(202).send({ imported: rows.length });
});

app.get("/healthz", async () => ({ ok: true }));

app.listen({ port: Number(process.env.PORT ?? 3000) });
