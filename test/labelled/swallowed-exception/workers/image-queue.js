const { Worker } = require('bullmq');
const sharp = require('sharp');
const fs = require('fs/promises');
const logger = require('../lib/logger');
const { storage } = require('../lib/storage');

const worker = new Worker('images', async (job) => {
  const { key, sizes } = job.data;
  const original = await storage.get(key);
  const outputs = [];
  for (const size of sizes) {
    try {
      const buf = await sharp(original).resize(size).webp().toBuffer();
      const outKey = `${key}.${size}.webp`;
      await storage.put(outKey, buf);
      outputs.push(outKey);
    } catch (err) {
      logger.error({ err, key, size }, 'resize failed');
      throw err;
    }
  }
  await job.updateProgress(100);
  return outputs;
}, { connection: { host: process.env.REDIS_HOST } });

worker.on('failed', (job, err) => {
  logger.error({ err, jobId: job && job.id }, 'image job failed');
});

// hh-expect: swallowed-exception/emptyErrorHandler
worker.on('error', () => undefined);

async function cleanupTmp(dir) {
  const entries = await fs.readdir(dir);
  for (const e of entries) {
    try {
      await fs.rm(`${dir}/${e}`, { force: true });
    // hh-expect: swallowed-exception/emptyCatch
    } catch (err) {
      void err;
    }
  }
}

async function stats() {
  try {
    return { waiting: await worker.client.then((c) => c.llen('bull:images:wait')) };
  // hh-expect: swallowed-exception/logAndContinue
  } catch (err) {
    logger.warn({ err }, 'stats failed');
    return { waiting: 0 };
  }
}

async function close() {
  try {
    await worker.close();
  } catch (err) {
    logger.error({ err }, 'worker close failed');
    process.exitCode = 1;
  }
}

process.on('SIGTERM', () => {
  close().finally(() => process.exit());
});

module.exports = { worker, cleanupTmp, stats, close };
