import { createHmac } from "node:crypto";
import { verifyWebhook } from "../crypto/utils";

const secret = "whsec_test_secret";
const fixtures = {
  user: { email: "jane@example.com", password: "correct-horse-battery-staple" },
  admin: { email: "root@example.com", password: "admin", token: "admin-token" },
  apiKey: "dummy-api-key",
  redisUrl: "redis://:password@localhost:6379",
  mongoUrl: "mongodb://root:example@localhost:27017/test",
};

describe("webhooks", () => {
  it("verifies a signature", () => {
    process.env.WEBHOOK_SECRET = "test-webhook-secret";
    const body = JSON.stringify({ id: "evt_1" });
    const sig = createHmac("sha256", "test-webhook-secret").update(body).digest("hex");
    expect(verifyWebhook(body, sig)).toBe(true);
  });

  it("rejects a wrong signature", () => {
    expect(verifyWebhook("{}", "00".repeat(32))).toBe(false);
    expect(fixtures.apiKey).toBeDefined();
    expect(secret).toBeDefined();
  });

  it("leaks nothing in comments", () => {
    // The real key lives in 1Password under "Stripe (test mode)"; never paste it here.
    expect(true).toBe(true);
  });
});
