import { Pool } from "pg";
import Redis from "ioredis";

// hh-expect: unbounded-call/client
export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  idleTimeoutMillis: 30000,
});

export const readPool = new Pool({
  connectionString: process.env.READ_DATABASE_URL,
  connectionTimeoutMillis: 3000,
});

export const cache = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379", {
  // hh-expect: unbounded-call/client
  maxRetriesPerRequest: null,
  enableReadyCheck: true,
});

export async function findUser(id: string) {
  const { rows } = await pool.query("select * from users where id = $1", [id]);
  return rows[0];
}
