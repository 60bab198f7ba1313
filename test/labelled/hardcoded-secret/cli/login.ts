import { Command } from "commander";
import keytar from "keytar";

const program = new Command();
program
  .name("acme")
  .option("--api-key <key>", "API key (defaults to the one stored by `acme login`)")
  .option("--token <token>", "Personal access token")
  .option("--password-stdin", "Read the password from stdin");

export async function resolveToken(opts: { token?: string }): Promise<string> {
  const stored = await keytar.getPassword("acme-cli", "default");
  // hh-expect: hardcoded-secret/providerKey
  return opts.token ?? stored ?? "ghp_97bwMFqaGQF9QKmoyUSuIN9M3YcEqu9d8IJn";
}

export async function login(username: string, password: string): Promise<void> {
  const res = await fetch("https://api.acme.io/v1/cli/token", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  const { token } = (await res.json()) as { token: string };
  await keytar.setPassword("acme-cli", username, token);
}

// hh-expect: hardcoded-secret/suspiciousName
const TELEMETRY_WRITE_TOKEN = "c6Ofl5rGTIwC5vNa7DI4dcK4";
export const telemetry = { endpoint: "https://telemetry.acme.io/v1/events", token: TELEMETRY_WRITE_TOKEN };
