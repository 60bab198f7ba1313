import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, markedRow, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 43, developer ub: the unvalidated-boundary errors of retired round 46 (its labels now tune).
// 1. Bodies fetched together (rinfit-chat `auth.url.jsx:31`, `chat.jsx:580`): each element of `Promise.all([fetch(a).then((r) =>
//    r.json()), …])` goes on under the name bound at its place, in `const [a, b] = await Promise.all(…)` and in
//    `Promise.all(…).then(([a, b]) => …)`; a body so bound is past its response's status test as `const a = await r.json()` is.
// 2. validator.js (Webhook_Registry `webhook.ts:12`, `:26`): `validator.isURL(targetURL, …)` tested in an `if` that ends the
//    request is a scalar check, as `isEmail` was.
// 3. An awaited axios reply destructured (Payflow-api `WalletController.js:87`): `const { authorization_url, reference } =
//    res.data.data`, each name only put in the answer, is relayed, as `res.json({ url: data.authorization_url })` is.
// 4. A route middleware named for validating that checks a token (Swaggies `wallet.controller.js:68`, `:130`, `:199`):
//    `const validateToken = require("../middlewares/authMiddleware.js")` is read; it reads only the Authorization header
//    and `req.query.token`, so it covers no body field and no other query field.
// 5. A form's text field holding JSON (shopify-ship-by `app.rules.$zoneKey.tsx:110`): `JSON.parse(String(form.get("payload")
//    ?? ""))` of a route's `await request.formData()` is a document of its own, reported at its parse (jsonParseExternal), as a
//    multer form's field is; the field's read is no longer the finding.
// 6. Express-validator chains answered by the handler's own `validationResult(req)` (Week06 `routes/auth.js:38`): of the body,
//    they check the fields they name; `rol` destructured beside them is used as sent.
// 7. multer's diskStorage `filename` callback (sareeshoppingwebsite `server.js:82`): `cb(null, file.originalname)`, also at the
//    end of a built name, writes the upload under the name the client chose; an extension only, or a storage multer is never
//    configured with, is not reported.
// 8. A raw body parsed after its HMAC matched (Payflow-api `PaystackController.js:19`): `JSON.parse(req.body)` past
//    `createHmac(…).update(req.body)`, the signature read into a const between the digest and the leaving test.
// 9. A route module's helper handed the route's request (rinfit-chat `chat.jsx:95`): `handleChatRequest(request)` from the
//    `action`, a function of the module no other call hands anything else, reads the route's request.

const REMIX = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"@remix-run/node\": \"2.0.0\" } }\n", "app/db.server.js": "export async function storeCustomerAccountUrls(urls) { return urls; }\n" };

const WELL_KNOWN = dedent`
  import { storeCustomerAccountUrls } from "../db.server";

  export async function loader({ request }) {
    const [mcpRes, oidcRes] = await Promise.all([
      fetch("https://shop.example.com/.well-known/customer-account-api").then((r) => r.json()),
      fetch("https://shop.example.com/.well-known/openid-configuration").then((r) => r.json()),
    ]);
    await storeCustomerAccountUrls({ mcpApiUrl: mcpRes.mcp_api, tokenUrl: oidcRes.token_endpoint });
    return null;
  }
`;
// Another style: the list's `.then` destructures its parameter.
const WELL_KNOWN_THEN = dedent`
  import { storeCustomerAccountUrls } from "../db.server";

  export async function loader({ request }) {
    return Promise.all([
      fetch("https://shop.example.com/.well-known/customer-account-api").then((res) => res.json()),
      fetch("https://shop.example.com/.well-known/openid-configuration").then((res) => res.json()),
    ]).then(async ([mcpResponse, openidResponse]) => {
      await storeCustomerAccountUrls({ mcpApiUrl: mcpResponse.mcp_api, tokenUrl: openidResponse.token_endpoint });
      return null;
    });
  }
`;
// The bodies only logged: no use.
const LOGGED = dedent`
  export async function loader() {
    const [users, posts] = await Promise.all([
      fetch("https://api.example.com/users").then((r) => r.json()),
      fetch("https://api.example.com/posts").then((r) => r.json()),
    ]);
    console.log("loaded", users, posts);
    return null;
  }
`;
// Both responses' status tested, the bodies read together into a component's state (muerdo/sandro's checkout style).
const CHECKOUT = dedent`
  "use client";
  import { useState } from "react";

  export function Pay() {
    const [pix, setPixData] = useState(null);
    async function load() {
      const secretsResponse = await fetch("/api/secrets");
      const pixResponse = await fetch("/api/pix");
      if (!secretsResponse.ok || !pixResponse.ok) throw new Error("payment data");
      const [secretsData, pixData] = await Promise.all([secretsResponse.json(), pixResponse.json()]);
      setPixData({ pixCode: pixData.pixCode, secret: secretsData.card_client_secret || null });
    }
    return pix;
  }
`;
// The same without the status test: an error body's fields go into the state.
const CHECKOUT_UNTESTED = CHECKOUT.replace("    if (!secretsResponse.ok || !pixResponse.ok) throw new Error(\"payment data\");\n", "");
const REACT = { "package.json": "{ \"name\": \"web\", \"dependencies\": { \"react\": \"18.2.0\", \"next\": \"14.0.0\" } }\n" };

