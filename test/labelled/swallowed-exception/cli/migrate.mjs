#!/usr/bin/env node
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';

const { values } = parseArgs({ options: { dir: { type: 'string', default: 'migrations' }, dry: { type: 'boolean' } } });

async function fileExists(file) {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

async function readJson(file) {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    if (err.code === 'ENOENT') return null;
    throw err;
  }
}

async function loadState(file) {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  // hh-expect: swallowed-exception/catchReturnsDefault
  } catch {
    return { applied: [] };
  }
}

async function applyAll(client, dir) {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  for (const file of files) {
    const sql = await readFile(path.join(dir, file), 'utf8');
    try {
      await client.query('BEGIN');
      await client.query(sql);
      await client.query('COMMIT');
      console.log(`applied ${file}`);
    } catch (err) {
      await client.query('ROLLBACK');
      throw new Error(`migration ${file} failed: ${err.message}`);
    }
  }
}

async function cleanupLocks(client) {
  try {
    await client.query('select pg_advisory_unlock_all()');
  // hh-expect: swallowed-exception/emptyCatch
  } catch (e) {
    ;
  }
}

async function main() {
  const client = new pg.Client();
  await client.connect();
  // hh-expect: swallowed-exception/emptyErrorHandler
  client.on('error', () => {});
  try {
    const state = await loadState('.migrate-state.json');
    console.log(`${state.applied.length} applied so far`);
    if (await fileExists(values.dir)) await applyAll(client, values.dir);
    const extra = await readJson('extra.json');
    if (extra) console.log('extra config found');
  } finally {
    await cleanupLocks(client);
    await client.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
