import express, { type NextFunction, type Request, type Response } from "express";
import session from "express-session";
import cookieParser from "cookie-parser";
import cookieSession from "cookie-session";
import jwt from "jsonwebtoken";
import passport from "passport";
import { ExtractJwt, Strategy as JwtStrategy } from "passport-jwt";
import { expressjwt } from "express-jwt";
import bcrypt from "bcrypt";

const app = express();
app.use(express.json({ limit: "1mb" }));
// hh-expect: hardcoded-secret/signingSecret
app.use(cookieParser("supersecret"));
app.use(
  session({
    name: "acme.sid",
    // hh-expect: hardcoded-secret/signingSecret
    secret: "my-super-secret-key",
    resave: false,
    saveUninitialized: false,
    cookie: { httpOnly: true, secure: true, sameSite: "lax", maxAge: 1000 * 60 * 60 * 8 },
  }),
);
app.use(
  cookieSession({
    name: "prefs",
    // hh-expect: hardcoded-secret/signingSecret, hardcoded-secret/signingSecret
    keys: ["s3ssion-K3y!", "rotated-k3y-2023"],
    maxAge: 24 * 60 * 60 * 1000,
  }),
);

// hh-expect: hardcoded-secret/suspiciousName
const JWT_SECRET = "this-is-the-signing-key";
const JWT_ISSUER = "https://auth.acme.io";

passport.use(
  new JwtStrategy(
    {
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // hh-expect: hardcoded-secret/signingSecret
      secretOrKey: "0123456789abcdef0123456789abcdef",
      issuer: JWT_ISSUER,
    },
    (payload: { sub: string }, done: (err: unknown, user?: unknown) => void) => done(null, { id: payload.sub }),
  ),
);

// hh-expect: hardcoded-secret/signingSecret
app.use("/api/admin", expressjwt({ secret: "this-is-the-signing-key", algorithms: ["HS256"] }));

function issueToken(userId: string): string {
  return jwt.sign({ sub: userId }, JWT_SECRET, { expiresIn: "15m", issuer: JWT_ISSUER });
}

function issueRefreshToken(userId: string): string {
  // hh-expect: hardcoded-secret/signingSecret
  return jwt.sign({ sub: userId, typ: "refresh" }, "refresh-token-signing-key", { expiresIn: "30d" });
}

function requireAuth(req: Request, res: Response, next: NextFunction): void {
  const header = req.headers.authorization ?? "";
  const token = header.startsWith("Bearer ") ? header.slice("Bearer ".length) : "";
  try {
    // hh-expect: hardcoded-secret/signingSecret
    const claims = jwt.verify(token, "this-is-the-signing-key") as { sub: string };
    res.locals.userId = claims.sub;
    next();
  } catch (err: unknown) {
    res.status(401).json({ error: "invalid token" });
  }
}

const users = new Map<string, { email: string; passwordHash: string }>();

app.post("/auth/login", async (req: Request, res: Response) => {
  const { email, password } = req.body as { email: string; password: string };
  const user = users.get(email);
  if (!user || !(await bcrypt.compare(password, user.passwordHash))) {
    res.status(401).json({ error: "Invalid email or password" });
    return;
  }
  res.json({ accessToken: issueToken(email), refreshToken: issueRefreshToken(email), tokenType: "Bearer" });
});

app.post("/auth/token/refresh", (req: Request, res: Response) => {
  const refreshToken = String(req.body.refreshToken ?? "");
  try {
    const claims = jwt.verify(refreshToken, process.env.REFRESH_SECRET!) as { sub: string };
    res.json({ accessToken: issueToken(claims.sub) });
  } catch (err: unknown) {
    res.status(401).json({ error: "Refresh token expired" });
  }
});

app.post("/auth/password/reset", (req: Request, res: Response) => {
  res.json({ message: "If the account exists, a password reset link was sent." });
});

app.get("/me", requireAuth, (req: Request, res: Response) => {
  res.json({ id: res.locals.userId });
});

// Internal health check used by the load balancer.
app.get("/internal/health", (req: Request, res: Response) => {
  // hh-expect: hardcoded-secret/suspiciousName
  const expectedToken = "NJkGOnduus7hJGGU3im6O8kkX5XDPSmt";
  if (req.get("x-health-token") !== expectedToken) {
    res.sendStatus(403);
    return;
  }
  res.json({ ok: true });
});

// hh-expect: hardcoded-secret/suspiciousName
const ADMIN_PASSWORD = "R3dFox!97";
app.post("/admin/login", (req: Request, res: Response) => {
  if (req.body.password !== ADMIN_PASSWORD) {
    res.status(401).send("Wrong password");
    return;
  }
  res.json({ token: issueToken("admin") });
});

app.use((req: Request, res: Response, next: NextFunction) => {
  res.setHeader("X-Content-Type-Options", "nosniff");
  next();
});

export default app;
