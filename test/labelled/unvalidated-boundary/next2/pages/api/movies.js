import { connectToDatabase } from "../../../lib/mongodb";

export default async function handler(req, res) {
  const { db } = await connectToDatabase();
  if (req.method === "GET") {
    // hh-expect: unvalidated-boundary/nextPagesRequest
    const { id } = req.query;
    const movie = await db.collection("movies").findOne({ _id: id });
    return res.json(movie);
  }
  if (req.method === "POST") {
    // hh-expect: unvalidated-boundary/nextPagesRequest
    const review = { movieId: req.body.movieId, text: req.body.text, createdAt: new Date() };
    await db.collection("reviews").insertOne(review);
    return res.status(201).json(review);
  }
  res.setHeader("Allow", ["GET", "POST"]);
  res.status(405).end(`Method ${req.method} Not Allowed`);
}
