import cron from "node-cron";
import { logger } from "../lib/logger";
import { db } from "../lib/db";
import { reports } from "../lib/reports";
import { notifyOps } from "../lib/ops";

async function nightlyReport(): Promise<void> {
  const started = Date.now();
  try {
    const report = await reports.build();
    await reports.store(report);
    logger.info({ ms: Date.now() - started }, "nightly report stored");
  } catch (err) {
    logger.error({ err }, "nightly report failed");
    await notifyOps("nightly report failed");
    throw err;
  }
}

async function purgeSessions(): Promise<number> {
  try {
    return await db.sessions.deleteExpired();
  // hh-expect: swallowed-exception/logAndContinue
  } catch (err) {
    logger.warn({ err }, "session purge failed");
    return 0;
  }
}

async function rotateKeys(): Promise<void> {
  try {
    await db.keys.rotate();
    // hh-expect: swallowed-exception/rethrowWithoutCause
  } catch (err) {
    throw new Error("key rotation failed");
  }
}

async function refreshMaterializedViews(views: string[]): Promise<void> {
  const results = await Promise.allSettled(views.map((v) => db.refresh(v)));
  const failures = results.flatMap((r, i) => (r.status === "rejected" ? [views[i]] : []));
  if (failures.length) throw new Error(`refresh failed for ${failures.join(", ")}`);
}

export function schedule(): void {
  cron.schedule("0 3 * * *", () => {
    nightlyReport().catch((err) => logger.error({ err }, "nightly job crashed"));
  });
  cron.schedule("*/15 * * * *", () => {
    // hh-expect: swallowed-exception/promiseCatchNoop
    void purgeSessions().catch(() => 0);
  });
  cron.schedule("0 0 1 * *", () => {
    rotateKeys().catch(async (err) => {
      logger.error({ err }, "rotation failed");
      await notifyOps("key rotation failed");
    });
  });
  cron.schedule("0 * * * *", () => {
    refreshMaterializedViews(["daily_sales", "active_users"]).catch((err) => {
      logger.error({ err }, "view refresh failed");
      process.exitCode = 1;
    });
  });
}
