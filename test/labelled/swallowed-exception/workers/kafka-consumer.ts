import { Kafka, type EachMessagePayload } from "kafkajs";
import { logger } from "../lib/logger";
import { db } from "../lib/db";
import { ValidationError, parseEvent } from "../lib/events";

const kafka = new Kafka({ clientId: "billing", brokers: (process.env.KAFKA_BROKERS ?? "").split(",") });
const consumer = kafka.consumer({ groupId: "billing" });
const producer = kafka.producer();

async function toDeadLetter(payload: EachMessagePayload, err: unknown): Promise<void> {
  await producer.send({
    topic: `${payload.topic}.dlq`,
    messages: [{ key: payload.message.key, value: payload.message.value, headers: { error: String(err) } }],
  });
}

async function handle(payload: EachMessagePayload): Promise<void> {
  const { topic, partition, message } = payload;
  let event;
  try {
    event = parseEvent(message.value?.toString() ?? "");
  } catch (err) {
    if (err instanceof ValidationError) {
      logger.warn({ err, topic, partition, offset: message.offset }, "invalid event, sending to DLQ");
      await toDeadLetter(payload, err);
      return;
    }
    throw err;
  }
  try {
    await db.invoices.apply(event);
  } catch (err) {
    logger.error({ err, topic, offset: message.offset }, "apply failed");
    await toDeadLetter(payload, err);
  }
}

async function handleLossy(payload: EachMessagePayload): Promise<void> {
  try {
    await db.metrics.record(JSON.parse(payload.message.value?.toString() ?? "{}"));
  // hh-expect: swallowed-exception/emptyCatch
  } catch {
    // TODO
  }
}

export async function run(): Promise<void> {
  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({ topics: ["invoices", "metrics"] });
  await consumer.run({
    eachMessage: async (payload) => {
      if (payload.topic === "metrics") return handleLossy(payload);
      return handle(payload);
    },
  });
}

consumer.on(consumer.events.CRASH, (event) => {
  logger.fatal({ err: event.payload.error }, "consumer crashed");
});

export async function stop(): Promise<void> {
  try {
    await consumer.disconnect();
  // hh-expect: swallowed-exception/emptyCatch
  } catch (e) {
  }
  await producer.disconnect();
}

const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM"];
for (const signal of signals) {
  process.once(signal, () => {
    // hh-expect: swallowed-exception/thenRejectionNoop
    stop().then(() => process.exit(0), () => process.exit(0));
  });
}

run().catch((err) => {
  logger.fatal({ err }, "consumer failed to start");
  process.exit(1);
});
