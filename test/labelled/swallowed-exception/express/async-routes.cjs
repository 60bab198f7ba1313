const express = require('express');
const asyncHandler = require('express-async-handler');
const createError = require('http-errors');
const winston = require('winston');
const { Order, Product } = require('../models');

const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
const router = express.Router();

router.get('/products/:sku', asyncHandler(async (req, res) => {
  const product = await Product.findOne({ sku: req.params.sku });
  if (!product) throw createError(404, 'product not found');
  res.json(product);
}));

router.post('/orders', asyncHandler(async (req, res) => {
  let items;
  try {
    items = JSON.parse(req.body.items);
  } catch (e) {
    throw createError(400, 'items must be JSON');
  }
  const order = await Order.create({ items, userId: req.user.id });
  res.status(201).json(order);
}));

router.get('/orders/:id', async (req, res, next) => {
  try {
    res.json(await Order.findById(req.params.id));
  // hh-expect: swallowed-exception/logAndContinue
  } catch (err) {
    logger.error('order lookup failed', { err });
    res.json(null);
  }
});

router.post('/orders/:id/ship', async (req, res, next) => {
  try {
    const order = await Order.findById(req.params.id);
    await order.ship();
    res.status(204).end();
  } catch (err) {
    logger.error('ship failed', { orderId: req.params.id, err });
    next(createError(502, 'shipping provider unavailable'));
  }
});

router.get('/products', (req, res, next) => {
  Product.find({})
    .then((products) => res.json(products))
    .catch((err) => next(err));
});

router.get('/products/featured', (req, res) => {
  Product.find({ featured: true })
    .then((products) => res.json(products))
    // hh-expect: swallowed-exception/promiseCatchLogOnly
    .catch((err) => logger.error('featured failed', { err }));
});

router.delete('/orders/:id', async (req, res) => {
  try {
    await Order.deleteOne({ _id: req.params.id });
  // hh-expect: swallowed-exception/emptyCatch
  } catch (err) {
  }
  res.status(204).end();
});

router.get('/orders/:id/tracking', async (req, res, next) => {
  try {
    const order = await Order.findById(req.params.id);
    res.json(await order.tracking());
  } catch (err) {
    if (err.name === 'CastError') return next(createError(400, 'bad id'));
    next(err);
  }
});

router.post('/orders/:id/notes', async (req, res) => {
  try {
    await Order.updateOne({ _id: req.params.id }, { $push: { notes: req.body.note } });
    res.status(201).end();
    // hh-expect: swallowed-exception/partialErrorCheck
  } catch (err) {
    if (err.name === 'ValidationError') {
      return res.status(422).json({ error: err.message });
    }
  }
});

module.exports = router;
