import express from "express";
import { charge, exchangeRate } from "../services/payments";
import { findUser } from "../db/pool";

export const router = express.Router();

router.post("/orders/:id/pay", async (req, res, next) => {
  try {
    const user = await findUser(req.params.id);
    const rates = await exchangeRate(user.currency);
    const result = await charge(req.params.id, Math.round(req.body.amount * rates.EUR));
    res.json(result);
  } catch (err) {
    next(err);
  }
});

router.get("/orders/:id/tracking", async (req, res, next) => {
  try {
    // hh-expect: unbounded-call/call
    const upstream = await fetch(`https://tracking.example.com/v1/parcels/${req.params.id}`, {
      headers: { Accept: "application/json" },
    });
    res.status(upstream.status).json(await upstream.json());
  } catch (err) {
    next(err);
  }
});

router.get("/orders/:id/invoice", async (req, res, next) => {
  const controller = new AbortController();
  req.on("close", () => controller.abort());
  try {
    const pdf = await fetch(`${process.env.INVOICE_URL}/render/${req.params.id}`, { signal: controller.signal });
    res.type("pdf").send(Buffer.from(await pdf.arrayBuffer()));
  } catch (err) {
    next(err);
  }
});

router.get("/health/deps", async (_req, res) => {
  const checks = await Promise.allSettled([
    fetch(`${process.env.PAYMENTS_URL}/health`, { signal: AbortSignal.timeout(2000) }),
    fetch(`${process.env.LEDGER_URL}/health`, { signal: AbortSignal.timeout(2000) }),
  ]);
  res.json(checks.map((c) => c.status));
});

router.get("/avatar/:user", async (req, res) => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 3000);
  try {
    const img = await fetch(`https://avatars.example.com/${req.params.user}`, { signal: controller.signal });
    res.type(img.headers.get("content-type") ?? "image/png").send(Buffer.from(await img.arrayBuffer()));
  } finally {
    clearTimeout(timer);
  }
});

router.get("/weather/:city", async (req, res) => {
  const controller = new AbortController();
  // hh-expect: unbounded-call/call
  const r = await fetch(`https://wttr.in/${req.params.city}?format=j1`, { signal: controller.signal });
  res.json(await r.json());
});
