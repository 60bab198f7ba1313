import type { APIGatewayProxyEvent, APIGatewayProxyHandler, APIGatewayProxyResult } from "aws-lambda";
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { z } from "zod";

const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const TABLE = process.env.TABLE_NAME!;

const CreateNote = z.object({ title: z.string().min(1), body: z.string().max(10000) });

export const createNote: APIGatewayProxyHandler = async (event) => {
  const parsed = CreateNote.safeParse(JSON.parse(event.body ?? "{}"));
  if (!parsed.success) return { statusCode: 400, body: JSON.stringify(parsed.error.issues) };
  const id = crypto.randomUUID();
  await ddb.send(new PutCommand({ TableName: TABLE, Item: { id, ...parsed.data } }));
  return { statusCode: 201, body: JSON.stringify({ id }) };
};

export const getNote: APIGatewayProxyHandler = async (event) => {
  // hh-expect: unvalidated-boundary/lambdaEvent
  const id = event.pathParameters?.id;
  const result = await ddb.send(new GetCommand({ TableName: TABLE, Key: { id } }));
  return { statusCode: result.Item ? 200 : 404, body: JSON.stringify(result.Item ?? null) };
};

export async function updateNote(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  // hh-expect: unvalidated-boundary/lambdaEvent
  const note = JSON.parse(event.body || "{}");
  await ddb.send(new PutCommand({ TableName: TABLE, Item: { id: note.id, title: note.title, body: note.body } }));
  return { statusCode: 204, body: "" };
}

export const listNotes: APIGatewayProxyHandler = async (event) => {
  // hh-expect: unvalidated-boundary/lambdaEvent
  const owner = event.queryStringParameters?.owner;
  const result = await ddb.send(new QueryCommand({ TableName: TABLE, KeyConditionExpression: "owner = :o", ExpressionAttributeValues: { ":o": owner } }));
  return { statusCode: 200, body: JSON.stringify(result.Items) };
};

export const health: APIGatewayProxyHandler = async () => ({ statusCode: 200, body: "ok" });

export async function echo(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  return { statusCode: 200, body: event.body ?? "" };
}

export async function paged(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const limit = Number(event.queryStringParameters?.limit ?? "20");
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) return { statusCode: 400, body: "bad limit" };
  const result = await ddb.send(new QueryCommand({ TableName: TABLE, Limit: limit, KeyConditionExpression: "pk = :p", ExpressionAttributeValues: { ":p": "note" } }));
  return { statusCode: 200, body: JSON.stringify(result.Items) };
}
