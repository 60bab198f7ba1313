const { S3Client, GetObjectCommand, PutObjectCommand } = require("@aws-sdk/client-s3");
const sharp = require("sharp");

const s3 = new S3Client({});

exports.handler = async (event) => {
  const results = [];
  for (const record of event.Records) {
    const bucket = record.s3.bucket.name;
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, " "));
    try {
      const original = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const buffer = Buffer.from(await original.Body.transformToByteArray());
      const thumb = await sharp(buffer).resize(200).toBuffer();
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `thumbs/${key}`, Body: thumb }));
      results.push({ key, ok: true });
    } catch (error) {
      console.error("thumbnail failed", key, error);
      results.push({ key, ok: false, error: error.message });
    }
  }
  return results;
};

exports.metadata = async (event) => {
  try {
    const obj = await s3.send(new GetObjectCommand({ Bucket: event.bucket, Key: event.key }));
    return { contentType: obj.ContentType, size: obj.ContentLength };
  // hh-expect: swallowed-exception/catchReturnsDefault
  } catch (e) {
    return { contentType: "application/octet-stream", size: 0 };
  }
};

exports.cleanup = async (event) => {
  try {
    await s3.send(new PutObjectCommand({ Bucket: event.bucket, Key: "marker", Body: "" }));
    // hh-expect: swallowed-exception/rethrowWithoutCause
  } catch (e) {
    throw new Error("cleanup marker could not be written");
  }
};

exports.probe = async (event) => {
  try {
    await s3.send(new GetObjectCommand({ Bucket: event.bucket, Key: event.key }));
    return true;
  } catch {
    return false;
  }
};

exports.legacy = (event, context, callback) => {
  try {
    callback(null, { ok: true, size: JSON.stringify(event).length });
  } catch (err) {
    callback(err);
  }
};

exports.legacyLossy = (event, context, callback) => {
  try {
    callback(null, transform(event));
  // hh-expect: swallowed-exception/emptyCatch
  } catch (err) {}
};

function transform(event) {
  return { ...event, processedAt: Date.now() };
}
