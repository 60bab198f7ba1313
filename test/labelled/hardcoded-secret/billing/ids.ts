// Production code that names secrets without holding one: ID prefixes, token prefixes, storage
// keys, dependency versions, allowlists and the placeholder list a startup check compares with.
import { customAlphabet } from "nanoid";

const nano = customAlphabet("0123456789abcdefghijklmnopqrstuvwxyz", 20);

export const ID_PREFIXES = {
  customer: "cus",
  invoice: "inv",
  payment: "pay",
  webhook: "wh",
  webhookSecret: "whsec",
  token: "tok",
  event: "evt",
} as const;

export function newId(kind: keyof typeof ID_PREFIXES): string {
  return `${ID_PREFIXES[kind]}_${nano()}`;
}

export const OAUTH_TOKEN_PREFIXES = { accessToken: "acme_at_", refreshToken: "acme_rt_", clientSecret: "acme_cs_" };

const PENDING_UPGRADE_TOKEN_KEY = "billingPendingUpgradeToken";

export function rememberUpgrade(planId: string): void {
  sessionStorage.setItem(PENDING_UPGRADE_TOKEN_KEY, planId);
}

export const webhookConfig = {
  allowedIps: ["54.187.174.169", "54.187.205.235", "2600:1f14:0e1e:7d00::/56"],
  signatureHeader: "stripe-signature",
};

export const pinnedDependencies = { jsonwebtoken: "^9.0.2", "@types/jsonwebtoken": "~9.0.6" };

const PLACEHOLDER_SECRETS = {
  STRIPE_WEBHOOK_SECRET: "whsec_replace_me",
  BILLING_JWT_SECRET: "secret_for_billing",
} as const;

export function assertConfigured(): void {
  for (const [name, placeholder] of Object.entries(PLACEHOLDER_SECRETS)) {
    if (process.env[name] === placeholder && process.env.NODE_ENV === "production") throw new Error(`${name} still holds its placeholder`);
  }
}

export async function charge(customerId: string, amountCents: number): Promise<void> {
  await stripe.paymentIntents.create({ customer: customerId, amount: amountCents, currency: "eur" }, { idempotencyKey: `charge-${customerId}-${amountCents}` });
}

export function cacheKeyFor(): string {
  return hash(env.STRIPE_SECRET_KEY ?? "stripe-unconfigured");
}

export const fallbackSigner = {
  // hh-expect: hardcoded-secret/suspiciousName
  signingSecret: "Jx8rQ2mW5kT9vB3nZ7pL1cY6",
};

declare const stripe: { paymentIntents: { create(a: object, b: object): Promise<unknown> } };
declare function hash(s: string): string;
declare const env: { STRIPE_SECRET_KEY?: string };
