"use strict";

const fp = require("fastify-plugin");

const commentSchema = {
  body: {
    type: "object",
    required: ["text"],
    properties: { text: { type: "string", maxLength: 2000 } },
  },
};

module.exports = fp(async function comments(fastify) {
  fastify.post("/posts/:postId/comments", { schema: commentSchema }, async (request, reply) => {
    // hh-expect: unvalidated-boundary/fastifyRequest
    const comment = await fastify.db.comment.create({ data: { postId: request.params.postId, text: request.body.text } });
    return reply.code(201).send(comment);
  });

  fastify.get("/posts/:postId/comments", async (request, reply) => {
    // hh-expect: unvalidated-boundary/fastifyRequest
    const comments = await fastify.db.comment.findMany({ where: { postId: request.params.postId } });
    return reply.send(comments);
  });

  fastify.patch("/comments/:id", async (request, reply) => {
    const id = Number(request.params.id);
    if (!Number.isInteger(id)) return reply.code(400).send({ error: "bad id" });
    // hh-expect: unvalidated-boundary/fastifyRequest
    await fastify.db.comment.update({ where: { id }, data: { text: request.body.text } });
    return reply.code(204).send();
  });

  fastify.get("/comments/count", async () => {
    const count = await fastify.db.comment.count();
    return { count };
  });
});
