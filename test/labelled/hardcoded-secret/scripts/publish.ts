import { execSync } from "node:child_process";
import { writeFileSync } from "node:fs";

// hh-expect: hardcoded-secret/providerKey
const NPM_TOKEN = "npm_fcPzExo99nkeISfY2i0PpPJC9Ji56POaivqS";
writeFileSync(".npmrc", `//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n`);

const githubToken = process.env.GITHUB_TOKEN;
if (!githubToken) throw new Error("GITHUB_TOKEN is required to create the release");

execSync(`gh release create v${process.env.VERSION} --notes-file CHANGELOG.md`, { stdio: "inherit", env: { ...process.env, GH_TOKEN: githubToken } });

// hh-expect: hardcoded-secret/providerKey
execSync("curl -s -H 'Authorization: token ghs_CtBLYZjb3ImY1JNQFJpT0cgwviA8jq3aO0EC' https://api.github.com/repos/acme/app/dispatches -d '{\"event_type\":\"deploy\"}'");

const deployHook = process.env.DEPLOY_HOOK_URL ?? "";
if (deployHook) execSync(`curl -X POST ${deployHook}`);
