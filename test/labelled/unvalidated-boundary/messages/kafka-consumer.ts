import { Kafka, type EachMessagePayload } from "kafkajs";
import { z } from "zod";
import { db } from "../db";
import { metrics } from "../metrics";

const kafka = new Kafka({ clientId: "billing", brokers: (process.env.BROKERS ?? "localhost:9092").split(",") });
const consumer = kafka.consumer({ groupId: "billing" });

const InvoicePaid = z.object({ invoiceId: z.string(), amountCents: z.number().int(), paidAt: z.string() });

async function handleInvoicePaid({ message }: EachMessagePayload) {
  if (!message.value) return;
  const event = InvoicePaid.parse(JSON.parse(message.value.toString()));
  await db.invoice.update({ where: { id: event.invoiceId }, data: { paidAt: new Date(event.paidAt), paidCents: event.amountCents } });
}

async function handleRefund({ message }: EachMessagePayload) {
  // hh-expect: unvalidated-boundary/messagePayload
  const refund = JSON.parse(message.value!.toString());
  await db.refund.create({ data: { invoiceId: refund.invoiceId, amountCents: refund.amountCents } });
}

export async function start() {
  await consumer.connect();
  await consumer.subscribe({ topics: ["invoice.paid", "invoice.refunded", "audit"] });
  await consumer.run({
    eachMessage: async (payload) => {
      metrics.increment(`kafka.${payload.topic}`);
      if (payload.topic === "invoice.paid") return handleInvoicePaid(payload);
      if (payload.topic === "invoice.refunded") return handleRefund(payload);
      // hh-expect: unvalidated-boundary/messagePayload
      const audit = JSON.parse(payload.message.value?.toString() ?? "{}");
      await db.auditEntry.create({ data: { actor: audit.actor, action: audit.action } });
    },
  });
}