const EXPRESS = { "package.json": "{ \"name\": \"api\", \"dependencies\": { \"express\": \"4.18.0\", \"axios\": \"1.6.0\", \"validator\": \"13.11.0\", \"mongoose\": \"7.0.0\" } }\n", "src/request.js": "export function request(method, url, body, res) { return fetch(url, { method, body: JSON.stringify(body) }).then((r) => res.json(r)); }\n" };

const IS_URL = dedent`
  import validator from "validator";
  import { request } from "./request";

  export function register(req, res, next) {
    const { targetURL } = req.body;
    if (!validator.isURL(targetURL, { protocols: ["http", "https"] })) {
      next(new Error("Invalid URL Provided"));
      return;
    }
    request("post", "http://registry/api", { targetURL }, res);
  }
`;
// Another style: CommonJS, a path of the library.
const IS_URL_CJS = dedent`
  const validator = require("validator/validator");
  const { request } = require("./request");

  exports.update = (req, res, next) => {
    const { targetURL } = req.body;
    if (!validator.isURL(targetURL)) return next(new Error("Invalid URL"));
    request("put", "http://registry/api/1", { targetURL }, res);
  };
`;
// The answer never tested: nothing is refused.
const IS_URL_UNTESTED = dedent`
  import validator from "validator";
  import { request } from "./request";

  export function register(req, res) {
    const { targetURL } = req.body;
    const valid = validator.isURL(targetURL);
    console.log("valid", valid);
    request("post", "http://registry/api", { targetURL }, res);
  }
`;

const PAYSTACK = dedent`
  const axios = require("axios");

  exports.fundWallet = async (req, res) => {
    try {
      const paystackResponse = await axios.post("https://api.paystack.co/transaction/initialize", { email: req.user.email, amount: 5000 });
      const { authorization_url, reference } = paystackResponse.data.data;
      res.status(200).json({ message: "Open the URL to complete payment", authorization_url, reference });
    } catch (err) {
      res.status(500).json({ error: "Failed to initialize payment" });
    }
  };
`;
// Another style: fetch, the status tested, the body destructured.
const CHECKOUT_FETCH = dedent`
  export async function startCheckout(req, res) {
    const response = await fetch("https://api.example.com/checkout", { method: "POST" });
    if (!response.ok) return res.status(502).json({ error: "checkout failed" });
    const { url, id } = await response.json();
    res.json({ url, id });
  }
`;
// One of the names stored: a use.
const PAYSTACK_STORED = dedent`
  const axios = require("axios");
  const Payment = require("./payment");

  exports.fundWallet = async (req, res) => {
    const paystackResponse = await axios.post("https://api.paystack.co/transaction/initialize", { email: req.user.email, amount: 5000 });
    const { authorization_url, reference } = paystackResponse.data.data;
    await Payment.create({ reference });
    res.status(200).json({ authorization_url });
  };
`;
// The fetch body without its status test: an error body's fields answered as data.
const CHECKOUT_FETCH_UNTESTED = CHECKOUT_FETCH.replace("  if (!response.ok) return res.status(502).json({ error: \"checkout failed\" });\n", "");

