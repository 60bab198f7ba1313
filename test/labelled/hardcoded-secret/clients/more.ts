import Groq from "groq-sdk";
import { createApiClient } from "dots-wrapper";
import { Client as SquareClient, Environment } from "square";
import { DBSQLClient } from "@databricks/sql";
import { App } from "@slack/bolt";

// hh-expect: hardcoded-secret/providerKey
export const groq = new Groq({ apiKey: "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" });

// hh-expect: hardcoded-secret/providerKey
export const digitalOcean = createApiClient({ token: "dop_v1_e84a4127388299db76e7456bee3cb1698e4cd6ff166f158c9c2fa6936df11841" });

export const square = new SquareClient({
  // hh-expect: hardcoded-secret/providerKey
  accessToken: "sq0atp-zrXlkhq5ff5KieayfHUpNJ",
  environment: Environment.Production,
});

export async function queryWarehouse(sql: string) {
  const client = new DBSQLClient();
  await client.connect({
    host: "dbc-a1b2c3d4-e5f6.cloud.databricks.com",
    path: "/sql/1.0/warehouses/8f7e6d5c4b3a2910",
    // hh-expect: hardcoded-secret/providerKey
    token: "dapifc0c154cc30e3bd9a327e0a7ac73663a",
  });
  const session = await client.openSession();
  return session.executeStatement(sql);
}

export const bolt = new App({
  // hh-expect: hardcoded-secret/providerKey
  token: "xoxb-633997762054-7028032745752-PJIk7eBno48xKyDZqgLa0zQ9",
  // hh-expect: hardcoded-secret/providerKey
  appToken: "xapp-1-AKSQG3ZR2WC-9599835185127-0c8a5621a89698deb44d2df24e817531b384af44d8a749044f3fcb71aad595a7",
  // hh-expect: hardcoded-secret/suspiciousName
  signingSecret: "5ddf5ba51b41a3e8a087b1d051b042ba",
  socketMode: true,
});

export const boltFromEnv = new App({ token: process.env.SLACK_BOT_TOKEN, signingSecret: process.env.SLACK_SIGNING_SECRET, appToken: process.env.SLACK_APP_TOKEN });
