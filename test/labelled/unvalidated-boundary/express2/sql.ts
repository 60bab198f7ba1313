import express from "express";
import { Pool } from "pg";
import { z } from "zod";

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const app = express();

const PageQuery = z.object({ page: z.coerce.number().int().min(1).default(1), size: z.coerce.number().int().min(1).max(100).default(20) });

app.get("/articles", async (req, res) => {
  const { page, size } = PageQuery.parse(req.query);
  const { rows } = await pool.query("SELECT * FROM articles ORDER BY id LIMIT $1 OFFSET $2", [size, (page - 1) * size]);
  res.json(rows);
});

app.get("/articles/:slug", async (req, res) => {
  // hh-expect: unvalidated-boundary/expressParams
  const { rows } = await pool.query(`SELECT * FROM articles WHERE slug = '${req.params.slug}'`);
  res.json(rows[0] ?? null);
});

app.get("/authors", async (req, res) => {
  // hh-expect: unvalidated-boundary/expressQuery
  const { rows } = await pool.query("SELECT * FROM authors WHERE country = $1", [req.query.country]);
  res.json(rows);
});

app.post("/articles", async (req, res) => {
  // hh-expect: unvalidated-boundary/expressBody
  const { title, body, authorId } = req.body;
  const { rows } = await pool.query("INSERT INTO articles (title, body, author_id) VALUES ($1, $2, $3) RETURNING id", [title, body, authorId]);
  res.status(201).json(rows[0]);
});

app.post("/articles/:id/views", async (req, res) => {
  const id = Number.parseInt(req.params.id, 10);
  if (Number.isNaN(id)) return res.sendStatus(400);
  await pool.query("UPDATE articles SET views = views + 1 WHERE id = $1", [id]);
  res.sendStatus(204);
});

app.get("/stats", async (_req, res) => {
  const { rows } = await pool.query("SELECT count(*) FROM articles");
  res.json({ count: Number(rows[0].count) });
});

app.listen(8080);