// Swaggies: a JWT check named validateToken, a whole CommonJS module, before the wallet's handlers.
const AUTH_MIDDLEWARE = dedent`
  const jwt = require("jsonwebtoken");

  const validateToken = (req, res, next) => {
    const authHeader = req.headers.authorization;
    let token;
    if (authHeader && authHeader.startsWith("Bearer ")) token = authHeader.split(" ")[1];
    else if (req.query.token) token = req.query.token;
    if (!token) return res.status(401).json({ message: "Token is not provided" });
    jwt.verify(token, process.env.TOKEN_KEY, (err, payload) => {
      if (err) return res.status(403).json({ message: "Invalid token" });
      req.user = payload;
      next();
    });
  };

  module.exports = validateToken;
`;
// A body validator in the same shape: reads the body whole.
const BODY_MIDDLEWARE = dedent`
  const schema = require("../validations/transfer");

  const validateTransfer = (req, res, next) => {
    const { error } = schema.validate(req.body);
    if (error) return res.status(400).json({ message: error.message });
    next();
  };

  module.exports = validateTransfer;
`;
const ROUTES = dedent`
  const express = require("express");
  const walletController = require("../controllers/wallet.controller.js");
  const validateToken = require("../middlewares/authMiddleware.js");

  const walletRouter = express.Router();
  walletRouter.post("/transfer", [validateToken], walletController.transferFunds);
  walletRouter.get("/transactions", [validateToken], walletController.list);
  module.exports = walletRouter;
`;
const WALLET = dedent`
  const Wallet = require("../models/wallet");

  exports.transferFunds = async (req, res) => {
    const { amount, to } = req.body;
    await Wallet.updateOne({ owner: to }, { $inc: { balance: amount } });
    res.json({ ok: true });
  };

  exports.list = async (req, res) => {
    const limit = parseInt(req.query.limit, 10) || 10;
    const rows = await Wallet.find({ owner: req.user.id }).limit(limit);
    res.json(rows);
  };
`;
const TRANSFER_ONLY = dedent`
  const Wallet = require("../models/wallet");

  exports.transferFunds = async (req, res) => {
    const { amount, to } = req.body;
    await Wallet.updateOne({ owner: to }, { $inc: { balance: amount } });
    res.json({ ok: true });
  };
`;
const WALLET_MODEL = "const mongoose = require(\"mongoose\");\nmodule.exports = mongoose.model(\"Wallet\", new mongoose.Schema({ owner: String, balance: Number }));\n";
const wallet = (middleware: string, routes = ROUTES) => ({ ...EXPRESS, "src/routes/walletRoutes.js": routes, "src/middlewares/authMiddleware.js": middleware, "src/models/wallet.js": WALLET_MODEL, "src/validations/transfer.js": "module.exports = { validate: (b) => ({ error: b ? undefined : new Error(\"empty\") }) };\n" });

const REMIX_DB = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"@remix-run/node\": \"2.0.0\", \"@prisma/client\": \"5.0.0\" } }\n", "app/db.server.js": "import { PrismaClient } from \"@prisma/client\";\nexport const db = new PrismaClient();\n" };
const FORM_PAYLOAD = dedent`
  import { db } from "../db.server";

  export async function action({ request }) {
    const form = await request.formData();
    const rawPayload = String(form.get("payload") ?? "");
    let payload = null;
    try {
      payload = JSON.parse(rawPayload);
    } catch {
      return { ok: false, message: "invalid payload" };
    }
    await db.rule.deleteMany({ where: { id: { in: payload.productIds } } });
    return { ok: true };
  }
`;
// The parsed document checked by a schema before use.
const FORM_PAYLOAD_CHECKED = dedent`
  import { z } from "zod";
  import { db } from "../db.server";

  const Payload = z.object({ productIds: z.array(z.string()) });

  export async function action({ request }) {
    const form = await request.formData();
    const payload = Payload.parse(JSON.parse(String(form.get("payload") ?? "")));
    await db.rule.deleteMany({ where: { id: { in: payload.productIds } } });
    return { ok: true };
  }
`;

