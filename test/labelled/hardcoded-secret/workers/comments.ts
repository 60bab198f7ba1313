/**
 * Payment helpers.
 *
 * Configure STRIPE_SECRET_KEY (sk_live_… in production, sk_test_… locally) in `.env`.
 * See https://docs.stripe.com/keys for where to find it.
 */
import Stripe from "stripe";

// TODO: remove before merging — old key was
// hh-expect: hardcoded-secret/secretInComment
// sk_live_key = "sk_live_BL9zti0ZhqmDHPOtIlcZeGNd"
export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: "2024-06-20" });

/*
 * Temporary Slack bot for the incident channel:
 * hh-expect is not allowed in a block comment, so the label sits on the line above.
 */
// hh-expect: hardcoded-secret/secretInComment
/* token: xoxb-849289321660-9154155822713-mrWV1U8AVq9aENX3Wr9EwnL5 */
export const incidentChannel = "#inc-payments";

// const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
// hh-expect: hardcoded-secret/secretInComment
// const openai = new OpenAI({ apiKey: "sk-proj-ZpZROtLuBNeyXQBiLAToy1RBSEDQZDGnQiHdqHewdnoD-iY0" });

// The AWS example key AKIAIOSFODNN7EXAMPLE from the docs is safe to show here.
// Tokens look like ghp_<36 chars>; never commit one.

export function chargeDescription(orderId: string): string {
  // Stripe descriptors are limited to 22 characters.
  return `ACME ${orderId}`.slice(0, 22);
}

// hh-expect: hardcoded-secret/secretInComment
// AWS_ACCESS_KEY_ID=AKIAQGUVFW4TFPD7R5H4
export const region = "eu-west-1";
