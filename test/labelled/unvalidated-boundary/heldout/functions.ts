import type { APIGatewayProxyHandlerV2 } from "aws-lambda";
import { S3Client, GetObjectCommand } from "@aws-sdk/client-s3";
import { z } from "zod";

const s3 = new S3Client({});
const Signup = z.object({ email: z.string().email(), referrer: z.string().optional() });

export const signup: APIGatewayProxyHandlerV2 = async (event) => {
  const result = Signup.safeParse(JSON.parse(event.body ?? "{}"));
  if (!result.success) return { statusCode: 422, body: JSON.stringify(result.error.issues) };
  await saveSignup(result.data.email, result.data.referrer);
  return { statusCode: 201 };
};

export const download: APIGatewayProxyHandlerV2 = async (event) => {
  // hh-expect: unvalidated-boundary/lambdaEvent
  const key = event.pathParameters?.key;
  const object = await s3.send(new GetObjectCommand({ Bucket: process.env.BUCKET, Key: key }));
  return { statusCode: 200, body: await object.Body!.transformToString() };
};

export const track: APIGatewayProxyHandlerV2 = async (event) => {
  // hh-expect: unvalidated-boundary/lambdaEvent
  const payload = JSON.parse(event.body!);
  await saveEvent(payload.name, payload.props);
  return { statusCode: 202 };
};

async function saveSignup(email: string, referrer?: string) {
  console.log("signup", email, referrer);
}

async function saveEvent(name: string, props: unknown) {
  console.log("event", name, props);
}
