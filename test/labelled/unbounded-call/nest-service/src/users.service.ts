import { Injectable } from "@nestjs/common";
import { Pool, Client } from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import Redis from "ioredis";

@Injectable()
export class UsersService {
  // hh-expect: unbounded-call/client
  private readonly pool = new Pool({ host: process.env.PGHOST, database: "users" });
  // hh-expect: unbounded-call/client
  private readonly prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) });
  private readonly audit = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.AUDIT_URL, connectionTimeoutMillis: 4000 }) });
  // hh-expect: unbounded-call/client
  private readonly sessions = new Redis({ host: process.env.REDIS_HOST, maxRetriesPerRequest: null });

  async find(id: string) {
    const { rows } = await this.pool.query("select * from users where id = $1", [id]);
    return rows[0];
  }

  async exportAll() {
    // hh-expect: unbounded-call/client
    const client = new Client({ connectionString: process.env.REPLICA_URL });
    await client.connect();
    try {
      return (await client.query("select * from users")).rows;
    } finally {
      await client.end();
    }
  }

  async posts(id: string) {
    return this.prisma.post.findMany({ where: { authorId: id } });
  }

  async token(id: string) {
    return this.sessions.get(`session:${id}`);
  }
}
