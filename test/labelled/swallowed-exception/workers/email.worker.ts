import { Worker, Queue, type Job } from "bullmq";
import IORedis from "ioredis";
import pino from "pino";
import { renderTemplate } from "../lib/templates";
import { smtp, SmtpRateLimitError } from "../lib/smtp";
import { db } from "../lib/db";

const logger = pino({ name: "email-worker" });
const connection = new IORedis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
export const emailQueue = new Queue("email", { connection });

async function sendWithRetry(to: string, html: string, attempts = 3): Promise<void> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      await smtp.send({ to, html });
      return;
    } catch (err) {
      lastError = err;
      if (!(err instanceof SmtpRateLimitError)) throw err;
      await new Promise((r) => setTimeout(r, attempt * 1000));
    }
  }
  throw lastError;
}

export const worker = new Worker(
  "email",
  async (job: Job<{ userId: string; template: string }>) => {
    const user = await db.users.findById(job.data.userId);
    if (!user) {
      logger.warn({ jobId: job.id }, "user gone, dropping job");
      return;
    }
    let html: string;
    try {
      html = await renderTemplate(job.data.template, { user });
      // hh-expect: swallowed-exception/rethrowWithoutCause
    } catch (err) {
      throw new Error(`template ${job.data.template} failed to render`);
    }
    await sendWithRetry(user.email, html);
    try {
      await db.emails.log({ userId: user.id, template: job.data.template });
    // hh-expect: swallowed-exception/logAndContinue
    } catch (err) {
      logger.warn({ err, jobId: job.id }, "could not record sent email");
    }
  },
  { connection, concurrency: 5 },
);

worker.on("failed", (job, err) => {
  logger.error({ err, jobId: job?.id }, "email job failed");
});

worker.on("error", (err) => {
  logger.error({ err }, "worker error");
});

// hh-expect: swallowed-exception/emptyErrorHandler
connection.on("error", () => {});

export async function drainDeadLetters(): Promise<number> {
  const jobs = await emailQueue.getFailed();
  let retried = 0;
  for (const job of jobs) {
    try {
      await job.retry();
      retried++;
    // hh-expect: swallowed-exception/emptyCatch
    } catch {}
  }
  return retried;
}

export async function shutdown(): Promise<void> {
  // hh-expect: swallowed-exception/allSettledUnchecked
  await Promise.allSettled([worker.close(), emailQueue.close()]);
  connection.disconnect();
}

process.on("SIGTERM", () => {
  shutdown()
    .then(() => process.exit(0))
    .catch((err) => {
      logger.fatal({ err }, "shutdown failed");
      process.exit(1);
    });
});

// hh-expect: swallowed-exception/emptyErrorHandler
process.on("unhandledRejection", () => {});
