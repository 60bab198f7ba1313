import { PubSub, type Message } from "@google-cloud/pubsub";
import { createClient } from "redis";
import { connect, StringCodec } from "nats";
import { z } from "zod";
import { db } from "../db";

const pubsub = new PubSub();
const sc = StringCodec();
const SignupEvent = z.object({ userId: z.string(), plan: z.string() });

export function listenSignups() {
  const subscription = pubsub.subscription("signups");
  subscription.on("message", async (message: Message) => {
    const event = SignupEvent.parse(JSON.parse(message.data.toString()));
    await db.onboarding.create({ data: { userId: event.userId, plan: event.plan } });
    message.ack();
  });
}

export function listenExports() {
  const subscription = pubsub.subscription("exports");
  subscription.on("message", async (message: Message) => {
    // hh-expect: unvalidated-boundary/messagePayload
    const job = JSON.parse(Buffer.from(message.data).toString("utf8"));
    await db.exportJob.update({ where: { id: job.id }, data: { status: "running" } });
    message.ack();
  });
}

export async function listenCacheInvalidation() {
  const subscriber = createClient({ url: process.env.REDIS_URL });
  await subscriber.connect();
  await subscriber.subscribe("cache:invalidate", async (message) => {
    // hh-expect: unvalidated-boundary/messagePayload
    const { keys } = JSON.parse(message);
    for (const key of keys) await db.cacheEntry.delete({ where: { key } });
  });
}

export async function listenNats() {
  const nc = await connect({ servers: process.env.NATS_URL });
  const sub = nc.subscribe("orders.created");
  for await (const msg of sub) {
    // hh-expect: unvalidated-boundary/messagePayload
    const order = JSON.parse(sc.decode(msg.data));
    await db.order.upsert({ where: { id: order.id }, create: order, update: order });
  }
}

export async function publishSignup(userId: string, plan: string) {
  await pubsub.topic("signups").publishMessage({ json: { userId, plan } });
}
