import axios from "axios";
import { z } from "zod";
import { cache } from "../cache";

const http = axios.create({ baseURL: process.env.BILLING_URL, timeout: 5000 });

const Customer = z.object({ id: z.string(), email: z.string().email(), plan: z.enum(["free", "pro"]) });
type Customer = z.infer<typeof Customer>;

interface GitHubRepo {
  full_name: string;
  stargazers_count: number;
}

export async function getCustomer(id: string): Promise<Customer> {
  const res = await fetch(`${process.env.CRM_URL}/customers/${encodeURIComponent(id)}`);
  if (!res.ok) throw new Error(`crm responded ${res.status}`);
  return Customer.parse(await res.json());
}

export async function getRepoStars(repo: string): Promise<number> {
  const res = await fetch(`https://api.github.com/repos/${repo}`);
  // hh-expect: unvalidated-boundary/fetchJson
  const data = (await res.json()) as GitHubRepo;
  return data.stargazers_count;
}

export async function getInvoices(customerId: string) {
  // hh-expect: unvalidated-boundary/fetchJson
  const { data } = await http.get(`/customers/${customerId}/invoices`);
  return data.items.map((inv: { id: string; total: number }) => ({ id: inv.id, total: inv.total / 100 }));
}

export async function getPlan(customerId: string) {
  const res = await http.get(`/customers/${customerId}/plan`);
  const plan = z.object({ name: z.string(), seats: z.number() }).parse(res.data);
  return plan.seats;
}

export async function syncExchangeRates() {
  // hh-expect: unvalidated-boundary/fetchJson
  const rates = await (await fetch("https://rates.example.com/latest")).json();
  await cache.set("rates", rates.EUR);
}

export function watchStatus(onChange: (status: string) => void) {
  fetch("/api/status")
    // hh-expect: unvalidated-boundary/fetchJson
    .then((r) => r.json())
    .then((body) => onChange(body.status));
}

export async function ping(): Promise<boolean> {
  const res = await fetch(`${process.env.CRM_URL}/health`);
  return res.ok;
}

export async function proxyWebhook(body: unknown) {
  const res = await fetch(process.env.HOOK_URL!, { method: "POST", body: JSON.stringify(body) });
  return res.status;
}

export async function getUserSafe(id: string) {
  const response = await fetch(`/api/users/${id}`);
  const json: unknown = await response.json();
  if (!isUser(json)) throw new Error("unexpected user payload");
  return json.name;
}

function isUser(value: unknown): value is { name: string } {
  return typeof value === "object" && value !== null && typeof (value as { name?: unknown }).name === "string";
}
