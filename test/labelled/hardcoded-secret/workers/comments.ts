/**
 * Payment helpers.
 *
 * Configure STRIPE_SECRET_KEY (sk_live_… in production, sk_test_… locally) in `.env`.
 * See https://docs.stripe.com/keys for where to find it.
 */
import Stripe from "stripe";

// TODO: remove before merging — old key was
// hh-expect: hardcoded-secret/secretInComment
// sk_live_key = "sk_live_MA6wsH5vxB1Xyaa3vDPNYqjE"
export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: "2024-06-20" });

/*
 * Temporary Slack bot for the incident channel:
 * hh-expect is not allowed in a block comment, so the label sits on the line above.
 */
// hh-expect: hardcoded-secret/secretInComment
/* token: xoxb-858699590589-6885064967059-QCJvQFambq1UQ2KENosn7fSi */
export const incidentChannel = "#inc-payments";

// const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
// hh-expect: hardcoded-secret/secretInComment
// const openai = new OpenAI({ apiKey: "sk-proj-41LOQ-hchrd1Vjf3b1QXU3fZj4JXzpy1kpIt8wepSabqjBG-" });

// The AWS example key AKIAIOSFODNN7EXAMPLE from the docs is safe to show here.
// Tokens look like ghp_<36 chars>; never commit one.

export function chargeDescription(orderId: string): string {
  // Stripe descriptors are limited to 22 characters.
  return `ACME ${orderId}`.slice(0, 22);
}

// hh-expect: hardcoded-secret/secretInComment
// AWS_ACCESS_KEY_ID=AKIAFMJMWBQR44FENDG4
export const region = "eu-west-1";
