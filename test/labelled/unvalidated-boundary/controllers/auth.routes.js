const express = require("express");
const bcrypt = require("bcrypt");
const jwt = require("jsonwebtoken");
const { User, Session } = require("../models");
const { loginSchema, registerSchema } = require("../validation");

const router = express.Router();

router.post("/register", async (req, res) => {
  const { value, error } = registerSchema.validate(req.body, { abortEarly: false });
  if (error) return res.status(422).json({ errors: error.details.map((d) => d.message) });
  const hash = await bcrypt.hash(value.password, 12);
  const user = await User.create({ email: value.email, passwordHash: hash });
  res.status(201).json({ id: user.id });
});

router.post("/login", async (req, res) => {
  // hh-expect: unvalidated-boundary/expressBody
  const { email, password } = req.body;
  const user = await User.findOne({ where: { email } });
  if (!user || !(await bcrypt.compare(password, user.passwordHash))) return res.sendStatus(401);
  const token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: "1h" });
  res.json({ token });
});

router.post("/login/v2", async (req, res) => {
  const parsed = loginSchema.safeParse(req.body);
  if (!parsed.success) return res.sendStatus(400);
  const user = await User.findOne({ where: { email: parsed.data.email } });
  if (!user) return res.sendStatus(401);
  res.json({ ok: await bcrypt.compare(parsed.data.password, user.passwordHash) });
});

router.post("/logout", async (req, res) => {
  const header = req.headers.authorization || "";
  const token = header.replace(/^Bearer /, "");
  await Session.destroy({ where: { token } });
  res.sendStatus(204);
});

router.get("/sessions/:sessionId", async (req, res) => {
  // hh-expect: unvalidated-boundary/expressParams
  const session = await Session.findByPk(req.params.sessionId);
  res.json(session);
});

// hh-expect: unvalidated-boundary/expressBody
router.post("/password-reset", async ({ body }, res) => {
  const user = await User.findOne({ where: { email: body.email } });
  if (user) await user.update({ resetRequestedAt: new Date() });
  res.sendStatus(202);
});

module.exports = router;
