'use strict';

const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');
const { pipeline } = require('stream');
const zlib = require('zlib');
const log = require('./log');

async function ensureDir(dir) {
  try {
    await fsp.mkdir(dir, { recursive: true });
  } catch (err) {
    if (err.code !== 'EEXIST') throw err;
  }
}

async function readJsonOrDefault(file, fallback) {
  try {
    return JSON.parse(await fsp.readFile(file, 'utf8'));
  } catch (err) {
    if (err.code === 'ENOENT') return fallback;
    throw new Error(`cannot read ${file}`, { cause: err });
  }
}

async function removeQuietly(file) {
  try {
    await fsp.unlink(file);
  // hh-expect: swallowed-exception/emptyCatch
  } catch (_) {}
}

async function removeIfPresent(file) {
  try {
    await fsp.unlink(file);
    // hh-expect: swallowed-exception/partialErrorCheck
  } catch (err) {
    if (err.code === 'ENOENT') {
      return;
    }
  }
}

function compress(src, dest, cb) {
  pipeline(fs.createReadStream(src), zlib.createGzip(), fs.createWriteStream(dest), (err) => {
    if (err) {
      log.error('compress failed', { src, err });
      return cb(err);
    }
    cb(null, dest);
  });
}

function compressAndForget(src, dest) {
  // hh-expect: swallowed-exception/noopCallback
  pipeline(fs.createReadStream(src), zlib.createGzip(), fs.createWriteStream(dest), () => {});
}

function copy(src, dest) {
  return new Promise((resolve, reject) => {
    const read = fs.createReadStream(src);
    const write = fs.createWriteStream(dest);
    read.on('error', reject);
    write.on('error', () => resolve(false));
    write.on('finish', () => resolve(true));
    read.pipe(write);
  });
}

function statSafe(file, cb) {
  // hh-expect: swallowed-exception/ignoredCallbackError
  fs.stat(file, (err, stats) => {
    cb(null, stats ? stats.size : 0);
  });
}

function listFiles(dir, cb) {
  fs.readdir(dir, (err, names) => {
    if (err) return cb(err);
    cb(null, names.map((n) => path.join(dir, n)));
  });
}

function touch(file) {
  // hh-expect: swallowed-exception/noopCallback
  fs.utimes(file, new Date(), new Date(), () => {});
}

async function sizeOf(file) {
  try {
    const s = await fsp.stat(file);
    return s.size;
  } catch (err) {
    log.warn('stat failed', { file, err });
    return -1;
  }
}

module.exports = { ensureDir, readJsonOrDefault, removeQuietly, removeIfPresent, compress, compressAndForget, copy, statSafe, listFiles, touch, sizeOf };
