import Fastify from "fastify";
import fastifyCookie from "@fastify/cookie";
import fastifyJwt from "@fastify/jwt";
import fastifySession from "@fastify/session";

const fastify = Fastify({ logger: { level: "info", redact: ["req.headers.authorization", "req.headers.cookie", "body.password"] } });

// hh-expect: hardcoded-secret/signingSecret
fastify.register(fastifyCookie, { secret: "supersecret", parseOptions: { httpOnly: true } });
fastify.register(fastifyJwt, { secret: process.env.JWT_SECRET!, sign: { expiresIn: "10m" } });
fastify.register(fastifySession, {
  cookieName: "sessionId",
  // hh-expect: hardcoded-secret/signingSecret
  secret: "1U9JHwBAUKRTF8sdFK9qTsNcNHNCWRuwxnwT4BAx",
  cookie: { secure: true },
});

fastify.post("/login", async (request, reply) => {
  const { username, password } = request.body as { username: string; password: string };
  if (!username || !password) return reply.code(400).send({ error: "username and password are required" });
  return { token: fastify.jwt.sign({ sub: username }) };
});

export default fastify;
