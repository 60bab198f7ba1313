import { execSync } from "node:child_process";
import { writeFileSync } from "node:fs";

// hh-expect: hardcoded-secret/providerKey
const NPM_TOKEN = "npm_GyqvauM57jGjICYNqhPBQ9FDANs6Rn1B9A30";
writeFileSync(".npmrc", `//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n`);

const githubToken = process.env.GITHUB_TOKEN;
if (!githubToken) throw new Error("GITHUB_TOKEN is required to create the release");

execSync(`gh release create v${process.env.VERSION} --notes-file CHANGELOG.md`, { stdio: "inherit", env: { ...process.env, GH_TOKEN: githubToken } });

// hh-expect: hardcoded-secret/providerKey
execSync("curl -s -H 'Authorization: token ghs_OkggJk8yhPfawrM14NxpVI2Gjtc2pezmDsk2' https://api.github.com/repos/acme/app/dispatches -d '{\"event_type\":\"deploy\"}'");

const deployHook = process.env.DEPLOY_HOOK_URL ?? "";
if (deployHook) execSync(`curl -X POST ${deployHook}`);
