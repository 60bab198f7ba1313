import request from "supertest";
import jwt from "jsonwebtoken";
import { Pool } from "pg";
import app from "../express/app";

const TEST_SECRET = "test-secret";
const pool = new Pool({ connectionString: "postgres://postgres:postgres@localhost:5432/acme_test" });

function tokenFor(sub: string): string {
  return jwt.sign({ sub }, TEST_SECRET, { expiresIn: "5m" });
}

describe("auth", () => {
  beforeAll(() => {
    process.env.JWT_SECRET = "test-jwt-secret";
    process.env.STRIPE_SECRET_KEY = "sk_test_fake_0000000000000000000000";
    process.env.DATABASE_URL = "postgres://postgres:postgres@127.0.0.1:5432/acme_test";
  });

  afterAll(() => pool.end());

  it("rejects a wrong password", async () => {
    const res = await request(app).post("/auth/login").send({ email: "ada@example.com", password: "wrong-password" });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe("Invalid email or password");
  });

  it("accepts a valid token", async () => {
    const res = await request(app).get("/me").set("Authorization", `Bearer ${tokenFor("u1")}`);
    expect(res.status).toBe(200);
  });

  it("rejects a malformed token", async () => {
    const res = await request(app).get("/me").set("Authorization", "Bearer not-a-jwt");
    expect(res.status).toBe(401);
  });

  it("logs in with the seeded user", async () => {
    const user = { email: "seed@example.com", password: "password123", apiKey: "test-api-key" };
    const res = await request(app).post("/auth/login").send(user);
    expect(res.status).toBe(200);
  });

  it("talks to the Stripe sandbox", async () => {
    // hh-expect: hardcoded-secret/providerKey
    const stripeKey = "sk_test_bGkvtRUwGIfAaPAbUmK1Iyz4";
    expect(stripeKey.startsWith("sk_test_")).toBe(true);
  });

  it("signs service tokens with the staging key", () => {
    // hh-expect: hardcoded-secret/privateKey
    const privateKey = "-----BEGIN RSA PRIVATE KEY-----\nJz4RC/PZIPH8gyPv16+vRAyKRloO594bCLBI9os+qT/OJm4EMVlWLPvW0ri/LfK5\nSpRqe2g4KzMABHzm4hmMVRdgy7XGmu2iyVACKvJIN9p9VLm1hnCNngAP7HVQRbPQ\ndTxgo2tmWho/aDf5cdUjU2vdAv/256pclb8DqQLM1YNRFxaeDgKHBbjCBcSf/1Zb\n-----END RSA PRIVATE KEY-----\n";
    expect(jwt.sign({ sub: "svc" }, privateKey, { algorithm: "RS256" })).toBeTruthy();
  });

  it("calls the staging API", async () => {
    // hh-expect: hardcoded-secret/connectionString
    const staging = new Pool({ connectionString: "postgres://qa:xpVI2Gjtc2pezmDs@staging-db.acme.internal:5432/acme" });
    await staging.end();
  });

  it("uses a realistic-looking session secret", () => {
    // hh-expect: hardcoded-secret/suspiciousName
    const sessionSecret = "k21Qedz68Gdhcrzfh9i1y5FQVaogirgI";
    expect(sessionSecret).toHaveLength(32);
  });
});
