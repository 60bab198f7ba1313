import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";

const config = new pulumi.Config();
const dbPassword = config.requireSecret("dbPassword");

export const db = new aws.rds.Instance("app-db", {
  engine: "postgres",
  instanceClass: "db.t4g.micro",
  allocatedStorage: 20,
  username: "acme",
  password: dbPassword,
  skipFinalSnapshot: true,
});

export const analyticsDb = new aws.rds.Instance("analytics-db", {
  engine: "postgres",
  instanceClass: "db.t4g.small",
  allocatedStorage: 50,
  username: "analytics",
  // hh-expect: hardcoded-secret/suspiciousName
  password: "Maple#Leaf8",
  skipFinalSnapshot: true,
});

export const appSecret = new k8s.core.v1.Secret("app-secrets", {
  metadata: { name: "app-secrets" },
  stringData: {
    // hh-expect: hardcoded-secret/connectionString
    DATABASE_URL: "postgres://acme:5pbBNM3nLIQnt1nX@app-db.internal:5432/acme",
    // hh-expect: hardcoded-secret/suspiciousName
    JWT_SECRET: "4XYb7lq4dbQhBOmsP4dtheZedH2qflvXzxsEZHdV",
    LOG_LEVEL: "info",
  },
});

export const apiKeyParam = new aws.ssm.Parameter("stripe-key", {
  name: "/acme/prod/stripe/secret-key",
  type: "SecureString",
  value: config.requireSecret("stripeSecretKey"),
});

// hh-expect: hardcoded-secret/suspiciousName
export const registryAuth = pulumi.secret({ username: "deploy", password: "T2GL8T7MQAkZXezuTUBe7r5i" });
export const tokenSecretName = "github-token";
