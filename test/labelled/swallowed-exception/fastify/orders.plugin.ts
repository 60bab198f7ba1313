import type { FastifyInstance, FastifyPluginAsync } from "fastify";
import { Type } from "@sinclair/typebox";
import { orders } from "../lib/orders";
import { payments, PaymentDeclinedError } from "../lib/payments";
import { audit } from "../lib/audit";

const OrderParams = Type.Object({ id: Type.String() });

export const ordersPlugin: FastifyPluginAsync = async (fastify: FastifyInstance) => {
  fastify.get("/orders/:id", { schema: { params: OrderParams } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const order = await orders.get(id);
    if (!order) return reply.code(404).send({ error: "not found" });
    return order;
  });

  fastify.post("/orders/:id/pay", async (request, reply) => {
    const { id } = request.params as { id: string };
    try {
      const receipt = await payments.charge(id);
      return { receipt };
    } catch (err) {
      if (err instanceof PaymentDeclinedError) {
        return reply.code(402).send({ error: "payment declined" });
      }
      throw err;
    }
  });

  fastify.post("/orders/:id/cancel", async (request, reply) => {
    const { id } = request.params as { id: string };
    try {
      await orders.cancel(id);
      // hh-expect: swallowed-exception/rethrowWithoutCause
    } catch (err) {
      request.log.error({ err, orderId: id }, "cancel failed");
      throw new Error("cancel failed");
    }
    // hh-expect: swallowed-exception/promiseCatchLogOnly
    audit.record("order.cancelled", id).catch((err) => request.log.warn({ err }, "audit failed"));
    return reply.code(204).send();
  });

  fastify.get("/orders/:id/invoice", async (request, reply) => {
    const { id } = request.params as { id: string };
    try {
      return await orders.invoice(id);
    // hh-expect: swallowed-exception/catchReturnsDefault
    } catch {
      return null;
    }
  });

  fastify.get("/orders", async (request) => {
    const limit = Number((request.query as { limit?: string }).limit ?? 20);
    try {
      return await orders.list(limit);
    // hh-expect: swallowed-exception/logAndContinue
    } catch (err) {
      request.log.error(err);
      return [];
    }
  });

  fastify.post("/orders/:id/refund", async (request, reply) => {
    const { id } = request.params as { id: string };
    try {
      await payments.refund(id);
      return { ok: true };
    } catch (err) {
      request.log.error({ err, orderId: id }, "refund failed");
      return reply.code(502).send({ error: "refund failed" });
    }
  });

  fastify.addHook("onClose", async () => {
    // hh-expect: swallowed-exception/allSettledUnchecked
    await Promise.allSettled([orders.close(), payments.close()]);
  });

  fastify.setErrorHandler(function (error, request, reply) {
    request.log.error({ err: error }, "request failed");
    reply.status(500).send({ error: "Internal Server Error" });
  });
};

export async function syncOrders(fastify: FastifyInstance, ids: string[]) {
  const results = await Promise.allSettled(ids.map((id) => orders.sync(id)));
  const failed = results.filter((r) => r.status === "rejected");
  if (failed.length > 0) fastify.log.warn({ failed: failed.length }, "some orders failed to sync");
  return results.length - failed.length;
}

export async function start(fastify: FastifyInstance) {
  try {
    await fastify.listen({ port: 3000 });
  } catch (err) {
    fastify.log.error(err);
    process.exit(1);
  }
}