const EV = { "package.json": "{ \"name\": \"api\", \"dependencies\": { \"express\": \"4.18.0\", \"express-validator\": \"7.0.0\", \"mysql\": \"2.18.0\" } }\n", "db.js": "const mysql = require(\"mysql\");\nmodule.exports = mysql.createConnection({});\n" };
const REGISTER = dedent`
  const express = require("express");
  const router = express.Router();
  const db = require("../db");
  const { body, validationResult } = require("express-validator");

  router.post("/register", [body("nombre").isLength({ min: 3 }), body("email").isEmail()], async (req, res) => {
    const errors = validationResult(req);
    if (!errors.isEmpty()) return res.status(400).json({ errors: errors.array() });
    const { nombre, email, rol } = req.body;
    db.query("INSERT INTO usuarios SET ?", { nombre, email, rol: rol || "registrado" }, () => res.redirect("/login"));
  });

  module.exports = router;
`;
// Only the fields the chains name.
const REGISTER_NAMED = REGISTER.replace("const { nombre, email, rol } = req.body;", "const { nombre, email } = req.body;").replace(", rol: rol || \"registrado\"", "");

const MULTER = { "package.json": "{ \"name\": \"api\", \"dependencies\": { \"express\": \"4.18.0\", \"multer\": \"1.4.5\" } }\n" };
const DISK_STORAGE = dedent`
  const multer = require("multer");

  var storage = multer.diskStorage({
    destination: function (req, file, cb) {
      cb(null, "./public/uploads/");
    },
    filename: function (req, file, cb) {
      cb(null, file.originalname);
    },
  });
  var upload = multer({ storage: storage });
  module.exports = upload;
`;
// Another style: the client's name at the end of a built one.
const DISK_STORAGE_BUILT = dedent`
  import multer from "multer";

  const storage = multer.diskStorage({
    destination: (_req, _file, cb) => cb(null, "uploads/profilepic"),
    filename: (_req, file, cb) => cb(null, \`ProfilePic_\${Date.now()}-\${file.originalname}\`),
  });

  export const upload = multer({ storage });
`;
// Only the extension kept, and a storage never configured.
const DISK_STORAGE_EXT = DISK_STORAGE.replace("cb(null, file.originalname);", "cb(null, Date.now() + path.extname(file.originalname));").replace('const multer = require("multer");', 'const multer = require("multer");\nconst path = require("path");');
const DISK_STORAGE_UNUSED = DISK_STORAGE_BUILT.replace("export const upload = multer({ storage });", "export const upload = multer({ storage: multer.memoryStorage() });");

const PAYSTACK_HOOK = dedent`
  const crypto = require("crypto");
  const Wallet = require("./wallet");

  exports.handlePaystackWebhook = async (req, res) => {
    const hash = crypto.createHmac("sha512", process.env.PAYSTACK_SECRET_KEY).update(req.body).digest("hex");
    const paystackSignature = req.headers["x-paystack-signature"];
    if (hash !== paystackSignature) {
      return res.status(401).send("Unauthorized");
    }
    const event = JSON.parse(req.body);
    await Wallet.updateOne({ email: event.data.customer.email }, { $inc: { balance: event.data.amount / 100 } });
    res.sendStatus(200);
  };
`;
// The mismatch only logged: nothing is refused.
const PAYSTACK_HOOK_LOGGED = PAYSTACK_HOOK.replace('    return res.status(401).send("Unauthorized");', '    console.warn("signature mismatch");');

const CHAT = dedent`
  import { db } from "../db.server";

  export async function action({ request }) {
    return handleChatRequest(request);
  }

  async function handleChatRequest(request) {
    const body = await request.json();
    if (!body.message) return new Response("missing message", { status: 400 });
    await db.message.create({ data: { conversationId: body.conversation_id, content: body.message } });
    return new Response("ok");
  }
`;
// Another call hands the helper a request of the code's own: not the route's alone.
const CHAT_OWN_CALL = CHAT.replace("export async function action({ request }) {\n", "export async function action({ request }) {\n  if (request.method === \"GET\") return handleChatRequest(new Request(\"https://example.com/ping\"));\n");

