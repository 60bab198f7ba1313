import { Octokit } from "@octokit/rest";
import { WebClient } from "@slack/web-api";
import { Client as HubSpot } from "@hubspot/api-client";
import { Resend } from "resend";
import { Client as Maps } from "@googlemaps/google-maps-services-js";
import { Gitlab } from "@gitbeaker/rest";
import { HfInference } from "@huggingface/inference";
import { LinearClient } from "@linear/sdk";

// hh-expect: hardcoded-secret/providerKey
export const octokit = new Octokit({ auth: "ghp_jy2fdgEccyHZ9h1v813UVXQoHGBI3ahz4Zbx", userAgent: "acme-bot/1.0" });

// hh-expect: hardcoded-secret/providerKey
export const slack = new WebClient("xoxb-739394179258-3596637753359-s8m3jeEwLnEEcPIcsFlnAWlN");

// hh-expect: hardcoded-secret/providerKey
const SLACK_WEBHOOK_URL = "https://hooks.slack.com/services/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";

export async function notify(text: string): Promise<void> {
  await fetch(SLACK_WEBHOOK_URL, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text }) });
}

export async function alertOps(text: string): Promise<void> {
  // hh-expect: hardcoded-secret/providerKey
  await fetch("https://discord.com/api/webhooks/142160857121051365/T7gGjH0NAT8DDC-Y2QYnCa6YY8n1isuVXjHc5dhqa5xAHXsqwS4cchzcaxSixWxKCIl9", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ content: text }),
  });
}

// hh-expect: hardcoded-secret/providerKey
export const hubspot = new HubSpot({ accessToken: "pat-na1-7c3ddb56-5ad5-2f1a-c6bd-f943552fd52c" });

// hh-expect: hardcoded-secret/providerKey
export const resend = new Resend("re_bG4t0fkO_6l0MwUg4jrOMmDSaRvMi5fzN");

const maps = new Maps({});
export async function geocode(address: string) {
  // hh-expect: hardcoded-secret/providerKey
  return maps.geocode({ params: { address, key: "AIzaWfQIFmdzfieZ4A_hrrOyvPnPiYeI7qqAzaJ" } });
}

// hh-expect: hardcoded-secret/providerKey
export const gitlab = new Gitlab({ token: "glpat-NU4S38V9pnL1m5PcUipx", host: "https://gitlab.acme.io" });

// hh-expect: hardcoded-secret/providerKey
export const hf = new HfInference("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");

// hh-expect: hardcoded-secret/providerKey
export const linear = new LinearClient({ apiKey: "lin_api_iZuTCoPPUuTpiouCuYxDT1XKFZ1wbVp52icTCxlw" });

export const octokitFromEnv = new Octokit({ auth: process.env.GITHUB_TOKEN });
export const slackFromEnv = new WebClient(process.env.SLACK_BOT_TOKEN);
export const GITHUB_API = "https://api.github.com";
export const SLACK_SIGNING_SECRET_ENV = "SLACK_SIGNING_SECRET";

export const mapboxPublicToken = "pk.eyJIVGawfr9xfKHKUtFcJ0eDbJ7qRoD1sNaIhq6oDLr.e4PEPv2xalaIUnx260qlAw";
// hh-expect: hardcoded-secret/providerKey
export const MAPBOX_UPLOAD_TOKEN = "sk.eyJAF3pGamtNfUEQoyG6vqJIr3GSxQqjKzy8Rn52r5j.x_tvfU4ONGPLobjzgXgYIA";

export const shopify = {
  shop: "acme-store.myshopify.com",
  // hh-expect: hardcoded-secret/providerKey
  adminAccessToken: "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",
  apiVersion: "2024-07",
};

export const mailgun = {
  domain: "mg.acme.io",
  // hh-expect: hardcoded-secret/providerKey
  apiKey: "key-854087702e0da11a6d158d823856162e",
};

export const ciToken = {
  // hh-expect: hardcoded-secret/providerKey
  github: "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",
  // hh-expect: hardcoded-secret/providerKey
  npm: "npm_tisEFdULMIeskGTY0E4hggdmwyPmd0ycblRy",
};
