import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

export default {
  name: pkg.name,
  version: pkg.version,
  database: {
    // hh-expect: hardcoded-secret/connectionString
    uri: "mongodb://app_user:I7kDUfVaTQ4SBXEU@mongo-0.mongo.internal:27017,mongo-1.mongo.internal:27017/app?replicaSet=rs0",
    options: { maxPoolSize: 20 },
  },
  cache: {
    // hh-expect: hardcoded-secret/connectionString
    url: "redis://default:JdoO7sqjQbqrfzq73V5SuYUY@cache.internal:6379",
    ttlSeconds: 300,
  },
  queue: {
    url: process.env.AMQP_URL ?? "amqp://localhost",
  },
  smtp: {
    host: "smtp.postmarkapp.com",
    // hh-expect: hardcoded-secret/suspiciousName
    password: "vNY3ZY7YcsEsqe3onkMOFfQp",
  },
  // hh-expect: hardcoded-secret/suspiciousName
  adminToken: "UpSFNWblylFCMcOddkmONamXty6n6Mi6",
  // hh-expect: hardcoded-secret/envFallbackLiteral
  apiSecret: process.env.API_SECRET || "S0g0yvz5GTtqmH7ZEaFkK6Xy",
  uploadsDir: "/var/lib/app/uploads",
};