const valid: ValidCase[] = [
  { name: "remixRequest: a helper some call hands a request of the code's own", code: CHAT_OWN_CALL, filename: "app/routes/chat.jsx", files: REMIX_DB },
  { name: "expressBody: a raw body parsed after its HMAC matched the provider's signature read into a const (Payflow-api)", code: PAYSTACK_HOOK, filename: "src/paystack.js", files: EXPRESS },
  { name: "expressBody: a diskStorage name that keeps only the client's extension", code: DISK_STORAGE_EXT, filename: "src/upload.js", files: MULTER },
  { name: "expressBody: a diskStorage multer is never configured with", code: DISK_STORAGE_UNUSED, filename: "src/upload.js", files: MULTER },
  { name: "expressBody: the handler's validationResult answers chains naming every field it takes", code: REGISTER_NAMED, filename: "routes/auth.js", files: EV },
  { name: "jsonParseExternal: a form's JSON field parsed and checked by a schema", code: FORM_PAYLOAD_CHECKED, filename: "app/routes/rules.jsx", files: REMIX_DB },
  { name: "fetchJson: bodies fetched together only logged", code: LOGGED, filename: "app/routes/load.jsx", files: REMIX },
  { name: "fetchJson: bodies read together past both responses' status tests, into a component's state", code: CHECKOUT, filename: "app/checkout/page.tsx", files: REACT },
  { name: "expressBody: validator.isURL tested in an if that ends the request (Webhook_Registry)", code: IS_URL, filename: "src/webhook.js", files: EXPRESS },
  { name: "expressBody: another style, validator.js required by a path of the library", code: IS_URL_CJS, filename: "src/webhook2.js", files: EXPRESS },
  { name: "fetchJson: an awaited axios reply destructured, each name only answered (Payflow-api)", code: PAYSTACK, filename: "src/wallet.js", files: EXPRESS },
  { name: "fetchJson: another style, a fetch body destructured past its status test and answered", code: CHECKOUT_FETCH, filename: "src/checkout.js", files: EXPRESS },
  { name: "expressBody: a whole-module middleware that validates the body whole, before the handler", code: TRANSFER_ONLY, filename: "src/controllers/wallet.controller.js", files: wallet(BODY_MIDDLEWARE, ROUTES.replace("authMiddleware.js\");\n", "authMiddleware.js\");\nconst validateTransfer = require(\"../middlewares/transfer.js\");\n").replace("[validateToken], walletController.transferFunds", "[validateToken, validateTransfer], walletController.transferFunds")) },
];
valid[valid.length - 1]!.files = { ...valid[valid.length - 1]!.files, "src/middlewares/transfer.js": BODY_MIDDLEWARE };

// The query's Zod fix: the handler parses `req.query` first and answers 400.
const WALLET_ZOD = WALLET
  .replace('const Wallet = require("../models/wallet");\n', 'const Wallet = require("../models/wallet");\nconst { z } = require("zod");\n')
  .replace("exports.list = async (req, res) => {\n  const limit = parseInt(req.query.limit, 10) || 10;", "const ListQuery = z.object({ limit: z.string() });\n\nexports.list = async (req, res) => {\n  const parsed = ListQuery.safeParse(req.query);\n  if (!parsed.success) {\n    res.status(400).json({ error: parsed.error.issues });\n    return;\n  }\n  const limit = parseInt(parsed.data.limit, 10) || 10;");

// The name's Zod fix: the generic one of an upload's name, a string schema parsed where the name is read.
const DISK_STORAGE_ZOD = DISK_STORAGE
  .replace('const multer = require("multer");\n', 'const multer = require("multer");\nconst { z } = require("zod");\n\nconst FilenameUpload = z.string();\n')
  .replace("cb(null, file.originalname);", "cb(null, FilenameUpload.parse(file.originalname));");
const DISK_STORAGE_BUILT_ZOD = DISK_STORAGE_BUILT
  .replace('import multer from "multer";\n', 'import multer from "multer";\nimport { z } from "zod";\n\nconst FilenameUpload = z.string();\n')
  .replace("-\${file.originalname}", "-\${FilenameUpload.parse(file.originalname)}");

