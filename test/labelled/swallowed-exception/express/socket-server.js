const http = require('http');
const { Server } = require('socket.io');
const Redis = require('ioredis');
const log = require('../lib/log');

const server = http.createServer();
const io = new Server(server, { cors: { origin: process.env.ORIGIN } });
const redis = new Redis(process.env.REDIS_URL);
const sub = redis.duplicate();

redis.on('error', (err) => log.error('redis error', { err }));
// hh-expect: swallowed-exception/emptyErrorHandler
sub.on('error', function () {});

io.on('connection', (socket) => {
  socket.on('join', async (room, ack) => {
    try {
      await socket.join(room);
      await redis.sadd(`rooms:${room}`, socket.id);
      ack({ ok: true });
    } catch (err) {
      log.error('join failed', { room, err });
      ack({ ok: false, error: 'join failed' });
    }
  });

  socket.on('message', async (msg) => {
    let parsed;
    try {
      parsed = JSON.parse(msg);
    } catch (e) {
      socket.emit('error', 'invalid message');
      return;
    }
    try {
      await redis.publish(`room:${parsed.room}`, JSON.stringify(parsed));
    // hh-expect: swallowed-exception/logAndContinue
    } catch (err) {
      log.warn('publish failed', { err });
    }
  });

  socket.on('typing', (room) => {
    // hh-expect: swallowed-exception/promiseCatchNoop
    redis.setex(`typing:${room}:${socket.id}`, 5, '1').catch(() => {});
  });

  socket.on('disconnect', () => {
    // hh-expect: swallowed-exception/ignoredCallbackError
    redis.srem(`rooms:all`, socket.id, (err) => {
      log.info('left', { id: socket.id });
    });
  });

  socket.on('error', (err) => {
    log.warn('socket error', { id: socket.id, err });
  });
});

sub.psubscribe('room:*', (err, count) => {
  if (err) {
    log.error('psubscribe failed', { err });
    process.exit(1);
  }
  log.info(`subscribed to ${count} patterns`);
});

sub.on('pmessage', (_pattern, channel, message) => {
  try {
    const data = JSON.parse(message);
    io.to(data.room).emit('message', data);
  // hh-expect: swallowed-exception/emptyCatch
  } catch (e) {
    return;
  }
});

server.listen(process.env.PORT || 4000);
