const { Kafka } = require("kafkajs");
const { Worker } = require("bullmq");
const { db } = require("./db");
const { UserEvent } = require("./schemas");

const kafka = new Kafka({ brokers: [process.env.KAFKA_BROKER] });

async function startUserEvents() {
  const consumer = kafka.consumer({ groupId: "crm" });
  await consumer.connect();
  await consumer.subscribe({ topic: "user-events" });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = UserEvent.parse(JSON.parse(message.value.toString()));
      await db.crmContact.upsert({ where: { userId: event.userId }, create: { userId: event.userId, email: event.email }, update: { email: event.email } });
    },
  });
}

async function startClickStream() {
  const consumer = kafka.consumer({ groupId: "analytics" });
  await consumer.connect();
  await consumer.subscribe({ topic: "clicks" });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) {
        // hh-expect: unvalidated-boundary/messagePayload
        const click = JSON.parse(message.value.toString());
        await db.click.create({ data: { page: click.page, at: new Date(click.ts) } });
      }
    },
  });
}

new Worker("emails", async (job) => {
  await sendEmail(job.data.to, job.data.template);
});

async function sendEmail(to, template) {
  console.log("sending", template, "to", to);
}

module.exports = { startUserEvents, startClickStream };
