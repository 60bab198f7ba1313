import { Octokit } from "@octokit/rest";
import { WebClient } from "@slack/web-api";
import { Client as HubSpot } from "@hubspot/api-client";
import { Resend } from "resend";
import { Client as Maps } from "@googlemaps/google-maps-services-js";
import { Gitlab } from "@gitbeaker/rest";
import { HfInference } from "@huggingface/inference";
import { LinearClient } from "@linear/sdk";

// hh-expect: hardcoded-secret/providerKey
export const octokit = new Octokit({ auth: "ghp_mfZIaHDrTbe7ocF9u0hQIRkeEdtL9PirY4Rv", userAgent: "acme-bot/1.0" });

// hh-expect: hardcoded-secret/providerKey
export const slack = new WebClient("xoxb-039914800474-9221145350331-GIHZcCeurYOPz0aVQhhzyzj4");

// hh-expect: hardcoded-secret/providerKey
const SLACK_WEBHOOK_URL = "https://hooks.slack.com/services/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";

export async function notify(text: string): Promise<void> {
  await fetch(SLACK_WEBHOOK_URL, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text }) });
}

export async function alertOps(text: string): Promise<void> {
  // hh-expect: hardcoded-secret/providerKey
  await fetch("https://discord.com/api/webhooks/226634468197212670/M6w6Md8WpMoTaBvCzK5EMyaiwndQ3liZ6936IrMulhVEr5f_wOKrabxYLhkjatju26mo", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ content: text }),
  });
}

// hh-expect: hardcoded-secret/providerKey
export const hubspot = new HubSpot({ accessToken: "pat-na1-ecb089ea-5aef-e2ee-3caa-b83304dcdf77" });

// hh-expect: hardcoded-secret/providerKey
export const resend = new Resend("re_mQGck3zL_Vh8MtWnb0bNdqqfUOMXvns8m");

const maps = new Maps({});
export async function geocode(address: string) {
  // hh-expect: hardcoded-secret/providerKey
  return maps.geocode({ params: { address, key: "AIza8IWJI5fR4KBta_YkxMHy0CRhvaF1nQmhPT3" } });
}

// hh-expect: hardcoded-secret/providerKey
export const gitlab = new Gitlab({ token: "glpat-IeHPy2IblTHzhJGxSIxG", host: "https://gitlab.acme.io" });

// hh-expect: hardcoded-secret/providerKey
export const hf = new HfInference("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");

// hh-expect: hardcoded-secret/providerKey
export const linear = new LinearClient({ apiKey: "lin_api_Am0JeBBhgB7fMbgInMgTBzjNdMMkwq7ueTaR2WXx" });

export const octokitFromEnv = new Octokit({ auth: process.env.GITHUB_TOKEN });
export const slackFromEnv = new WebClient(process.env.SLACK_BOT_TOKEN);
export const GITHUB_API = "https://api.github.com";
export const SLACK_SIGNING_SECRET_ENV = "SLACK_SIGNING_SECRET";

export const mapboxPublicToken = "pk.eyJutK2uL6R8gmDxOy5cOQ7VNcYuA2DLWV7YJiscOO0.hzcaxSixWxKCIl9ezP03tX";
// hh-expect: hardcoded-secret/providerKey
export const MAPBOX_UPLOAD_TOKEN = "sk.eyJNuKU9jaL3iEeDVrvZNWq0bfk4SJH8LKFeaL4o6F5.z3M_cZpdYGl0jZ-bWfQIFm";

export const shopify = {
  shop: "acme-store.myshopify.com",
  // hh-expect: hardcoded-secret/providerKey
  adminAccessToken: "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",
  apiVersion: "2024-07",
};

export const mailgun = {
  domain: "mg.acme.io",
  // hh-expect: hardcoded-secret/providerKey
  apiKey: "key-a57ea4638b805787eabf6c9177a91c19",
};

export const ciToken = {
  // hh-expect: hardcoded-secret/providerKey
  github: "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",
  // hh-expect: hardcoded-secret/providerKey
  npm: "npm_zKwn5Tti181Yuo9bnd4aVShvpAYAF3pGamtN",
};
