import Koa from 'koa';
import Router from '@koa/router';
import pino from 'pino';
import { loadProfile, saveProfile } from './profiles.mjs';
import { redis } from './redis.mjs';

const logger = pino();
const app = new Koa();
const router = new Router();

app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    logger.error({ err, path: ctx.path }, 'request failed');
    ctx.status = err.status || 500;
    ctx.body = { error: 'Internal Server Error' };
  }
});

router.get('/profiles/:id', async (ctx) => {
  const profile = await loadProfile(ctx.params.id);
  if (!profile) ctx.throw(404, 'profile not found');
  ctx.body = profile;
});

router.put('/profiles/:id', async (ctx) => {
  let body;
  try {
    body = JSON.parse(ctx.request.rawBody);
  } catch {
    ctx.throw(400, 'Invalid JSON');
  }
  await saveProfile(ctx.params.id, body);
  ctx.status = 204;
});

router.get('/profiles/:id/badges', async (ctx) => {
  try {
    ctx.body = await redis.smembers(`badges:${ctx.params.id}`);
  // hh-expect: swallowed-exception/logAndContinue
  } catch (err) {
    logger.warn({ err }, 'badges unavailable');
    ctx.body = [];
  }
});

router.get('/profiles/:id/views', async (ctx) => {
  try {
    ctx.body = { views: await redis.incr(`views:${ctx.params.id}`) };
  // hh-expect: swallowed-exception/emptyCatch
  } catch {
  }
});

router.post('/profiles/:id/follow', async (ctx) => {
  try {
    await redis.sadd(`followers:${ctx.params.id}`, ctx.state.user.id);
    ctx.status = 204;
  } catch (err) {
    ctx.throw(503, 'try again later');
  }
});

router.get('/profiles/:id/feed', async (ctx) => {
  try {
    ctx.body = await redis.lrange(`feed:${ctx.params.id}`, 0, 50);
  } catch (err) {
    if (err.code === 'ECONNREFUSED') {
      ctx.status = 503;
      return;
    }
    throw err;
  }
});

router.delete('/profiles/:id/cache', async (ctx) => {
  // hh-expect: swallowed-exception/promiseCatchNoop
  redis.del(`profile:${ctx.params.id}`).catch(() => null);
  ctx.status = 202;
});

app.use(router.routes());

// hh-expect: swallowed-exception/emptyErrorHandler
redis.on('error', () => {});

app.on('error', (err, ctx) => {
  logger.error({ err, path: ctx && ctx.path }, 'koa error');
});

export default app;
