import { request } from "undici";

const ES = process.env.ELASTIC_URL ?? "http://localhost:9200";

async function reindex(index: string) {
  // hh-expect: unbounded-call/call
  const { body } = await request(`${ES}/${index}/_reindex`, { method: "POST" });
  return body.json();
}

async function count(index: string) {
  const { body } = await request(`${ES}/${index}/_count`, { headersTimeout: 5000, bodyTimeout: 5000 });
  return body.json();
}

async function main() {
  for (const index of process.argv.slice(2)) {
    await reindex(index);
    console.log(index, await count(index));
  }
}

main();
