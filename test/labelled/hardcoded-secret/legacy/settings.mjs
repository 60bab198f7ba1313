import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

export default {
  name: pkg.name,
  version: pkg.version,
  database: {
    // hh-expect: hardcoded-secret/connectionString
    uri: "mongodb://app_user:3ZY7YcsEsqe3onkM@mongo-0.mongo.internal:27017,mongo-1.mongo.internal:27017/app?replicaSet=rs0",
    options: { maxPoolSize: 20 },
  },
  cache: {
    // hh-expect: hardcoded-secret/connectionString
    url: "redis://default:OFfQpUpSFNWblylFCMcOddkm@cache.internal:6379",
    ttlSeconds: 300,
  },
  queue: {
    url: process.env.AMQP_URL ?? "amqp://localhost",
  },
  smtp: {
    host: "smtp.postmarkapp.com",
    // hh-expect: hardcoded-secret/suspiciousName
    password: "ONamXty6n6Mi6S0g0yvz5GTt",
  },
  // hh-expect: hardcoded-secret/suspiciousName
  adminToken: "qmH7ZEaFkK6XyhI4Q34t9xGKYKh0qDLR",
  // hh-expect: hardcoded-secret/envFallbackLiteral
  apiSecret: process.env.API_SECRET || "3YOXaYqqFMgyLIyQyqz2XOt9",
  uploadsDir: "/var/lib/app/uploads",
};
