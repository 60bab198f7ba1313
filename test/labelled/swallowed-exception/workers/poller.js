const { EventEmitter } = require('events');
const fetch = require('node-fetch');
const logger = require('./logger');
const store = require('./store');

class FeedPoller extends EventEmitter {
  constructor(urls, intervalMs = 60000) {
    super();
    this.urls = urls;
    this.intervalMs = intervalMs;
    this.timer = null;
  }

  start() {
    this.timer = setInterval(() => {
      // hh-expect: swallowed-exception/promiseCatchNoop
      this.pollAll().catch(() => {});
    }, this.intervalMs);
  }

  stop() {
    clearInterval(this.timer);
  }

  async pollAll() {
    const results = await Promise.allSettled(this.urls.map((url) => this.poll(url)));
    results.forEach((r, i) => {
      if (r.status === 'rejected') this.emit('error', r.reason, this.urls[i]);
    });
  }

  async poll(url) {
    const res = await fetch(url, { timeout: 10000 });
    if (!res.ok) throw new Error(`feed ${url} answered ${res.status}`);
    const body = await res.text();
    let items;
    try {
      items = JSON.parse(body).items;
    // hh-expect: swallowed-exception/catchReturnsDefault
    } catch (e) {
      items = [];
    }
    for (const item of items) {
      try {
        await store.upsert(item);
      } catch (err) {
        this.emit('error', err, url);
      }
    }
    return items.length;
  }

  async pollOnce(url) {
    try {
      return await this.poll(url);
    // hh-expect: swallowed-exception/logAndContinue
    } catch (err) {
      logger.error('poll failed', { url, err });
      return 0;
    }
  }
}

function startPolling(urls) {
  const poller = new FeedPoller(urls);
  poller.on('error', (err, url) => logger.error('feed error', { err, url }));
  poller.start();
  return poller;
}

function saveCursor(cursor, cb) {
  store.saveCursor(cursor, (err) => {
    if (err) return cb(err);
    cb(null);
  });
}

function saveCursorLossy(cursor) {
  // hh-expect: swallowed-exception/ignoredCallbackError
  store.saveCursor(cursor, (err) => {});
}

module.exports = { FeedPoller, startPolling, saveCursor, saveCursorLossy };
