import * as cdk from "aws-cdk-lib";
import * as rds from "aws-cdk-lib/aws-rds";
import * as ec2 from "aws-cdk-lib/aws-ec2";
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { S3Client } from "@aws-sdk/client-s3";

export class ApiStack extends cdk.Stack {
  constructor(scope: cdk.App, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, "Vpc", { maxAzs: 2 });

    const dbSecret = secretsmanager.Secret.fromSecretNameV2(this, "DbSecret", "prod/acme/db");
    new rds.DatabaseInstance(this, "Db", {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      vpc,
      credentials: rds.Credentials.fromSecret(dbSecret),
    });

    new rds.DatabaseInstance(this, "ReportingDb", {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      vpc,
      // hh-expect: hardcoded-secret/suspiciousName
      credentials: rds.Credentials.fromPassword("reporting", cdk.SecretValue.unsafePlainText("letmein42")),
    });

    new lambda.Function(this, "Worker", {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: "index.handler",
      code: lambda.Code.fromAsset("dist/worker"),
      environment: {
        NODE_ENV: "production",
        DB_SECRET_ARN: dbSecret.secretArn,
        // hh-expect: hardcoded-secret/providerKey
        STRIPE_SECRET_KEY: "sk_live_v1un1QkY88YsI5YU3LRdgIjQ",
        // hh-expect: hardcoded-secret/suspiciousName
        API_TOKEN: "3IVu0p3PuFZymOhtKTC1jhA989rWGbiz",
        LOG_LEVEL: "info",
        TOKEN_SECRET_NAME: "prod/acme/token",
      },
    });
  }
}

export const s3 = new S3Client({
  region: "eu-west-1",
  credentials: {
    // hh-expect: hardcoded-secret/providerKey
    accessKeyId: "AKIAPV4MBNZ6S3VFQ2P2",
    // hh-expect: hardcoded-secret/providerKey
    secretAccessKey: "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",
  },
});

export const docsExample = new S3Client({
  region: "us-east-1",
  credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
});

export const SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/acme/api-Xy12Ab";
export const PARAMETER_PATH = "/acme/prod/stripe/secret-key";
