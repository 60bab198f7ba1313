'use strict';

const fp = require('fastify-plugin');
const jwt = require('jsonwebtoken');

module.exports = fp(async function authPlugin(fastify, opts) {
  fastify.decorateRequest('user', null);

  fastify.addHook('preHandler', async (request, reply) => {
    const header = request.headers.authorization || '';
    const token = header.replace(/^Bearer /, '');
    if (!token) return;
    try {
      request.user = jwt.verify(token, opts.secret);
    } catch (err) {
      request.log.info({ err }, 'invalid token');
      return reply.code(401).send({ error: 'invalid token' });
    }
  });

  fastify.decorate('verifyOptional', function (token) {
    try {
      return jwt.verify(token, opts.secret);
    // hh-expect: swallowed-exception/catchReturnsDefault
    } catch (e) {
      return null;
    }
  });

  fastify.decorate('refresh', function (token, cb) {
    jwt.verify(token, opts.secret, (err, payload) => {
      if (err) return cb(err);
      cb(null, jwt.sign({ sub: payload.sub }, opts.secret, { expiresIn: '1h' }));
    });
  });

  fastify.decorate('decodeLoose', function (token, cb) {
    // hh-expect: swallowed-exception/ignoredCallbackError
    jwt.verify(token, opts.secret, (err, payload) => {
      if (err) {
        return cb(null, {});
      }
      cb(null, payload);
    });
  });

  fastify.get('/me', async (request, reply) => {
    if (!request.user) return reply.code(401).send({ error: 'login required' });
    try {
      return await fastify.db.users.find(request.user.sub);
    } catch (err) {
      request.log.error({ err }, 'me failed');
      throw err;
    }
  });

  fastify.post('/logout', async (request) => {
    try {
      await fastify.redis.del(`session:${request.user.sub}`);
    // hh-expect: swallowed-exception/logAndContinue
    } catch (err) {
      request.log.warn('could not drop session');
    }
    return { ok: true };
  });

  fastify.addHook('onClose', (instance, done) => {
    // hh-expect: swallowed-exception/thenRejectionNoop
    instance.redis.quit().then(() => done(), () => done());
  });
});
