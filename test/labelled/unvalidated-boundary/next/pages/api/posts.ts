import type { NextApiRequest, NextApiResponse } from "next";
import { prisma } from "../../../db";

type NewPost = { title: string; body: string; tags: string[] };

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method === "GET") {
    // hh-expect: unvalidated-boundary/nextPagesRequest
    const { author } = req.query;
    const posts = await prisma.post.findMany({ where: { authorId: author as string } });
    res.json(posts);
    return;
  }
  if (req.method === "POST") {
    // hh-expect: unvalidated-boundary/nextPagesRequest
    const input: NewPost = req.body;
    const post = await prisma.post.create({
      data: { title: input.title, body: input.body, tags: { create: input.tags.map((name) => ({ name })) } },
    });
    res.status(201).json(post);
    return;
  }
  res.status(405).end();
}
