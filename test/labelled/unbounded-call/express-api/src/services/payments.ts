import axios from "axios";
import { logger } from "../logger";

const PAYMENTS_URL = process.env.PAYMENTS_URL ?? "https://payments.internal";

// hh-expect: unbounded-call/client
const payments = axios.create({
  baseURL: PAYMENTS_URL,
  headers: { Authorization: `Bearer ${process.env.PAYMENTS_TOKEN}` },
});

const ledger = axios.create({ baseURL: process.env.LEDGER_URL, timeout: 5000 });

export async function charge(orderId: string, cents: number) {
  const { data } = await payments.post("/charges", { orderId, cents });
  return data;
}

export async function record(orderId: string) {
  return ledger.post("/entries", { orderId });
}

export async function exchangeRate(currency: string) {
  // hh-expect: unbounded-call/call
  const { data } = await axios.get(`https://api.exchangerate.host/latest?base=${currency}`);
  return data.rates as Record<string, number>;
}

export async function notifyShipping(orderId: string) {
  await axios.post(`${process.env.SHIPPING_URL}/notify`, { orderId }, { timeout: 8000 });
}

export async function chargeWithRetry(orderId: string, cents: number) {
  // hh-expect: unbounded-call/retry
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await charge(orderId, cents);
    } catch (err) {
      logger.warn({ err, attempt }, "charge failed");
    }
  }
  throw new Error("charge failed after 3 attempts");
}
