import Stripe from "stripe";
import { logger } from "./logger";
import { db, type Tx } from "./db";
import { cache } from "./cache";
import { InsufficientFundsError, BillingError } from "./errors";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? "", { apiVersion: "2024-06-20" });

export type ChargeResult = { ok: true; chargeId: string } | { ok: false; reason: string };

export async function charge(customerId: string, amountCents: number): Promise<ChargeResult> {
  try {
    const intent = await stripe.paymentIntents.create({ customer: customerId, amount: amountCents, currency: "eur", confirm: true });
    return { ok: true, chargeId: intent.id };
  } catch (err) {
    if (err instanceof Stripe.errors.StripeCardError) return { ok: false, reason: err.message };
    throw err;
  }
}

export async function chargeOrZero(customerId: string, amountCents: number): Promise<number> {
  try {
    await stripe.paymentIntents.create({ customer: customerId, amount: amountCents, currency: "eur", confirm: true });
    return amountCents;
  // hh-expect: swallowed-exception/logAndContinue
  } catch (err) {
    logger.error({ err, customerId }, "charge failed");
    return 0;
  }
}

export async function withTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const tx = await db.begin();
  try {
    const result = await fn(tx);
    await tx.commit();
    return result;
  } catch (err) {
    await tx.rollback();
    throw err;
  }
}

export async function debit(accountId: string, amount: number): Promise<void> {
  await withTransaction(async (tx) => {
    const balance = await tx.balance(accountId);
    if (balance < amount) throw new InsufficientFundsError(accountId, amount);
    await tx.debit(accountId, amount);
  });
}

export async function refundAll(chargeIds: string[]): Promise<{ refunded: string[]; failed: string[] }> {
  const refunded: string[] = [];
  const failed: string[] = [];
  for (const id of chargeIds) {
    try {
      await stripe.refunds.create({ charge: id });
      refunded.push(id);
    } catch (err) {
      logger.warn({ err, chargeId: id }, "refund failed");
      failed.push(id);
    }
  }
  return { refunded, failed };
}

export async function invoicePdf(invoiceId: string): Promise<Buffer | undefined> {
  try {
    const invoice = await stripe.invoices.retrieve(invoiceId);
    const res = await fetch(invoice.invoice_pdf!);
    return Buffer.from(await res.arrayBuffer());
  // hh-expect: swallowed-exception/catchReturnsDefault
  } catch (e) {
    return undefined;
  }
}

export async function cachedPlan(customerId: string): Promise<string> {
  const key = `plan:${customerId}`;
  const hit = await cache.get(key).catch((err: unknown) => {
    logger.warn({ err, key }, "cache read failed, falling back to Stripe");
    return null;
  });
  if (hit) return hit;
  const sub = await stripe.subscriptions.list({ customer: customerId, limit: 1 });
  const plan = sub.data[0]?.items.data[0]?.price.id ?? "free";
  // hh-expect: swallowed-exception/promiseCatchNoop
  cache.set(key, plan, 300).catch(() => {});
  return plan;
}

export async function syncCustomer(customerId: string): Promise<void> {
  let customer: Stripe.Customer | Stripe.DeletedCustomer;
  try {
    customer = await stripe.customers.retrieve(customerId);
    // hh-expect: swallowed-exception/rethrowWithoutCause
  } catch (err) {
    throw new BillingError(`customer ${customerId} could not be loaded`);
  }
  if (customer.deleted) return;
  await db.customers.upsert({ id: customer.id, email: customer.email ?? null });
}

export async function closeAccount(accountId: string): Promise<void> {
  try {
    await db.accounts.close(accountId);
    // hh-expect: swallowed-exception/partialErrorCheck
  } catch (err) {
    if (err instanceof InsufficientFundsError) {
      logger.info({ accountId }, "account has a negative balance, leaving it open");
    } else if ((err as { code?: string }).code === "ACCOUNT_LOCKED") {
      logger.info({ accountId }, "account locked");
    }
  }
}

export async function webhookSecretValid(payload: string, signature: string): Promise<boolean> {
  try {
    stripe.webhooks.constructEvent(payload, signature, process.env.STRIPE_WEBHOOK_SECRET ?? "");
    return true;
  } catch {
    return false;
  }
}

export async function reconcile(days: string[]): Promise<void> {
  const settled = await Promise.allSettled(days.map((d) => db.reconcileDay(d)));
  const failed = settled.filter((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed.length > 0) {
    throw new AggregateError(failed.map((f) => f.reason), `${failed.length} days failed to reconcile`);
  }
}
