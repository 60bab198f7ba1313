import { ReceiveMessageCommand, DeleteMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { z } from "zod";
import { db } from "../db";

const sqs = new SQSClient({});
const QUEUE_URL = process.env.QUEUE_URL!;
const EmailJob = z.object({ to: z.string().email(), template: z.string() });

export async function pollOnce() {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: QUEUE_URL, MaxNumberOfMessages: 10 }));
  for (const message of Messages) {
    const parsed = EmailJob.safeParse(JSON.parse(message.Body ?? "{}"));
    if (parsed.success) await db.emailOutbox.create({ data: parsed.data });
    await sqs.send(new DeleteMessageCommand({ QueueUrl: QUEUE_URL, ReceiptHandle: message.ReceiptHandle }));
  }
}

export async function pollAudit() {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: process.env.AUDIT_QUEUE_URL!, MaxNumberOfMessages: 10 }));
  for (const message of Messages) {
    // hh-expect: unvalidated-boundary/messagePayload
    const entry = JSON.parse(message.Body!);
    await db.auditEntry.create({ data: { actor: entry.actor, action: entry.action, at: new Date(entry.at) } });
  }
}
