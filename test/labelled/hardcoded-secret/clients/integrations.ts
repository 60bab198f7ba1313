import { Octokit } from "@octokit/rest";
import { WebClient } from "@slack/web-api";
import { Client as HubSpot } from "@hubspot/api-client";
import { Resend } from "resend";
import { Client as Maps } from "@googlemaps/google-maps-services-js";
import { Gitlab } from "@gitbeaker/rest";
import { HfInference } from "@huggingface/inference";
import { LinearClient } from "@linear/sdk";

// hh-expect: hardcoded-secret/providerKey
export const octokit = new Octokit({ auth: "ghp_QGck3zLVh8MtWnb0bNdqqfUOMXvns8m3jeEw", userAgent: "acme-bot/1.0" });

// hh-expect: hardcoded-secret/providerKey
export const slack = new WebClient("xoxb-291173271990-5937346180660-IQwXNCa5ThjITv5Q2HJbIeHP");

// hh-expect: hardcoded-secret/providerKey
const SLACK_WEBHOOK_URL = "https://hooks.slack.com/services/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";

export async function notify(text: string): Promise<void> {
  await fetch(SLACK_WEBHOOK_URL, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text }) });
}

export async function alertOps(text: string): Promise<void> {
  // hh-expect: hardcoded-secret/providerKey
  await fetch("https://discord.com/api/webhooks/881092700880736829/YnCa6YY8n1isuVXjHc5dhqa5xAHXsqwS4cchzcaxSixWxKCIl9ezP03tXbUo0XI8Gqyb", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ content: text }),
  });
}

// hh-expect: hardcoded-secret/providerKey
export const hubspot = new HubSpot({ accessToken: "pat-na1-bdf94355-2fd5-2cd3-f76a-7619d86f6574" });

// hh-expect: hardcoded-secret/providerKey
export const resend = new Resend("re_zn1EnCTO_Z8PRhPMcA5xfQgVVu8HZX3HT");

const maps = new Maps({});
export async function geocode(address: string) {
  // hh-expect: hardcoded-secret/providerKey
  return maps.geocode({ params: { address, key: "AIzaPiYeI7qqAzaJbpkrWf4pTbPhsjCXcid5ps8" } });
}

// hh-expect: hardcoded-secret/providerKey
export const gitlab = new Gitlab({ token: "glpat-i2Mn8xiZuTCoPPUuTpio", host: "https://gitlab.acme.io" });

// hh-expect: hardcoded-secret/providerKey
export const hf = new HfInference("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");

// hh-expect: hardcoded-secret/providerKey
export const linear = new LinearClient({ apiKey: "lin_api_UtFcJ0eDbJ7qRoD1sNaIhq6oDLrPckuH5uChHXbn" });

export const octokitFromEnv = new Octokit({ auth: process.env.GITHUB_TOKEN });
export const slackFromEnv = new WebClient(process.env.SLACK_BOT_TOKEN);
export const GITHUB_API = "https://api.github.com";
export const SLACK_SIGNING_SECRET_ENV = "SLACK_SIGNING_SECRET";

export const mapboxPublicToken = "pk.eyJY3NSN0gE3zKwn5Tti181Yuo9bnd4aVShvpAYAF3p.M0b-pJhMSQMkgVjx_tvfU4";
// hh-expect: hardcoded-secret/providerKey
export const MAPBOX_UPLOAD_TOKEN = "sk.eyJHGDHnmyFU9yNqRZQL7QMEkyAGZkcDla2CxCvTri5.Mf3c8xbziuOO4uioRxLfYF";

export const shopify = {
  shop: "acme-store.myshopify.com",
  // hh-expect: hardcoded-secret/providerKey
  adminAccessToken: "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",
  apiVersion: "2024-07",
};

export const mailgun = {
  domain: "mg.acme.io",
  // hh-expect: hardcoded-secret/providerKey
  apiKey: "key-2e220eeb112529e9c6d0649246aad9f2",
};

export const ciToken = {
  // hh-expect: hardcoded-secret/providerKey
  github: "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",
  // hh-expect: hardcoded-secret/providerKey
  npm: "npm_bqUv9FSpWfx0HK4jxxDPZOXVKKbjMMFJxoT1",
};
