import { z } from "zod";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
export const TOKEN_BYTES = 32;
export const passwordRegex = /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).{12,}$/;
export const API_KEY_PATTERN = /^ak_[a-z0-9]{32}$/;
export const SECRET_HEADER = "x-acme-secret";
export const TOKEN_COOKIE = "acme_token";
export const TOKEN_STORAGE_KEY = "acme.auth.token";
export const PASSWORD_FIELD = "password";
export const passwordStrengthLabels = ["Very weak", "Weak", "Fair", "Strong", "Very strong"];

export const signupSchema = z.object({
  email: z.string().email("Enter a valid email"),
  password: z.string().min(PASSWORD_MIN, "Password must be at least 12 characters").max(PASSWORD_MAX),
  confirmPassword: z.string(),
  apiKeyName: z.string().default("default"),
  tokenScope: z.enum(["read", "write"]).default("read"),
}).refine((v) => v.password === v.confirmPassword, { message: "Passwords do not match", path: ["confirmPassword"] });

export const resetSchema = z.object({
  token: z.string().length(64),
  newPassword: z.string().min(PASSWORD_MIN),
});

export function isStrongPassword(password: string): boolean {
  return passwordRegex.test(password) && !["password", "123456", "qwerty"].includes(password.toLowerCase());
}

export const errors = {
  invalidToken: "The reset token is invalid or has expired",
  wrongPassword: "Wrong password",
  secretRequired: "A secret is required",
  apiKeyRevoked: "This API key was revoked",
};

export const defaults = {
  tokenType: "Bearer",
  secretLength: "32",
  passwordHashAlgorithm: "argon2id",
  tokenEncoding: "base64url",
  credentials: "same-origin",
};
