#!/usr/bin/env node
const https = require("https");
const needle = require("needle");
const axios = require("axios");

function getJson(url) {
  return new Promise((resolve, reject) => {
    // hh-expect: unbounded-call/call
    const req = https.get(url, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve(JSON.parse(body)));
    });
    req.on("error", reject);
  });
}

function getJsonBounded(url) {
  return new Promise((resolve, reject) => {
    const req = https.get(url, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve(JSON.parse(body)));
    });
    req.setTimeout(10000, () => req.destroy(new Error("timed out")));
    req.on("error", reject);
  });
}

async function prices(sku) {
  // hh-expect: unbounded-call/call
  const res = await needle("get", `https://prices.example.com/${sku}`, null, { json: true });
  return res.body;
}

async function stock(sku) {
  const res = await needle("get", `https://stock.example.com/${sku}`, null, { json: true, response_timeout: 5000, read_timeout: 10000 });
  return res.body;
}

async function main() {
  axios.defaults.timeout = 15000;
  const skus = await getJson("https://catalog.example.com/skus");
  for (const sku of skus) {
    const [p, s, meta] = await Promise.all([prices(sku), stock(sku), axios.get(`https://meta.example.com/${sku}`)]);
    console.log(sku, p, s, meta.data);
  }
  await getJsonBounded("https://catalog.example.com/done");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
