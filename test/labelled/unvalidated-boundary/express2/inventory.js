"use strict";

const express = require("express");
const { MongoClient, ObjectId } = require("mongodb");
const { inventoryService } = require("./services");
const { ItemSchema, StockAdjustment } = require("./schemas");

const client = new MongoClient(process.env.MONGO_URL);
const items = client.db("shop").collection("items");
const app = express();
app.use(express.json());

function toItem(body) {
  return { name: body.name.trim(), sku: body.sku, price: Math.round(body.price * 100) };
}

app.post("/items", async (req, res) => {
  // hh-expect: unvalidated-boundary/expressBody
  const doc = toItem(req.body);
  const result = await items.insertOne(doc);
  res.status(201).json({ id: result.insertedId });
});

app.post("/items/validated", async (req, res) => {
  const item = ItemSchema.parse(req.body);
  const result = await items.insertOne(toItem(item));
  res.status(201).json({ id: result.insertedId });
});

app.get("/items/by-sku/:sku", async (req, res) => {
  // hh-expect: unvalidated-boundary/expressParams
  const item = await items.findOne({ sku: req.params.sku });
  res.json(item);
});

app.get("/items/:id", async (req, res) => {
  if (!ObjectId.isValid(req.params.id)) return res.sendStatus(400);
  const item = await items.findOne({ _id: new ObjectId(req.params.id) });
  res.json(item);
});

app.post("/items/:id/stock", async (req, res) => {
  const adjustment = StockAdjustment.safeParse(req.body);
  if (!adjustment.success) return res.status(400).json(adjustment.error.format());
  // hh-expect: unvalidated-boundary/expressParams
  await inventoryService.adjust(req.params.id, adjustment.data.delta);
  res.sendStatus(204);
});

app.post("/items/:id/reserve", async (req, res) => {
  // hh-expect: unvalidated-boundary/expressBody
  await inventoryService.reserve(req.body);
  res.sendStatus(202);
});

app.get("/items", async (req, res) => {
  // hh-expect: unvalidated-boundary/expressQuery
  const { limit = "20", category } = req.query;
  const cursor = items.find(category ? { category } : {}).limit(Number(limit));
  res.json(await cursor.toArray());
});

app.get("/reports/daily", async (req, res) => {
  const day = String(req.query.day ?? "");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return res.sendStatus(400);
  res.json(await inventoryService.dailyReport(day));
});

app.delete("/items/:id", async (req, res) => {
  // hh-expect: unvalidated-boundary/expressParams
  await inventoryService.remove(req.params.id);
  res.sendStatus(204);
});

app.get("/version", (_req, res) => res.json({ version: process.env.npm_package_version }));

module.exports = app;
