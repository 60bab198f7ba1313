const amqp = require("amqplib");
const Ajv = require("ajv");
const { resize } = require("./images");
const { db } = require("./db");

const ajv = new Ajv();
const validateJob = ajv.compile({
  type: "object",
  required: ["imageId", "width"],
  properties: { imageId: { type: "string" }, width: { type: "integer", minimum: 1 } },
});

async function main() {
  const conn = await amqp.connect(process.env.AMQP_URL);
  const channel = await conn.createChannel();
  await channel.assertQueue("resize");
  await channel.assertQueue("thumbnails");

  channel.consume("resize", async (msg) => {
    if (!msg) return;
    const job = JSON.parse(msg.content.toString());
    if (!validateJob(job)) {
      channel.nack(msg, false, false);
      return;
    }
    await resize(job.imageId, job.width);
    channel.ack(msg);
  });

  channel.consume("thumbnails", async (msg) => {
    // hh-expect: unvalidated-boundary/messagePayload
    const job = JSON.parse(msg.content.toString());
    await db.thumbnail.create({ data: { imageId: job.imageId, size: job.size } });
    channel.ack(msg);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
