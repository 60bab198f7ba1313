import https from "node:https";
import axios from "axios";
import got from "got";
import Stripe from "stripe";
import OpenAI from "openai";
import { createHmac } from "node:crypto";
import { logger } from "../logger";

const stripe = new Stripe(process.env.STRIPE_KEY!);
const openai = new OpenAI({ maxRetries: 3 });

export function postSlack(text: string): Promise<number> {
  return new Promise((resolve, reject) => {
    // hh-expect: unbounded-call/call
    const req = https.request({ hostname: "hooks.slack.com", path: process.env.SLACK_PATH, method: "POST", timeout: 5000 }, (res) => resolve(res.statusCode ?? 0));
    req.on("error", reject);
    req.end(JSON.stringify({ text }));
  });
}

export function postTeams(text: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = https.request({ hostname: "outlook.office.com", path: process.env.TEAMS_PATH, method: "POST", signal: AbortSignal.timeout(5000) }, (res) => resolve(res.statusCode ?? 0));
    req.on("error", reject);
    req.end(JSON.stringify({ text }));
  });
}

export async function crmContact(email: string) {
  // hh-expect: unbounded-call/call
  const { data } = await axios({ method: "GET", url: `${process.env.CRM_URL}/contacts`, params: { email } });
  return data;
}

export async function crmUpdate(id: string, fields: object) {
  const { data } = await axios.request({ method: "PATCH", url: `${process.env.CRM_URL}/contacts/${id}`, data: fields, timeout: 7000 });
  return data;
}

export async function exportCsv(id: string) {
  // no timeout on purpose: the export endpoint streams for minutes and the job runner kills it after 30 min
  const res = await fetch(`${process.env.CRM_URL}/exports/${id}`);
  return res.text();
}

export function downloadAttachment(url: string) {
  return got.stream(url);
}

export async function verifyWebhook(body: string, signature: string) {
  const digest = createHmac("sha256", process.env.CRM_SECRET!).update(body).digest("hex");
  return digest === signature;
}

export async function customerBalance(customer: string) {
  const c = await stripe.customers.retrieve(customer);
  return c;
}

export async function classify(text: string) {
  return openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: text }] });
}

export async function lookupVat(vat: string) {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("VIES timed out")), 5000));
  return Promise.race([fetch(`https://ec.europa.eu/taxation_customs/vies/rest-api/ms/${vat}`), timeout]);
}

export async function syncContact(email: string): Promise<void> {
  try {
    await crmContact(email);
  } catch (err) {
    logger.warn({ err, email }, "crm sync failed, trying again");
    // hh-expect: unbounded-call/retry
    return syncContact(email);
  }
}

export async function waitForExport(id: string) {
  // hh-expect: unbounded-call/retry
  for (let i = 0; i < 30; i++) {
    const res = await fetch(`${process.env.CRM_URL}/exports/${id}/status`, { signal: AbortSignal.timeout(3000) });
    if (res.ok) return res.json();
  }
  throw new Error("export not ready");
}
