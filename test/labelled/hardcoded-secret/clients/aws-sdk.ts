import AWS from "aws-sdk";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { fromIni, fromNodeProviderChain } from "@aws-sdk/credential-providers";

AWS.config.update({
  region: "eu-west-1",
  // hh-expect: hardcoded-secret/providerKey
  accessKeyId: "AKIA7AVHOEU2SQM64NCO",
  // hh-expect: hardcoded-secret/providerKey
  secretAccessKey: "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",
});

export const dynamo = new DynamoDBClient({ region: "eu-west-1", credentials: fromNodeProviderChain() });
export const dynamoProfile = new DynamoDBClient({ region: "eu-west-1", credentials: fromIni({ profile: "acme-prod" }) });

export const tempCredentials = {
  // hh-expect: hardcoded-secret/providerKey
  AccessKeyId: "ASIAKBA2TUIOMNJF6L5J",
  SessionToken: process.env.AWS_SESSION_TOKEN,
};

// hh-expect: hardcoded-secret/providerKey
const AWS_CREDENTIALS_FILE = `[default]\naws_access_key_id = AKIA22QPYUKRD5S3XAY5\nregion = eu-west-1\n`;
export const credentialsFile = AWS_CREDENTIALS_FILE;

export const BUCKET = "acme-prod-uploads";
export const KMS_KEY_ARN = "arn:aws:kms:eu-west-1:123456789012:key/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d";
export const ROLE_ARN = "arn:aws:iam::123456789012:role/acme-deployer";
