import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().url(),
  // hh-expect: hardcoded-secret/envFallbackLiteral
  JWT_SECRET: z.string().min(32).default("please-change-this-jwt-secret-now"),
  JWT_EXPIRES_IN: z.string().default("1h"),
  // hh-expect: hardcoded-secret/envFallbackLiteral
  SESSION_SECRET: z.string().default("this-is-the-signing-key"),
  SESSION_COOKIE_NAME: z.string().default("acme.sid"),
  STRIPE_SECRET_KEY: z.string().startsWith("sk_"),
  STRIPE_PUBLISHABLE_KEY: z.string().default("pk_live_LeCDo67mBo63zjZQK5V7CZxx"),
  // hh-expect: hardcoded-secret/envFallbackLiteral
  SENDGRID_API_KEY: z.string().default("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"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().default(120),
  // hh-expect: hardcoded-secret/envFallbackLiteral
  ADMIN_PASSWORD: z.string().default("admin"),
  PASSWORD_MIN_LENGTH: z.coerce.number().default(12),
  TOKEN_TTL_SECONDS: z.coerce.number().default(900),
  CORS_ORIGIN: z.string().default("http://localhost:5173"),
});

export type Env = z.infer<typeof EnvSchema>;
export const env: Env = EnvSchema.parse(process.env);
