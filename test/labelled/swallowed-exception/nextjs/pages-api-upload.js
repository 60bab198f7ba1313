import formidable from 'formidable';
import { promises as fs } from 'fs';
import { put } from '@vercel/blob';
import { getSession } from '../../lib/auth';

export const config = { api: { bodyParser: false } };

function parseForm(req) {
  return new Promise((resolve, reject) => {
    const form = formidable({ maxFileSize: 10 * 1024 * 1024 });
    form.parse(req, (err, fields, files) => {
      if (err) return reject(err);
      resolve({ fields, files });
    });
  });
}

function parseFormLossy(req) {
  return new Promise((resolve) => {
    const form = formidable();
    // hh-expect: swallowed-exception/ignoredCallbackError
    form.parse(req, (err, fields, files) => {
      resolve({ fields, files });
    });
  });
}

export default async function handler(req, res) {
  if (req.method !== 'POST') return res.status(405).end();
  const session = await getSession(req);
  if (!session) return res.status(401).json({ error: 'unauthorized' });

  let parsed;
  try {
    parsed = await parseForm(req);
  } catch (err) {
    return res.status(400).json({ error: 'invalid upload' });
  }

  const file = parsed.files.file?.[0];
  if (!file) return res.status(400).json({ error: 'file is required' });

  try {
    const data = await fs.readFile(file.filepath);
    const blob = await put(`uploads/${session.userId}/${file.originalFilename}`, data, { access: 'public' });
    res.status(201).json({ url: blob.url });
  } catch (err) {
    console.error('upload failed', err);
    res.status(500).json({ error: 'upload failed' });
  } finally {
    // hh-expect: swallowed-exception/promiseCatchNoop
    fs.unlink(file.filepath).catch(() => {});
  }
}

export async function listUploads(req, res) {
  try {
    const entries = await fs.readdir(`/tmp/uploads/${req.query.user}`);
    res.json(entries);
  // hh-expect: swallowed-exception/logAndContinue
  } catch (err) {
    console.warn(err);
    res.json([]);
  }
}

export async function removeUpload(req, res) {
  try {
    await fs.unlink(`/tmp/uploads/${req.query.user}/${req.query.name}`);
  // hh-expect: swallowed-exception/emptyCatch
  } catch (e) {}
  res.status(204).end();
}
