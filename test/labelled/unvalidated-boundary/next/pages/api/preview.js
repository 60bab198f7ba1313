export default function handler(req, res) {
  const secret = process.env.PREVIEW_SECRET;
  if (req.query.secret !== secret || typeof req.query.slug !== "string") {
    return res.status(401).json({ message: "Invalid token" });
  }
  const slug = req.query.slug;
  if (!/^[a-z0-9-]+$/.test(slug)) return res.status(400).end();
  res.setPreviewData({});
  res.redirect(`/posts/${slug}`);
}
