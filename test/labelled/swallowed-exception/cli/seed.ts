#!/usr/bin/env tsx
import { Command, InvalidArgumentError } from "commander";
import { readFile } from "node:fs/promises";
import { PrismaClient, Prisma } from "@prisma/client";
import chalk from "chalk";

const prisma = new PrismaClient();

function parseCount(value: string): number {
  const n = Number.parseInt(value, 10);
  if (Number.isNaN(n) || n < 1) throw new InvalidArgumentError("count must be a positive integer");
  return n;
}

async function loadFixtures(file: string): Promise<Array<{ email: string; name: string }>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new Error(`cannot read fixtures file ${file}`, { cause: err });
  }
  try {
    return JSON.parse(text);
    // hh-expect: swallowed-exception/rethrowWithoutCause
  } catch {
    throw new SyntaxError(`${file} is not valid JSON`);
  }
}

async function seedUsers(rows: Array<{ email: string; name: string }>): Promise<number> {
  let created = 0;
  for (const row of rows) {
    try {
      await prisma.user.create({ data: row });
      created++;
    } catch (err) {
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
        console.log(chalk.yellow(`skip ${row.email}: exists`));
        continue;
      }
      throw err;
    }
  }
  return created;
}

async function seedOrders(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    try {
      await prisma.order.create({ data: { total: Math.round(Math.random() * 10000) } });
    // hh-expect: swallowed-exception/logAndContinue
    } catch (err) {
      console.error(chalk.red(`order ${i} failed`), err);
    }
  }
}

async function truncate(): Promise<void> {
  // hh-expect: swallowed-exception/allSettledUnchecked
  await Promise.allSettled([prisma.order.deleteMany(), prisma.user.deleteMany()]);
}

const program = new Command()
  .option("-f, --file <file>", "fixtures file", "fixtures/users.json")
  .option("-n, --orders <count>", "orders to create", parseCount, 10)
  .option("--reset", "truncate first");

program.action(async (opts: { file: string; orders: number; reset?: boolean }) => {
  if (opts.reset) await truncate();
  const rows = await loadFixtures(opts.file);
  const created = await seedUsers(rows);
  await seedOrders(opts.orders);
  console.log(chalk.green(`created ${created} users`));
});

program
  .parseAsync()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
