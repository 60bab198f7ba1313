import express, { type Request, type Response } from "express";
import Redis from "ioredis";
import { z } from "zod";
import { prisma } from "../db";
import { stripeClient } from "../stripe";

const redis = new Redis(process.env.REDIS_URL!);
const router = express.Router();

const CartItem = z.object({ productId: z.string().uuid(), quantity: z.number().int().min(1).max(99) });

router.post("/cart/items", async (req: Request, res: Response) => {
  const item = CartItem.parse(req.body);
  await redis.hset(`cart:${req.session.id}`, item.productId, item.quantity);
  res.sendStatus(204);
});

router.delete("/cart/items/:productId", async (req, res) => {
  // hh-expect: unvalidated-boundary/expressParams
  await redis.hdel(`cart:${req.session.id}`, req.params.productId);
  res.sendStatus(204);
});

router.post("/checkout", async (req, res) => {
  // hh-expect: unvalidated-boundary/expressBody
  const { couponCode, shippingAddress } = req.body;
  const coupon = couponCode ? await prisma.coupon.findUnique({ where: { code: couponCode } }) : null;
  const session = await stripeClient.checkout.sessions.create({ mode: "payment", metadata: { address: JSON.stringify(shippingAddress), coupon: coupon?.id ?? "" } });
  res.json({ url: session.url });
});

router.get("/products", async (req, res) => {
  const sort = req.query.sort === "price" ? "price" : "createdAt";
  const products = await prisma.product.findMany({ orderBy: { [sort]: "desc" }, take: 50 });
  res.json(products);
});

router.get("/products/:slug/reviews", async (req, res) => {
  // hh-expect: unvalidated-boundary/expressParams
  const product = await prisma.product.findUnique({ where: { slug: req.params.slug }, include: { reviews: true } });
  res.json(product?.reviews ?? []);
});

router.post("/products/:id/reviews", async (req, res) => {
  const id = z.string().uuid().parse(req.params.id);
  const review = z.object({ stars: z.number().int().min(1).max(5), text: z.string().max(2000) }).parse(req.body);
  await prisma.review.create({ data: { productId: id, ...review } });
  res.sendStatus(201);
});

router.get("/search", async (req, res) => {
  // hh-expect: unvalidated-boundary/expressQuery
  const term = req.query.q;
  const hits = await prisma.product.findMany({ where: { name: { contains: term as string } } });
  res.json(hits);
});

export default router;
