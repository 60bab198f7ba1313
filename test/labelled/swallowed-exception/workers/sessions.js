'use strict';

const redis = require('./redis-client');
const logger = require('./logger');
const noop = () => {};

function touchSession(id) {
  // hh-expect: swallowed-exception/noopCallback
  redis.expire(`sess:${id}`, 3600, noop);
}

function loadSession(id, cb) {
  redis.get(`sess:${id}`, (err, raw) => {
    if (err) return cb(err);
    try {
      cb(null, JSON.parse(raw));
    } catch (parseErr) {
      cb(parseErr);
    }
  });
}

function loadSessionLossy(id, cb) {
  // hh-expect: swallowed-exception/ignoredCallbackError
  redis.get(`sess:${id}`, (error, raw) => {
    if (error) {
      return;
    }
    cb(raw);
  });
}

function destroySession(id) {
  return redis
    .del(`sess:${id}`)
    .then(() => true)
    // hh-expect: swallowed-exception/promiseCatchLogOnly
    .catch(function (err) {
      console.error(err.stack);
    });
}

async function sweep(ids) {
  for (const id of ids) {
    try {
      await redis.del(`sess:${id}`);
    // hh-expect: swallowed-exception/logAndContinue
    } catch (e) {
      logger.debug(e);
    } finally {
      logger.info('swept', { id });
    }
  }
}

function count() {
  return redis.dbsize().then(
    (n) => n,
    // hh-expect: swallowed-exception/thenRejectionNoop
    (err) => {
      logger.warn('dbsize failed', { err });
      return 0;
    },
  );
}

function ping() {
  return redis
    .ping()
    .then(() => 'up')
    .catch(() => 'down');
}

async function migrateKeys(keys) {
  const failures = [];
  for (const key of keys) {
    try {
      await redis.rename(key, `v2:${key}`);
    } catch (err) {
      failures.push({ key, message: err.message });
    }
  }
  if (failures.length) logger.warn('some keys failed', { failures });
  return failures;
}

module.exports = { touchSession, loadSession, loadSessionLossy, destroySession, sweep, count, ping, migrateKeys };
