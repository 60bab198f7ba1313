import type { APIGatewayProxyEvent, APIGatewayProxyResult, SQSEvent, SQSBatchResponse } from "aws-lambda";
import { DynamoDBClient, ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { S3Client, GetObjectCommand, NoSuchKey } from "@aws-sdk/client-s3";
import { Logger } from "@aws-lambda-powertools/logger";

const logger = new Logger({ serviceName: "orders" });
const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const s3 = new S3Client({});
const TABLE = process.env.TABLE_NAME!;

export const getOrder = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const orderId = event.pathParameters?.id;
  if (!orderId) return { statusCode: 400, body: JSON.stringify({ message: "id is required" }) };
  try {
    const { Item } = await ddb.send(new GetCommand({ TableName: TABLE, Key: { pk: orderId } }));
    if (!Item) return { statusCode: 404, body: JSON.stringify({ message: "not found" }) };
    return { statusCode: 200, body: JSON.stringify(Item) };
  } catch (err) {
    logger.error("getOrder failed", { err, orderId });
    return { statusCode: 500, body: JSON.stringify({ message: "Internal Server Error" }) };
  }
};

export const createOrder = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  let body: { id: string; total: number };
  try {
    body = JSON.parse(event.body ?? "");
  } catch {
    return { statusCode: 400, body: JSON.stringify({ message: "Invalid JSON body" }) };
  }
  try {
    await ddb.send(new PutCommand({ TableName: TABLE, Item: { pk: body.id, total: body.total }, ConditionExpression: "attribute_not_exists(pk)" }));
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return { statusCode: 409, body: JSON.stringify({ message: "exists" }) };
    throw err;
  }
  return { statusCode: 201, body: JSON.stringify({ id: body.id }) };
};

export const processQueue = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const batchItemFailures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    try {
      await handleRecord(JSON.parse(record.body));
    } catch (err) {
      logger.error("record failed", { err, messageId: record.messageId });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};

export const processQueueLossy = async (event: SQSEvent): Promise<void> => {
  for (const record of event.Records) {
    try {
      await handleRecord(JSON.parse(record.body));
    // hh-expect: swallowed-exception/logAndContinue
    } catch (err) {
      logger.error("record failed", { err });
    }
  }
};

export const readTemplate = async (key: string): Promise<string> => {
  try {
    const obj = await s3.send(new GetObjectCommand({ Bucket: "templates", Key: key }));
    return await obj.Body!.transformToString();
    // hh-expect: swallowed-exception/partialErrorCheck
  } catch (err) {
    if (err instanceof NoSuchKey) return "";
  }
  return "";
};

export const stats = async (): Promise<APIGatewayProxyResult> => {
  try {
    const { Item } = await ddb.send(new GetCommand({ TableName: TABLE, Key: { pk: "stats" } }));
    return { statusCode: 200, body: JSON.stringify(Item) };
  // hh-expect: swallowed-exception/logAndContinue
  } catch (err) {
    logger.warn("stats unavailable");
    return { statusCode: 200, body: JSON.stringify({}) };
  }
};

export const fanOut = async (ids: string[]): Promise<void> => {
  // hh-expect: swallowed-exception/allSettledUnchecked
  await Promise.allSettled(ids.map((id) => notify(id)));
};

export const warm = async (): Promise<void> => {
  // hh-expect: swallowed-exception/promiseCatchNoop
  await ddb.send(new GetCommand({ TableName: TABLE, Key: { pk: "warm" } })).catch(() => null);
};

async function handleRecord(record: unknown): Promise<void> {
  await ddb.send(new PutCommand({ TableName: TABLE, Item: record as Record<string, unknown> }));
}

async function notify(id: string): Promise<void> {
  await ddb.send(new PutCommand({ TableName: "notifications", Item: { pk: id } }));
}
