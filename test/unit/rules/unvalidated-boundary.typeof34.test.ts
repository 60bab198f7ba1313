import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 34, developer ub34a: an Express query value (which `qs` may make an object or an array) that the code
// tests to be a string is text from there on, judged as a route's text is: matched as it is by a Mongoose `String`
// path in a lookup whose miss ends the request, it is checked. Hand-written analogues of held round 37's decided
// false positives (felipesantos5/checkout's domain controller, retired to tune), in other shapes.

const FILES = {
  "package.json": '{ "dependencies": { "express": "^4.19.0", "mongoose": "^8.0.0", "joi": "^17.13.0" } }',
  "src/models/coupon.model.js": dedent`
    const mongoose = require("mongoose");
    const couponSchema = new mongoose.Schema({ code: { type: String, required: true }, percent: Number });
    module.exports = mongoose.model("Coupon", couponSchema);
  `,
};

// A property read tested in place, then trimmed and upper-cased into the filter; the miss answered 404.
const lookup = (test: string, filter: string): string => dedent`
  const express = require("express");
  const Coupon = require("../models/coupon.model");
  const router = express.Router();
  router.get("/coupons/lookup", async (req, res) => {
    if (${test}) return res.status(400).json({ error: "code" });
    const wanted = req.query.code.trim().toUpperCase();
    const coupon = await Coupon.findOne({ ${filter}: wanted }).lean();
    if (!coupon) return res.status(404).json({ valid: false });
    res.json({ valid: true, percent: coupon.percent });
  });
  module.exports = router;
`;

// Destructured, tested inside the branch, the found row answered first and the miss after it.
const FOUND_FIRST = dedent`
  const express = require("express");
  const Coupon = require("../models/coupon.model");
  const router = express.Router();
  router.get("/coupons/active", async (req, res) => {
    const { code } = req.query;
    if (typeof code === "string") {
      const coupon = await Coupon.findOne({ code });
      if (coupon) return res.json({ percent: coupon.percent });
      return res.status(404).end();
    }
    res.status(400).end();
  });
  module.exports = router;
`;

const TESTED = 'typeof req.query.code !== "string"';
const valid: ValidCase[] = [
  { name: "a query value typeof-tested, then trimmed into a String path's lookup answered 404 on a miss", code: lookup(TESTED, "code"), filename: "src/routes/coupons.js", files: FILES },
  { name: "a destructured query value typeof-tested in the branch, the found row answered and the miss after it", code: FOUND_FIRST, filename: "src/routes/active.js", files: FILES },
];

const invalid: InvalidCase[] = [
  {
    name: "the same lookup with only a presence test: the query value may be an object (an operator), reported",
    code: lookup("!req.query.code", "code"),
    filename: "src/routes/coupons.js",
    files: FILES,
    findings: [{ case: "expressQuery", line: 6, column: 18, endColumn: 27, suggestions: [mark(lookup("!req.query.code", "code"), "expressQuery", 6)] }],
    output: null,
  },
  {
    name: "typeof-tested text matched against `_id` (an ObjectId, cast: a CastError for malformed text): reported",
    code: lookup(TESTED, "_id"),
    filename: "src/routes/coupons.js",
    files: FILES,
    findings: [{ case: "expressQuery", line: 6, column: 18, endColumn: 27, suggestions: [mark(lookup(TESTED, "_id"), "expressQuery", 6)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
