import "dotenv/config";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Missing required environment variable ${name}`);
  return value;
}

export const config = {
  env: process.env.NODE_ENV ?? "development",
  port: Number(process.env.PORT ?? 3000),
  logLevel: process.env.LOG_LEVEL || "info",
  publicUrl: process.env.PUBLIC_URL ?? "http://localhost:3000",
  database: {
    url: required("DATABASE_URL"),
    poolSize: Number(process.env.DB_POOL_SIZE ?? 10),
    ssl: process.env.DB_SSL === "true",
  },
  auth: {
    // hh-expect: hardcoded-secret/envFallbackLiteral
    jwtSecret: process.env.JWT_SECRET || "dev-jwt-secret",
    jwtExpiresIn: process.env.JWT_EXPIRES_IN ?? "15m",
    refreshTokenTtl: process.env.REFRESH_TOKEN_TTL ?? "30d",
    // hh-expect: hardcoded-secret/envFallbackLiteral
    sessionSecret: process.env.SESSION_SECRET ?? "changeme",
    cookieName: process.env.SESSION_COOKIE ?? "sid",
    passwordMinLength: 12,
  },
  stripe: {
    // hh-expect: hardcoded-secret/envFallbackLiteral
    secretKey: process.env.STRIPE_SECRET_KEY || "sk_live_IawnktjIhxrqigeO0fG0wWEY",
    publishableKey: process.env.STRIPE_PUBLISHABLE_KEY ?? "pk_live_TPvlQpB5CmPKon74u4yd4mkv",
    webhookSecret: required("STRIPE_WEBHOOK_SECRET"),
    apiVersion: "2024-06-20",
  },
  mail: {
    host: process.env.SMTP_HOST ?? "smtp.mailgun.org",
    port: Number(process.env.SMTP_PORT ?? 587),
    user: process.env.SMTP_USER ?? "postmaster@mg.acme.io",
    // hh-expect: hardcoded-secret/envFallbackLiteral
    password: process.env.SMTP_PASSWORD ?? "Pr0d-Adm1n#",
    from: "Acme <no-reply@acme.io>",
  },
  openai: {
    // hh-expect: hardcoded-secret/envFallbackLiteral
    apiKey: process.env.OPENAI_API_KEY ?? "sk-proj-9-nmHh-JFnHZGbFEZxdbVVmliWKO8ioa5dYh2NdBWflcpjax",
    model: process.env.OPENAI_MODEL ?? "gpt-4o-mini",
    maxTokens: 1024,
  },
  redis: {
    // hh-expect: hardcoded-secret/envFallbackLiteral
    url: process.env.REDIS_URL || "redis://:2XDkBIgPw5b9g0Xq@cache.internal:6379/0",
  },
  github: {
    appId: Number(process.env.GITHUB_APP_ID),
    // hh-expect: hardcoded-secret/envFallbackLiteral
    token: process.env.GITHUB_TOKEN || process.env.GH_TOKEN || "ghp_loRY7EjzxWOr4jUQSDmFi4brdCRd77mUbvHE",
    org: "acme-inc",
  },
  features: {
    signups: process.env.FEATURE_SIGNUPS !== "false",
    tokenRefresh: true,
  },
};

// hh-expect: hardcoded-secret/envFallbackLiteral
export const ADMIN_API_KEY = process.env.ADMIN_API_KEY || "admin";
export const API_KEY_HEADER = "x-api-key";
export const TOKEN_ISSUER = "https://auth.acme.io/";
export const TOKEN_AUDIENCE = "api.acme.io";
// hh-expect: hardcoded-secret/envFallbackLiteral
export const ENCRYPTION_KEY = process.env.ENCRYPTION_KEY ?? "b53e40fb73d93a3c91b089f7f6bc9ffbe57a99669ea07430ea689c2e640e43c1";
export const SECRET_NAME = "prod/acme/api";
export const PASSWORD_RESET_TTL_MINUTES = 30;
