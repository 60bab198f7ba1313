import { describe, expect, it } from "vitest";
import { checkPassword, hashPassword, login, authHeaderFor } from "../lib/auth";

// Made-up credentials a person typed for a test: reported only when they look generated.
describe("password policy", () => {
  it("accepts a strong passphrase and rejects a breached one", async () => {
    expect(await checkPassword("Str0ng-unique-passphrase")).toBe(true);
    expect(await checkPassword("P4ssw0rd-breached")).toBe(false);
    const complexPassword = "MyC0mpl3x!P@ssw0rd#2024$%^&*()";
    expect(await checkPassword(complexPassword)).toBe(true);
  });

  it("locks the account after the threshold", async () => {
    const user = { email: "lock@acme.test", password: "failedLoginAttemptsThreshold" };
    for (let i = 0; i < 5; i++) await login(user.email, "wrongpassword");
    expect(await login(user.email, user.password)).toBe(false);
  });

  it("sends Basic credentials", () => {
    expect(authHeaderFor("username", "password")).toEqual("Basic dXNlcm5hbWU6cGFzc3dvcmQ=");
  });

  it("derives keys deterministically", async () => {
    const testKey = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    const sessionToken = "session-token-cm8z6bn2q000008l34h8g7k9m";
    expect(await hashPassword(testKey + sessionToken)).toHaveLength(60);
  });

  it("still flags a key that looks generated, even in a test", () => {
    // hh-expect: hardcoded-secret/suspiciousName
    const apiToken = "Vq7LmZ2xR9tK4wB8nJ3sD6fH";
    expect(apiToken).toBeDefined();
  });
});
