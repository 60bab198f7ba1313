import Stripe from "stripe";
import sgMail from "@sendgrid/mail";
import twilio from "twilio";
import OpenAI from "openai";
import Anthropic from "@anthropic-ai/sdk";

// hh-expect: hardcoded-secret/providerKey
export const stripe = new Stripe("sk_live_B2Iq3kQp5fnPj8aDI085bRKg", { apiVersion: "2024-06-20" });

export const stripeFromEnv = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: "2024-06-20" });

// hh-expect: hardcoded-secret/providerKey
sgMail.setApiKey("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");

export async function sendWelcome(to: string): Promise<void> {
  await sgMail.send({ to, from: "hello@acme.io", templateId: "d-4f1c2b7e9a0d4c3b8e6f5a2d1c0b9e8f" });
}

const accountSid = "AC22bf8fe7dc6ab35568a7bf24e65a7e23";
// hh-expect: hardcoded-secret/providerKey
export const sms = twilio(accountSid, "e6829edcd44971b851cb65bfc4d319df");

export const smsFromEnv = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);

export const openai = new OpenAI({
  // hh-expect: hardcoded-secret/providerKey
  apiKey: "sk-proj-4LgQj9I7WfwjEaIgFDn-hRWINioepGZfPNRPz4E9wce0qgjH",
  organization: "org-Qm3vT8kZp2LxW9rN5bYc",
});

export const anthropic = new Anthropic({
  // hh-expect: hardcoded-secret/providerKey
  apiKey: "sk-ant-api03-t7jkEyDZw__ZsJ_-rX1w-0NsRSW33cgh2M8XOTy6CM6w6Md8WpMoTaBvCzK5EMyaiwndQ3liZ6936IrMulhVEr5f_wOKrAA",
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
  return stripe.webhooks.constructEvent(body, signature, "whsec_mNNY7MxFv2l0QmnwSR5u1jN7ttWRXmib");
}

// hh-expect: hardcoded-secret/providerKey
const legacyOpenAI = new OpenAI({ apiKey: "sk-dT5wsUdvkZXwv0BR78wSdVLoVjd6jxjy2fdgEccyHZ9h1v81" });

export async function summarize(text: string): Promise<string> {
  const res = await legacyOpenAI.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: text }] });
  return res.choices[0]?.message.content ?? "";
}

export const STRIPE_PRICE_IDS = { pro: "price_1PqLmN2eZvKYlo2C8uVwXyZa", team: "price_1PqLmN2eZvKYlo2C9aBcDeFg" };
// hh-expect: hardcoded-secret/providerKey
export const STRIPE_RESTRICTED_KEY = "rk_live_3UVXQoHGBI3ahz4Zbx0eOnOm";
