import type { NextApiRequest, NextApiResponse } from "next";
import Stripe from "stripe";
import { buffer } from "micro";

export const config = { api: { bodyParser: false } };

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY as string, { apiVersion: "2024-06-20" });
// hh-expect: hardcoded-secret/envFallbackLiteral
const endpointSecret = process.env.STRIPE_WEBHOOK_SECRET ?? "whsec_MXvPIw9mB1CWTcIqzxPPFgZDfHh8d8we";

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== "POST") {
    res.setHeader("Allow", "POST");
    return res.status(405).end("Method Not Allowed");
  }
  const sig = req.headers["stripe-signature"] as string;
  try {
    const event = stripe.webhooks.constructEvent(await buffer(req), sig, endpointSecret);
    return res.json({ received: true, type: event.type });
  } catch (err: unknown) {
    return res.status(400).send(`Webhook Error: ${err instanceof Error ? err.message : String(err)}`);
  }
}
