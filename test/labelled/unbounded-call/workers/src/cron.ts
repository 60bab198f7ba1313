import cron from "node-cron";
import Redis from "ioredis";
import retry from "retry";
import pino from "pino";

const logger = pino();
const redis = new Redis(process.env.REDIS_URL!);
redis.on("error", (err) => logger.error({ err }, "redis error"));

cron.schedule("*/5 * * * *", async () => {
  // hh-expect: unbounded-call/call
  const res = await fetch("https://status.example.com/api/v2/summary.json");
  const summary = await res.json();
  await redis.set("status:summary", JSON.stringify(summary));
});

cron.schedule("0 * * * *", async () => {
  const res = await fetch("https://status.example.com/api/v2/incidents.json", { signal: AbortSignal.timeout(10_000) });
  await redis.set("status:incidents", await res.text());
});

export function subscribe(channel: string, onMessage: (m: string) => void) {
  const sub = new Redis(process.env.REDIS_URL!);
  sub.subscribe(channel);
  sub.on("message", (_c, m) => onMessage(m));
  sub.on("end", () => {
    logger.warn("subscriber closed, resubscribing");
    // hh-expect: unbounded-call/retry
    subscribe(channel, onMessage);
  });
}

export function listen(connect: () => { on(event: string, cb: () => void): void }) {
  const conn = connect();
  conn.on("close", () => setTimeout(() => listen(connect), 5000));
}

export function pushMetrics(send: () => Promise<void>) {
  // hh-expect: unbounded-call/retry
  const op = retry.operation({ forever: true, minTimeout: 1000 });
  op.attempt(async () => {
    try {
      await send();
    } catch (err) {
      op.retry(err as Error);
    }
  });
}
