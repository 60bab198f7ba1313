import express from "express";
import mongoose, { Schema } from "mongoose";
import { z } from "zod";

const Note = mongoose.model("Note", new Schema({ owner: String, title: String, body: String, tags: [String] }));
const router = express.Router();

const NoteInput = z.object({ title: z.string().max(200), body: z.string().max(20000), tags: z.array(z.string()).max(10) });

router.post("/notes", async (req, res) => {
  const input = NoteInput.parse(req.body);
  const note = await Note.create({ ...input, owner: req.user.id });
  res.status(201).json(note);
});

router.post("/notes/quick", async (req, res) => {
  // hh-expect: unvalidated-boundary/expressBody
  const note = new Note({ ...req.body, owner: req.user.id });
  await note.save();
  res.status(201).json(note);
});

router.get("/notes", async (req, res) => {
  // hh-expect: unvalidated-boundary/expressQuery
  const notes = await Note.find({ owner: req.user.id, tags: req.query.tag }).lean();
  res.json(notes);
});

router.get("/notes/:id", async (req, res) => {
  if (!mongoose.isValidObjectId(req.params.id)) return res.sendStatus(400);
  const note = await Note.findOne({ _id: req.params.id, owner: req.user.id });
  res.json(note);
});

router.delete("/notes/:id", async (req, res) => {
  // hh-expect: unvalidated-boundary/expressParams
  await Note.deleteOne({ _id: req.params.id, owner: req.user.id });
  res.sendStatus(204);
});

router.put("/notes/:id/tags", async (req, res) => {
  // Only the field that is used is read, and it is parsed with Zod: clean since the issue-11
  // conventions (a Zod parse of the sub-field that is used; label removed, was expressBody).
  const tags = z.array(z.string().max(30)).max(10).parse(req.body.tags);
  // hh-expect: unvalidated-boundary/expressParams
  await Note.updateOne({ _id: req.params.id }, { $set: { tags } });
  res.sendStatus(204);
});

export default router;
