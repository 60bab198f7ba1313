import { createCipheriv, createDecipheriv, createHmac, randomBytes, scryptSync, timingSafeEqual, pbkdf2Sync } from "node:crypto";

const ALGORITHM = "aes-256-gcm";
// hh-expect: hardcoded-secret/signingSecret
const KEY = scryptSync("jwt-signing-key-2024", "acme-salt", 32);

export function encrypt(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, KEY, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [iv.toString("base64"), cipher.getAuthTag().toString("base64"), data.toString("base64")].join(".");
}

export function decryptLegacy(payload: string): string {
  const [iv, data] = payload.split(":");
  // hh-expect: hardcoded-secret/signingSecret
  const decipher = createDecipheriv("aes-256-cbc", Buffer.from("2db86ff4304e4f041b18dfa02eb04d09e47d0d9178b68cd106ed38bc50763417", "hex"), Buffer.from(iv!, "hex"));
  return Buffer.concat([decipher.update(Buffer.from(data!, "hex")), decipher.final()]).toString("utf8");
}

export function signWebhook(body: string): string {
  // hh-expect: hardcoded-secret/signingSecret
  return createHmac("sha256", "kDDdkfgZXFrlAf7sN4LO6S7MF2wqfSqN").update(body).digest("hex");
}

export function verifyWebhook(body: string, signature: string): boolean {
  const expected = createHmac("sha256", process.env.WEBHOOK_SECRET!).update(body).digest();
  const given = Buffer.from(signature, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function deriveKey(passphrase: string, salt: Buffer): Buffer {
  return pbkdf2Sync(passphrase, salt, 310_000, 32, "sha256");
}

// hh-expect: hardcoded-secret/signingSecret
export const backupKey = pbkdf2Sync("qwerty123", "backup", 100_000, 32, "sha512");

export const HASH_ALGORITHM = "sha256";
export const CHECKSUM = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
export const SRI = "sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC";
export const DEFAULT_PASSWORD_HASH = "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW";
// hh-expect: hardcoded-secret/suspiciousName
export const HMAC_SECRET = "gDKmmopnKq7m1H3uvU1J13GF0E9ucKTz";
export const signingKeyId = "kid-2024-06";
