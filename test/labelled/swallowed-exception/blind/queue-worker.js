const amqp = require('amqplib');
const { processOrder } = require('./orders');
const logger = require('./logger');

async function start() {
  const conn = await amqp.connect(process.env.AMQP_URL);
  // hh-expect: swallowed-exception/emptyErrorHandler
  conn.on('error', (err) => {});
  conn.on('close', () => {
    logger.warn('amqp connection closed, exiting');
    process.exit(1);
  });
  const ch = await conn.createChannel();
  await ch.assertQueue('orders', { durable: true });
  ch.prefetch(10);
  ch.consume('orders', async (msg) => {
    if (!msg) return;
    let order;
    try {
      order = JSON.parse(msg.content.toString());
    } catch (e) {
      logger.warn('dropping malformed message');
      ch.nack(msg, false, false);
      return;
    }
    try {
      await processOrder(order);
      ch.ack(msg);
    } catch (err) {
      logger.error('order failed', { orderId: order.id, err });
      ch.nack(msg, false, true);
    }
  });
}

async function publish(ch, order) {
  try {
    ch.sendToQueue('orders', Buffer.from(JSON.stringify(order)), { persistent: true });
  // hh-expect: swallowed-exception/logAndContinue
  } catch (err) {
    logger.error('publish failed', err);
  }
}

function retryLater(fn, ms) {
  setTimeout(() => {
    // hh-expect: swallowed-exception/promiseCatchNoop
    fn().catch(() => {});
  }, ms);
}

start().catch((err) => {
  logger.error('worker failed to start', err);
  process.exit(1);
});

module.exports = { publish, retryLater };
