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
    const stripeKey = "sk_test_zUtave14VTvtaa14VDNC2LoC";
    expect(stripeKey.startsWith("sk_test_")).toBe(true);
  });

  it("signs service tokens with the staging key", () => {
    // hh-expect: hardcoded-secret/privateKey
    const privateKey = "-----BEGIN RSA PRIVATE KEY-----\nP4pX0hfu7QdMxHiwvnyPgttzPqztbWjaIPHbXcQ17t/isGkBp9RwWQ/e+/hdCDbH\nwUntDvzJ3PwnIvGLdWhreWUChI7nsrizgF2FPwQwo002q0K1lHTdnjklpsqk9+qy\nAK1Veo3MioNQ/B1fA2oVQJz4RC/PZIPH8gyPv16+vRAyKRloO594bCLBI9os+qT/\n-----END RSA PRIVATE KEY-----\n";
    expect(jwt.sign({ sub: "svc" }, privateKey, { algorithm: "RS256" })).toBeTruthy();
  });

  it("calls the staging API", async () => {
    // hh-expect: hardcoded-secret/connectionString
    const staging = new Pool({ connectionString: "postgres://qa:HET050cCGyK1SLFu@staging-db.acme.internal:5432/acme" });
    await staging.end();
  });

  it("uses a realistic-looking session secret", () => {
    // hh-expect: hardcoded-secret/suspiciousName
    const sessionSecret = "H5XjLaViRfF3PFl86cJu4UInhlVPbo9v";
    expect(sessionSecret).toHaveLength(32);
  });
});
