import Stripe from "stripe";
import sgMail from "@sendgrid/mail";
import twilio from "twilio";
import OpenAI from "openai";
import Anthropic from "@anthropic-ai/sdk";

// hh-expect: hardcoded-secret/providerKey
export const stripe = new Stripe("sk_live_PQXM6vRnjiY6bC1B7Mc4bGqk", { apiVersion: "2024-06-20" });

export const stripeFromEnv = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: "2024-06-20" });

// hh-expect: hardcoded-secret/providerKey
sgMail.setApiKey("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");

export async function sendWelcome(to: string): Promise<void> {
  await sgMail.send({ to, from: "hello@acme.io", templateId: "d-4f1c2b7e9a0d4c3b8e6f5a2d1c0b9e8f" });
}

const accountSid = "ACd4c468249e0d72143e25bec1af557f0c";
// hh-expect: hardcoded-secret/providerKey
export const sms = twilio(accountSid, "d2473c10cfed8082c97c8e7286437e43");

export const smsFromEnv = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);

export const openai = new OpenAI({
  // hh-expect: hardcoded-secret/providerKey
  apiKey: "sk-proj-ModuvHek32YK0MhKhUpkRaZx4J6QS4c-MmRFb0GR74VztH9o",
  organization: "org-Qm3vT8kZp2LxW9rN5bYc",
});

export const anthropic = new Anthropic({
  // hh-expect: hardcoded-secret/providerKey
  apiKey: "sk-ant-api03-bOnCY2iFL-eAXqEHK-M4CQh-e1GQ3iU7WjTTNIyn0jkX0eGTnME_e4wZ7kzsS2WVNs2MkviqfoBvYtHcTuAI1OB5GOmY4AA",
  maxRetries: 2,
});

export const anthropicFromEnv = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });

export async function createCheckout(priceId: string, customerEmail: string) {
  return stripe.checkout.sessions.create({
    mode: "subscription",
    line_items: [{ price: priceId, quantity: 1 }],
    customer_email: customerEmail,
    success_url: "https://app.acme.io/billing/success?session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "https://app.acme.io/billing",
  });
}

export function verifyStripeEvent(body: string, signature: string) {
  // hh-expect: hardcoded-secret/providerKey
  return stripe.webhooks.constructEvent(body, signature, "whsec_rLI1zVx78nvFq4EXfRedOaYqMrUWGrLL");
}

// hh-expect: hardcoded-secret/providerKey
const legacyOpenAI = new OpenAI({ apiKey: "sk-NQvU5PWf8EJzs9dNsK0VOu0snidsEGc3MRF8S8cmampY1alm" });

export async function summarize(text: string): Promise<string> {
  const res = await legacyOpenAI.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: text }] });
  return res.choices[0]?.message.content ?? "";
}

export const STRIPE_PRICE_IDS = { pro: "price_1PqLmN2eZvKYlo2C8uVwXyZa", team: "price_1PqLmN2eZvKYlo2C9aBcDeFg" };
// hh-expect: hardcoded-secret/providerKey
export const STRIPE_RESTRICTED_KEY = "rk_live_vJJTsg4lPtDWRLCtZgXiNKWs";
