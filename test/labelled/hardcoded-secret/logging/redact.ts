import pino from "pino";

const SENSITIVE_KEYS = new Set(["password", "passwd", "secret", "token", "apiKey", "api_key", "authorization", "cookie", "clientSecret"]);

export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  redact: {
    paths: ["req.headers.authorization", "req.headers.cookie", "*.password", "*.token", "*.secret", "user.apiKey"],
    censor: "[REDACTED]",
  },
});

export function maskToken(token: string): string {
  return token.length <= 8 ? "********" : `${token.slice(0, 4)}…${token.slice(-4)}`;
}

export function scrub<T extends Record<string, unknown>>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) out[key] = SENSITIVE_KEYS.has(key) ? "[REDACTED]" : value;
  return out as T;
}

export const maskedExamples = {
  password: "[REDACTED]",
  token: "****",
  secret: "•••••••",
  apiKey: "sk_live_****************",
};
