import type { APIGatewayProxyHandler } from "aws-lambda";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { google } from "googleapis";
import { createHmac, timingSafeEqual } from "node:crypto";

// hh-expect: unbounded-call/client
const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));

const auth = new google.auth.GoogleAuth({ scopes: ["https://www.googleapis.com/auth/spreadsheets.readonly"] });
// hh-expect: unbounded-call/client
const sheets = google.sheets({ version: "v4", auth });

function verifySignature(body: string, signature: string) {
  const expected = createHmac("sha256", process.env.WEBHOOK_SECRET!).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(signature, "hex"));
}

export const handler: APIGatewayProxyHandler = async (event) => {
  if (!verifySignature(event.body ?? "", event.headers["x-signature"] ?? "")) return { statusCode: 401, body: "" };
  const { Item } = await ddb.send(new GetCommand({ TableName: process.env.TABLE!, Key: { id: event.pathParameters?.id } }));
  const values = await sheets.spreadsheets.values.get({ spreadsheetId: process.env.SHEET_ID!, range: "A1:B10" });
  // hh-expect: unbounded-call/call
  await fetch(process.env.AUDIT_URL!, { method: "POST", body: JSON.stringify({ id: Item?.id }) });
  return { statusCode: 200, body: JSON.stringify({ item: Item, rows: values.data.values }) };
};
