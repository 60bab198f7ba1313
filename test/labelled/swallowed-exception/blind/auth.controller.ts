import type { Request, Response, NextFunction } from "express";
import bcrypt from "bcryptjs";
import jwt, { TokenExpiredError } from "jsonwebtoken";
import { UserModel } from "../models/user";
import { sendResetEmail } from "../services/email";
import logger from "../utils/logger";

const JWT_SECRET = process.env.JWT_SECRET as string;

export const register = async (req: Request, res: Response) => {
  const { email, password } = req.body;
  try {
    const existing = await UserModel.findOne({ email });
    if (existing) return res.status(409).json({ message: "Email already in use" });
    const hash = await bcrypt.hash(password, 12);
    const user = await UserModel.create({ email, password: hash });
    return res.status(201).json({ id: user.id });
  } catch (error: any) {
    logger.error(error);
    return res.status(500).json({ message: error.message });
  }
};

export const login = async (req: Request, res: Response, next: NextFunction) => {
  try {
    const user = await UserModel.findOne({ email: req.body.email });
    if (!user || !(await bcrypt.compare(req.body.password, user.password))) {
      return res.status(401).json({ message: "Invalid credentials" });
    }
    const token = jwt.sign({ sub: user.id }, JWT_SECRET, { expiresIn: "1h" });
    res.json({ token });
  } catch (e) {
    next(e);
  }
};

export const me = async (req: Request, res: Response) => {
  const token = req.headers.authorization?.split(" ")[1];
  if (!token) return res.sendStatus(401);
  try {
    const payload = jwt.verify(token, JWT_SECRET) as { sub: string };
    const user = await UserModel.findById(payload.sub).select("-password");
    res.json(user);
  } catch (err) {
    if (err instanceof TokenExpiredError) return res.status(401).json({ message: "Token expired" });
    return res.status(401).json({ message: "Invalid token" });
  }
};

export const forgotPassword = async (req: Request, res: Response) => {
  const user = await UserModel.findOne({ email: req.body.email });
  if (user) {
    const resetToken = jwt.sign({ sub: user.id, purpose: "reset" }, JWT_SECRET, { expiresIn: "15m" });
    // hh-expect: swallowed-exception/promiseCatchLogOnly
    sendResetEmail(user.email, resetToken).catch((err) => logger.error(err));
  }
  res.json({ message: "If the account exists, an email has been sent" });
};

export const updateProfile = async (req: Request, res: Response) => {
  try {
    const user = await UserModel.findByIdAndUpdate(req.params.id, req.body, { new: true });
    res.json(user);
  // hh-expect: swallowed-exception/logAndContinue
  } catch (error) {
    console.log("Error updating profile: ", error);
  }
};

export const deleteAccount = async (req: Request, res: Response) => {
  try {
    await UserModel.findByIdAndDelete(req.params.id);
    res.json({ success: true });
  } catch (error) {
    res.json({ success: false });
  }
};

export const verifyToken = (token: string) => {
  try {
    return jwt.verify(token, JWT_SECRET);
  } catch (err) {
    return null;
  }
};

export const refresh = async (req: Request, res: Response) => {
  try {
    const { refreshToken } = req.body;
    const payload = jwt.verify(refreshToken, JWT_SECRET) as { sub: string };
    res.json({ token: jwt.sign({ sub: payload.sub }, JWT_SECRET, { expiresIn: "1h" }) });
    // hh-expect: swallowed-exception/rethrowWithoutCause
  } catch (err) {
    throw new Error("Refresh failed");
  }
};
