import { useState } from "react";
import { useTranslation } from "react-i18next";

const PASSWORD_MIN_LENGTH = 12;
const passwordRules = ["At least 12 characters", "One number", "One symbol"];

export function LoginForm({ onSubmit }: { onSubmit: (email: string, password: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [showPassword, setShowPassword] = useState(false);
  const passwordInputType = showPassword ? "text" : "password";

  return (
    <form onSubmit={(e) => { e.preventDefault(); void onSubmit(email, password); }}>
      <label htmlFor="email">{t("auth.email.label")}</label>
      <input id="email" name="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
      <label htmlFor="password">{t("auth.password.label")}</label>
      <input
        id="password"
        name="password"
        type={passwordInputType}
        autoComplete="current-password"
        minLength={PASSWORD_MIN_LENGTH}
        placeholder="Your password"
        aria-describedby="password-hint"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <button type="button" aria-label="Show password" onClick={() => setShowPassword(!showPassword)}>👁</button>
      <ul id="password-hint">{passwordRules.map((r) => <li key={r}>{r}</li>)}</ul>
      <a href="/forgot-password" className="text-sm text-blue-600 hover:underline">Forgot your password?</a>
      <button type="submit" className="w-full rounded bg-indigo-600 px-4 py-2 text-white">Sign in</button>
    </form>
  );
}

export function ApiKeyPanel({ apiKey }: { apiKey: string }) {
  const masked = apiKey.slice(0, 4) + "••••••••";
  return (
    <div className="font-mono text-xs">
      <span title="Your API key">{masked}</span>
      <code>sk_live_••••••••••••</code>
    </div>
  );
}

export function DemoBanner() {
  // hh-expect: hardcoded-secret/suspiciousName
  const demoPassword = "Welcome#2025";
  return <p>Log in to the demo as demo@acme.io with password {demoPassword}</p>;
}