const invalid: InvalidCase[] = [
  markedRow("remixRequest: a route module's helper handed the action's request stores its body (rinfit-chat)", CHAT, "app/routes/chat.jsx", REMIX_DB, "remixRequest", 8, 22, 36),
  markedRow("expressBody: a raw body parsed after an HMAC mismatch that is only logged", PAYSTACK_HOOK_LOGGED, "src/paystack.js", EXPRESS, "expressBody", 10, 17, 37),
  { name: "expressBody: multer's diskStorage writes the upload under the client's name (sareeshoppingwebsite)", code: DISK_STORAGE, filename: "src/upload.js", files: MULTER, output: null, findings: [{ case: "expressBody", line: 8, column: 14, endColumn: 31, suggestions: [{ title: "Validate file.originalname with Zod (adds the zod dependency)", output: DISK_STORAGE_ZOD }, mark(DISK_STORAGE, "expressBody", 8)] }] },
  { name: "expressBody: another style, the client's name at the end of a built one", code: DISK_STORAGE_BUILT, filename: "src/upload.js", files: MULTER, output: null, findings: [{ case: "expressBody", line: 5, column: 70, endColumn: 87, suggestions: [{ title: "Validate file.originalname with Zod (adds the zod dependency)", output: DISK_STORAGE_BUILT_ZOD }, mark(DISK_STORAGE_BUILT, "expressBody", 5)] }] },
  markedRow("expressBody: a body field beside those the chains name, stored as the new user's role (Week06)", REGISTER, "routes/auth.js", EV, "expressBody", 9, 34, 42),
  markedRow("jsonParseExternal: a form's text field holding JSON, parsed and its ids used in a delete (shopify-ship-by)", FORM_PAYLOAD, "app/routes/rules.jsx", REMIX_DB, "jsonParseExternal", 8, 15, 37),
  { name: "fetchJson: bodies fetched together and stored (rinfit-chat auth.url.jsx)", code: WELL_KNOWN, filename: "app/routes/auth.url.jsx", files: REMIX, output: null, findings: [
    markedRow("", WELL_KNOWN, "", {}, "fetchJson", 5, 84, 92).findings[0]!,
    markedRow("", WELL_KNOWN, "", {}, "fetchJson", 6, 84, 92).findings[0]!,
  ] },
  { name: "fetchJson: another style, the list's then destructuring its parameter (rinfit-chat chat.jsx)", code: WELL_KNOWN_THEN, filename: "app/routes/chat.jsx", files: REMIX, output: null, findings: [
    markedRow("", WELL_KNOWN_THEN, "", {}, "fetchJson", 5, 86, 96).findings[0]!,
    markedRow("", WELL_KNOWN_THEN, "", {}, "fetchJson", 6, 86, 96).findings[0]!,
  ] },
  { name: "fetchJson: bodies read together with no status test, into a component's state", code: CHECKOUT_UNTESTED, filename: "app/checkout/page.tsx", files: REACT, output: null, findings: [
    markedRow("", CHECKOUT_UNTESTED, "", {}, "fetchJson", 9, 55, 77).findings[0]!,
    markedRow("", CHECKOUT_UNTESTED, "", {}, "fetchJson", 9, 79, 97).findings[0]!,
  ] },
  markedRow("expressBody: validator.isURL whose answer is only logged", IS_URL_UNTESTED, "src/webhook3.js", EXPRESS, "expressBody", 5, 25, 33),
  markedRow("fetchJson: an axios reply destructured, one name stored", PAYSTACK_STORED, "src/wallet2.js", EXPRESS, "fetchJson", 6, 44, 65),
  markedRow("fetchJson: a fetch body destructured with no status test and answered", CHECKOUT_FETCH_UNTESTED, "src/checkout.js", EXPRESS, "fetchJson", 3, 29, 44),
  { name: "expressBody, expressQuery: a token check named validateToken covers no body field and only its own query field (Swaggies)", code: WALLET, filename: "src/controllers/wallet.controller.js", files: wallet(AUTH_MIDDLEWARE), output: null, findings: [
    markedRow("", WALLET, "", {}, "expressBody", 4, 26, 34).findings[0]!,
    { case: "expressQuery", line: 10, column: 26, endColumn: 35, suggestions: [{ title: "Validate req.query with Zod (adds the zod dependency)", output: WALLET_ZOD }, mark(WALLET, "expressQuery", 10)] },
  ] },
];

describe("unvalidated-boundary: retired round 46's classes (session 43)", () => {
  runWithNamedCases(valid, invalid);
});
