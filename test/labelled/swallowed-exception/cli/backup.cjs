#!/usr/bin/env node
const { spawn, execFile } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');

const s3 = new S3Client({});

function dump(db, out) {
  return new Promise((resolve, reject) => {
    const child = spawn('pg_dump', ['--format=custom', db], { stdio: ['ignore', fs.openSync(out, 'w'), 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`pg_dump exited with ${code}`))));
  });
}

function checksum(file) {
  return new Promise((resolve, reject) => {
    // hh-expect: swallowed-exception/ignoredCallbackError
    execFile('sha256sum', [file], (error, stdout) => {
      resolve(stdout.split(' ')[0]);
    });
  });
}

async function upload(file, bucket) {
  try {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: path.basename(file), Body: fs.createReadStream(file) }));
  } catch (err) {
    throw new Error(`upload of ${file} failed`, { cause: err });
  }
}

async function pruneLocal(dir, keep) {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.dump')).sort();
  for (const f of files.slice(0, Math.max(0, files.length - keep))) {
    try {
      fs.unlinkSync(path.join(dir, f));
    // hh-expect: swallowed-exception/logAndContinue
    } catch (err) {
      console.warn(`could not remove ${f}`);
    }
  }
}

async function main() {
  const [db, bucket] = process.argv.slice(2);
  if (!db || !bucket) {
    console.error('usage: backup <db> <bucket>');
    process.exit(2);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backup-'));
  const out = path.join(dir, `${db}-${Date.now()}.dump`);
  await dump(db, out);
  console.log('sha256', await checksum(out));
  await upload(out, bucket);
  await pruneLocal(dir, 3);
  // hh-expect: swallowed-exception/noopCallback
  fs.rmdir(dir, () => {});
}

// hh-expect: swallowed-exception/promiseCatchLogOnly
main().catch((err) => console.error('backup failed', err));
