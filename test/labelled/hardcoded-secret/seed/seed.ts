import bcrypt from "bcrypt";
import { PrismaClient } from "@prisma/client";

const prisma = new PrismaClient();

// Seed data for a fresh staging database.
const users = [
  // hh-expect: hardcoded-secret/suspiciousName
  { email: "admin@acme.io", role: "admin", password: "qwerty123" },
  // hh-expect: hardcoded-secret/suspiciousName
  { email: "support@acme.io", role: "support", password: "P@ssw0rd!" },
  { email: "viewer@acme.io", role: "viewer", password: process.env.SEED_VIEWER_PASSWORD ?? "" },
];

async function main(): Promise<void> {
  for (const u of users) {
    const passwordHash = await bcrypt.hash(u.password, 12);
    await prisma.user.upsert({ where: { email: u.email }, update: {}, create: { email: u.email, role: u.role, passwordHash } });
  }
  await prisma.apiKey.create({
    data: {
      name: "ci",
      // hh-expect: hardcoded-secret/suspiciousName
      token: "WymFVEA9LKXWKKmXZWWm5HPa6EeFUJFOrNXA6Whw",
      scopes: ["read:reports"],
    },
  });
}

main().finally(() => prisma.$disconnect());
