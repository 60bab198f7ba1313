import { createHash, randomBytes } from "node:crypto";
import { Inject, Injectable, InjectionToken } from "@angular/core";
import jwt from "jsonwebtoken";
import { readFileSync } from "node:fs";

export const API_KEY = new InjectionToken<string>("API_KEY");
export const SESSION_TOKEN = Symbol("session-token");
export const typeDefs = /* GraphQL */ `
  type User { id: ID!, email: String!, passwordHash: String! }
  input LoginInput { email: String!, password: String! }
  type Mutation { login(input: LoginInput!): AuthPayload!, rotateApiKey: String! }
`;
export const CREATE_USERS = "create table users (id uuid primary key, email text not null, password_hash text not null, api_token text)";
export const openapi = {
  components: {
    securitySchemes: {
      bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
      apiKey: { type: "apiKey", in: "header", name: "X-API-Key" },
    },
  },
};

@Injectable()
export class AuthService {
  constructor(@Inject("JWT_SECRET") private readonly secret: string) {}

  sign(sub: string): string {
    const privateKey = readFileSync("keys/jwt.pem", "utf8");
    return jwt.sign({ sub }, privateKey, { algorithm: "RS256", keyid: "2024-06" });
  }

  fingerprint(token: string): string {
    return createHash("sha256").update(token).digest("hex").slice(0, 12);
  }

  newToken(): string {
    return randomBytes(32).toString("base64url");
  }
}

export function readToken(): string | null {
  return localStorage.getItem("token") ?? sessionStorage.getItem("access_token");
}

export const secretKey = process.env.SECRET_KEY ?? "";
export const tokenSecret = process.env.TOKEN_SECRET!;
export const passwordPolicy = { minLength: 12, requireSymbols: true, maxAgeDays: 90 };
export const composeFile = `
services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD}
`;

// hh-expect: hardcoded-secret/suspiciousName
export const defaultAdmin = { username: "admin", password: "Adm1n!2024" };
// hh-expect: hardcoded-secret/providerKey
export const paymentsKey = "sk_live_wJHch7sFvoKsWcZClUfKLOeB";
// hh-expect: hardcoded-secret/envFallbackLiteral
export const hmacKey = process.env.HMAC_KEY || "nntYaFxI9PHY0CAhY1fcaRA4";
// hh-expect: hardcoded-secret/connectionString
export const brokerUrl = "amqp://svc:RFon0ii2YSP4ZRc0@rabbitmq.prod.internal:5672/vhost";
