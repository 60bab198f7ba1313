import { Worker, Queue } from "bullmq";
import IORedis from "ioredis";
import pino from "pino";
import pRetry from "p-retry";
import { sendEmail } from "./mail.js";

const logger = pino();
const connection = new IORedis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });

export const emails = new Queue("emails", { connection });

export const worker = new Worker(
  "emails",
  async (job) => {
    await pRetry(() => sendEmail(job.data), { retries: 4, minTimeout: 1000 });
  },
  { connection },
);

export async function deliverForever(payload: object) {
  // hh-expect: unbounded-call/retry
  return pRetry(() => sendEmail(payload), { retries: Infinity });
}

export async function deliverWithinAnHour(payload: object) {
  return pRetry(() => sendEmail(payload), { retries: Infinity, maxRetryTime: 3600000 });
}

worker.on("failed", (job, err) => logger.error({ err, id: job?.id }, "email job failed"));
