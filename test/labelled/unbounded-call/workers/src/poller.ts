import pino from "pino";

const logger = pino();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function pollFeeds(fetchFeeds: () => Promise<void>) {
  // hh-expect: unbounded-call/retry
  while (true) {
    try {
      await fetchFeeds();
      await sleep(60_000);
    } catch (err) {
      logger.error({ err }, "feed poll failed");
    }
  }
}

export async function pollInbox(check: () => Promise<void>) {
  while (true) {
    try {
      await check();
    } catch (err) {
      logger.error({ err }, "inbox check failed");
    }
    await sleep(30_000);
  }
}

export async function consume(next: () => Promise<{ id: string } | null>, handle: (m: { id: string }) => Promise<void>) {
  for (;;) {
    const message = await next();
    if (!message) continue;
    await handle(message);
  }
}

export async function connectBroker(connect: () => Promise<void>) {
  while (true) {
    try {
      await connect();
      return;
    } catch (err) {
      logger.warn({ err }, "broker unavailable, retrying in 5s");
      await sleep(5000);
    }
  }
}

export async function claimSlot(insert: () => Promise<void>) {
  for (let i = 0; i < 5; i++) {
    try {
      return await insert();
    } catch (err: any) {
      if (err.code !== "23505") throw err;
    }
  }
  throw new Error("no free slot");
}

export async function fetchReport(load: () => Promise<string>) {
  // hh-expect: unbounded-call/retry
  while (true) {
    try {
      return await load();
    } catch (err) {
      logger.warn({ err }, "report not ready");
      await sleep(2000);
    }
  }
}

export async function syncAll(list: (cursor?: string) => Promise<{ items: string[]; next?: string }>) {
  const all: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    all.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return all;
}
