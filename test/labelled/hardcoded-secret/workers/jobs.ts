import { Queue, Worker } from "bullmq";

const connection = { host: process.env.REDIS_HOST ?? "localhost", port: 6379, password: process.env.REDIS_PASSWORD };
export const emails = new Queue("emails", { connection });

// hh-expect: hardcoded-secret/suspiciousName
const queueConnection = { host: "redis.internal", port: 6379, password: "ikQdfvFThla0H2UkN8luVNdy" };
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
  private s3SecretKey = "oVC9FfxGMLh7f1xyX41DgrBN4nOVqWBfKsFQfTx9";
  private bucket = "acme-exports";
  private tokenRefreshInterval = 60_000;

  // hh-expect: hardcoded-secret/suspiciousName
  constructor(private readonly signingToken: string = "fhQbSeN4W32NQk5FeWkvzkZP") {}

  describe(): string {
    return `${this.bucket} ${this.s3SecretKey.length} ${this.signingToken.length} ${this.tokenRefreshInterval}`;
  }
}
