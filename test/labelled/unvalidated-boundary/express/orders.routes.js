const express = require("express");
const Joi = require("joi");
const { body, param, validationResult, matchedData } = require("express-validator");
const Order = require("../models/order");
const { celebrate, Segments } = require("celebrate");

const router = express.Router();

const orderSchema = Joi.object({
  sku: Joi.string().required(),
  quantity: Joi.number().integer().min(1).required(),
});

router.post("/orders", async (req, res, next) => {
  const { error, value } = orderSchema.validate(req.body);
  if (error) return res.status(400).json({ message: error.message });
  try {
    const order = await Order.create(value);
    res.status(201).json(order);
  } catch (err) {
    next(err);
  }
});

router.post(
  "/orders/:id/notes",
  param("id").isMongoId(),
  body("text").isString().isLength({ max: 500 }),
  async (req, res) => {
    const errors = validationResult(req);
    if (!errors.isEmpty()) return res.status(400).json({ errors: errors.array() });
    const { id, text } = matchedData(req);
    await Order.updateOne({ _id: id }, { $push: { notes: text } });
    res.sendStatus(204);
  },
);

router.put("/orders/:id", async (req, res) => {
  // hh-expect: unvalidated-boundary/expressParams, unvalidated-boundary/expressBody
  const order = await Order.findByIdAndUpdate(req.params.id, req.body, { new: true });
  res.json(order);
});

router.get("/orders/:id", async (req, res) => {
  // hh-expect: unvalidated-boundary/expressParams
  const order = await Order.findById(req.params.id);
  if (!order) return res.sendStatus(404);
  res.json(order);
});

router.get("/orders", async (req, res) => {
  // hh-expect: unvalidated-boundary/expressQuery
  const orders = await Order.find(req.query).limit(50);
  res.json(orders);
});

router.post("/orders/:id/cancel", celebrate({ [Segments.BODY]: Joi.object({ reason: Joi.string().max(200) }) }), async (req, res) => {
  // hh-expect: unvalidated-boundary/expressParams
  await Order.updateOne({ _id: req.params.id }, { status: "cancelled", reason: req.body.reason });
  res.sendStatus(204);
});

router.get("/orders/export/:format", (req, res) => {
  const format = req.params.format;
  if (!["csv", "json"].includes(format)) return res.sendStatus(400);
  res.attachment(`orders.${format}`);
  res.send(renderOrders(format));
});

router.post("/orders/:id/refund", body("amount").isFloat({ min: 0 }), async (req, res) => {
  // hh-expect: unvalidated-boundary/expressBody
  const amount = req.body.amount;
  // hh-expect: unvalidated-boundary/expressParams
  await Order.updateOne({ _id: req.params.id }, { refund: amount });
  res.sendStatus(202);
});

function renderOrders(format) {
  return format === "csv" ? "id,sku\n" : "[]";
}

module.exports = router;
