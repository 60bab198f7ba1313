import { Pool } from "pg";
import mongoose from "mongoose";
import Redis from "ioredis";
import amqp from "amqplib";
import knex from "knex";
import { createPool } from "mysql2/promise";

// hh-expect: hardcoded-secret/connectionString
export const pg = new Pool({ connectionString: "postgres://app:tBbG5CMDvOapwKd7@db.prod.acme.internal:5432/acme", max: 20 });

export const pgFromEnv = new Pool({ connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: true } });

export async function connectMongo(): Promise<void> {
  // hh-expect: hardcoded-secret/connectionString
  await mongoose.connect("mongodb+srv://acme-admin:vJ8xGnlxKCrmphVe@cluster0.x7k2p.mongodb.net/shop?retryWrites=true&w=majority");
}

// hh-expect: hardcoded-secret/connectionString
export const redis = new Redis("rediss://default:xbQ5gn4P2AqaczpPT8sOBpZ3@redis-12345.c1.eu-west-1.ec2.cloud.redislabs.com:12345");

export const cache = new Redis({ host: process.env.REDIS_HOST, port: 6379, password: process.env.REDIS_PASSWORD });

export async function connectQueue() {
  // hh-expect: hardcoded-secret/connectionString
  return amqp.connect("amqps://worker:Ksw6UGTL6xBWfjWF@rabbit.internal:5671/acme");
}

export const warehouse = knex({
  client: "pg",
  connection: {
    host: "warehouse.internal",
    port: 5432,
    user: "analyst",
    // hh-expect: hardcoded-secret/suspiciousName
    password: "Gr33nApple$",
    database: "warehouse",
  },
  pool: { min: 0, max: 5 },
});

export const reporting = createPool({
  host: process.env.MYSQL_HOST,
  user: process.env.MYSQL_USER,
  password: process.env.MYSQL_PASSWORD,
  database: "reporting",
  connectionLimit: 10,
});

export const legacyDb = createPool({
  host: "10.0.4.17",
  user: "root",
  // hh-expect: hardcoded-secret/suspiciousName
  password: "Welcome#2025",
  database: "legacy",
});

const host = process.env.DB_HOST ?? "localhost";
export const dsn = `postgres://${process.env.DB_USER}:${process.env.DB_PASSWORD}@${host}:5432/acme`;
// hh-expect: hardcoded-secret/connectionString
export const reportingDsn = `mysql://report:uPKVUeZfa4tQWdse@${host}:3306/reports`;
export const MIGRATIONS_TABLE = "knex_migrations";
export const DB_PASSWORD_ENV = "DB_PASSWORD";
