import Groq from "groq-sdk";
import { createApiClient } from "dots-wrapper";
import { Client as SquareClient, Environment } from "square";
import { DBSQLClient } from "@databricks/sql";
import { App } from "@slack/bolt";

// hh-expect: hardcoded-secret/providerKey
export const groq = new Groq({ apiKey: "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" });

// hh-expect: hardcoded-secret/providerKey
export const digitalOcean = createApiClient({ token: "dop_v1_1698e4cd6ff166f158c9c2fa6936df11841bff5fdf3a64fc0c154cc30e3bd9a3" });

export const square = new SquareClient({
  // hh-expect: hardcoded-secret/providerKey
  accessToken: "sq0atp-EvOdnAVqPoowh4uoVZ6PGN",
  environment: Environment.Production,
});

export async function queryWarehouse(sql: string) {
  const client = new DBSQLClient();
  await client.connect({
    host: "dbc-a1b2c3d4-e5f6.cloud.databricks.com",
    path: "/sql/1.0/warehouses/8f7e6d5c4b3a2910",
    // hh-expect: hardcoded-secret/providerKey
    token: "dapi63ac66ffd41b9f15174f9aeb4744f051",
  });
  const session = await client.openSession();
  return session.executeStatement(sql);
}

export const bolt = new App({
  // hh-expect: hardcoded-secret/providerKey
  token: "xoxb-682642441764-9750959983518-wUHJcBz95ZQULNqEDUwQSNvy",
  // hh-expect: hardcoded-secret/providerKey
  appToken: "xapp-1-ASR12WII1F1-7919274032105-384af44d8a749044f3fcb71aad595a75ddf5ba51b41a3e8a087b1d051b042ba6",
  // hh-expect: hardcoded-secret/suspiciousName
  signingSecret: "e950477a70bbbb0a9896a30f5fcb08dd",
  socketMode: true,
});

export const boltFromEnv = new App({ token: process.env.SLACK_BOT_TOKEN, signingSecret: process.env.SLACK_SIGNING_SECRET, appToken: process.env.SLACK_APP_TOKEN });
