import { bool, cleanEnv, num, port, str, url } from "envalid";

export const env = cleanEnv(process.env, {
  NODE_ENV: str({ choices: ["development", "test", "production"], default: "development" }),
  PORT: port({ default: 8080 }),
  DATABASE_URL: url(),
  // hh-expect: hardcoded-secret/envFallbackLiteral
  API_TOKEN: str({ default: "local-api-token" }),
  // hh-expect: hardcoded-secret/envFallbackLiteral
  WEBHOOK_SECRET: str({ default: "whsec_wU252syLe4iVWPM1EuaRQS9PYAa6JUca" }),
  SENTRY_DSN: str({ default: "" }),
  ENABLE_METRICS: bool({ default: true }),
  TOKEN_REFRESH_INTERVAL_MS: num({ default: 60_000 }),
  ANALYTICS_ID: str({ default: "G-7QK2M9XJ4P" }),
});

const { AWS_REGION = "eu-west-1", LOG_FORMAT = "json" } = process.env;
// hh-expect: hardcoded-secret/envFallbackLiteral
const { REDIS_PASSWORD = "Welcome#2025" } = process.env;

export const runtime = { region: AWS_REGION, logFormat: LOG_FORMAT, redisPassword: REDIS_PASSWORD };
