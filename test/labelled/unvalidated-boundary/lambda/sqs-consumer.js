const { S3Client, PutObjectCommand } = require("@aws-sdk/client-s3");
const { SES } = require("@aws-sdk/client-ses");
const { OrderEvent } = require("./schemas");

const s3 = new S3Client({});
const ses = new SES({});

exports.handler = async (event) => {
  for (const record of event.Records) {
    // hh-expect: unvalidated-boundary/messagePayload
    const message = JSON.parse(record.body);
    await s3.send(new PutObjectCommand({ Bucket: process.env.BUCKET, Key: `orders/${message.orderId}.json`, Body: record.body }));
  }
  return { batchItemFailures: [] };
};

exports.notify = async (event) => {
  const failures = [];
  for (const record of event.Records) {
    const parsed = OrderEvent.safeParse(JSON.parse(record.body));
    if (!parsed.success) {
      failures.push({ itemIdentifier: record.messageId });
      continue;
    }
    await ses.sendEmail({ Destination: { ToAddresses: [parsed.data.email] }, Message: { Subject: { Data: "Order update" }, Body: { Text: { Data: parsed.data.status } } }, Source: process.env.FROM });
  }
  return { batchItemFailures: failures };
};

exports.fanout = async (event) => {
  await Promise.all(
    event.Records.map(async (record) => {
      // hh-expect: unvalidated-boundary/messagePayload
      const note = JSON.parse(record.Sns.Message);
      await ses.sendEmail({ Destination: { ToAddresses: [note.to] }, Message: { Subject: { Data: note.subject }, Body: { Text: { Data: note.text } } }, Source: process.env.FROM });
    }),
  );
};
