import { Queue, Worker } from "bullmq";

const connection = { host: process.env.REDIS_HOST ?? "localhost", port: 6379, password: process.env.REDIS_PASSWORD };
export const emails = new Queue("emails", { connection });

// hh-expect: hardcoded-secret/suspiciousName
const queueConnection = { host: "redis.internal", port: 6379, password: "nEGfhK9dbRlK6goatxwHqVSt" };
export const exports = new Queue("exports", { connection: queueConnection });

export const worker = new Worker(
  "emails",
  async (job) => {
    const res = await fetch("https://api.sendgrid.com/v3/mail/send", {
      method: "POST",
      headers: {
        // A provider-shaped token in a header reports as the provider's key (the more specific finding).
        // hh-expect: hardcoded-secret/providerKey
        Authorization: "Bearer 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",
        "Content-Type": "application/json",
      },
      body: JSON.stringify(job.data),
    });
    if (!res.ok) throw new Error(`sendgrid responded ${res.status}`);
  },
  { connection },
);

export class Exporter {
  // hh-expect: hardcoded-secret/suspiciousName
  private s3SecretKey = "OBpV4sJmMO9nmKaoId5qaG0iS13tz2uSfe0rZRXM";
  private bucket = "acme-exports";
  private tokenRefreshInterval = 60_000;

  // hh-expect: hardcoded-secret/suspiciousName
  constructor(private readonly signingToken: string = "IB8yRPAub6iqqa0pCTZXmHVc") {}

  describe(): string {
    return `${this.bucket} ${this.s3SecretKey.length} ${this.signingToken.length} ${this.tokenRefreshInterval}`;
  }
}
