import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Retired held round 46, session 43, developer se: the callback-style Express apps of its slice c
// (Mongoose, MySQL, bcrypt), hand-written analogues. An error-first callback whose nested callback
// names its own error the same (`user.save(function (err) { … })` inside `User.findOne(q, function
// (err, user) { … })`): the inner parameter is no read of the outer error. Mongoose's `Model.find(q,
// cb)` (an array's `find` takes its predicate first). The error read only in a test: judged on the
// path the error takes (`if (!err) { … }` with no else answers nothing when the query fails, however
// its success branch answers); a test that joins the error with a miss (`err || rows.length === 0`,
// `!err && doc.length > 0`) answers the failure as the miss, unless that answer is an explicit failure
// (a 4xx or 5xx, a throw, a rejection); a bare redirect to an ordinary page tells nobody. `err2` and
// `readErr` name an error too. A commented-out call that opens a callback (`//req.logIn(user,
// function(err) {`) explains nothing. A log-only catch around the write of a row into an error-log
// table in a function named for recording the failure (shopify-ship-by `recordError`, decided clean).
// An Express middleware whose catch logs and returns the error (kaam-feathers, debatable finding):
// Express drops a middleware's answer, so the request hangs and no error handler hears of it.
// A log helper of the file that prints only under a debug flag is no log (shopify-ship-by's
// `debugShippingRates`, debatable finding): the catch is judged as if the call were not there.
const named = new Set(["ignoredCallbackError", "logAndContinue", "catchReturnsDefault", "emptyCatch"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A saree shop's cart route, CommonJS Express and Mongoose: the outer query's error is never read.
const SHADOWED = dedent`
  const Saree = require("../models/saree");
  const SelectedSarees = require("../models/selectedsarees");
  router.get("/selectedsarees", function (req, res) {
    Saree.find({}).lean().exec(function (err, sareeInfo) {
      SelectedSarees.find({}).lean().exec(function (err, sarees) {
        if (err) return res.status(500).send(err);
        res.end(JSON.stringify(merge(sareeInfo, sarees)));
      });
    });
  });
`;

// Another style: arrow callbacks, bcrypt's salt then hash, the inner error thrown.
const SALT = dedent`
  const bcrypt = require("bcryptjs");
  module.exports.addUser = (newUser, callback) => {
    bcrypt.genSalt(10, (err, salt) => {
      bcrypt.hash(newUser.password, salt, (err, hash) => {
        if (err) throw err;
        newUser.password = hash;
        newUser.save(callback);
      });
    });
  };
`;

// An order API: Mongoose's find with the callback after the query, the error read only in if (!err).
const MODEL_FIND = dedent`
  const Order = require("../models/order.model");
  module.exports.dashboard = (req, res) => {
    Order.find({ email: req.query.email }, (err, doc) => {
      if (!err) {
        res.send(doc);
      }
    });
  };
`;

// The success branch renders; nothing runs when the lookup fails.
const SUCCESS_ONLY = dedent`
  router.get("/cart/:id", function (req, res) {
    Saree.findOne({ _id: req.params.id }, function (err, saree) {
      if (!err) {
        if (saree) res.render("cart", { saree: saree });
      }
    });
  });
`;

// MySQL: a failed query and a missing course get one answer.
const JOINED_MISS = dedent`
  router.get("/inscribir/:id", (req, res) => {
    db.query("SELECT * FROM cursos WHERE id = ?", [req.params.id], (err, results) => {
      if (err || results.length === 0) return res.redirect("/courses");
      res.render("confirm", { curso: results[0] });
    });
  });
`;

// A bare redirect back to the list, in a nested callback whose error is named err2.
const BARE_REDIRECT = dedent`
  exports.inscribir = (req, res) => {
    db.query("INSERT INTO inscripciones (id_usuario, id_curso) VALUES (?, ?)", [req.user.id, req.params.id], (err2) => {
      if (err2) return res.redirect("/courses");
      res.redirect("/perfil");
    });
  };
`;

// A callback commented out around the inner save; the outer lookup's error is never read.
const COMMENTED_OUT = dedent`
  app.post("/reset/:token", function (req, res) {
    User.findOne({ resetPasswordToken: req.params.token }, function (err, user) {
      if (!user) {
        return res.json({ success: false, msg: "User not found" });
      }
      user.save(function (err) {
        //req.logIn(user, function(err) {
        res.json({ success: !err });
        //});
      });
    });
  });
`;

// Week06's course insert: the error branch logs, then answers what the success branch answers.
const SAME_ANSWER = dedent`
  exports.save = (req, res) => {
    db.query("INSERT INTO cursos SET ?", { titulo: req.body.titulo }, (error, results) => {
      if (error) {
        console.log(error);
        res.redirect("/courses");
      } else {
        res.redirect("/courses");
      }
    });
  };
`;
// Neighbours: the error branch answers something else, or only logs (the request hangs: held round 46, clean).
const OTHER_ANSWER = SAME_ANSWER.replace('console.log(error);\n      res.redirect("/courses");', 'console.log(error);\n      res.redirect("/courses/new");');
const LOG_ONLY = SAME_ANSWER.replace('console.log(error);\n      res.redirect("/courses");', "console.log(error);");

// A Sails helper (n5-qbook's verify-token): a failed verify and a token with no user get one exit.
const SAILS_VERIFY = dedent`
  const jwt = require("jsonwebtoken");
  module.exports = {
    exits: { success: {}, invalid: {} },
    fn: function (inputs, exits) {
      return jwt.verify(inputs.token, sails.config.jwtSecret, async function (err, payload) {
        if (err || !payload.user) return exits.invalid();
        var user = await Users.findOne({ id: payload.user });
        if (!user) return exits.invalid();
        return exits.success(user);
      });
    },
  };
`;
// Neighbour: the error's exit is its own, no result shares it.
const SAILS_OWN = SAILS_VERIFY.replace("if (err || !payload.user) return exits.invalid();", "if (err) return exits.invalid();").replace("if (!user) return exits.invalid();", "if (!user) return exits.success(null);");

// shopify-ship-by's shipping rates: the catch's only log goes through a helper that prints under a debug flag.
const DEBUG_HELPER = dedent`
  const shouldDebugShippingRates = () => process.env.DEBUG_SHIPPING_RATES === "1";
  const debugShippingRates = (...args: unknown[]) => {
    if (!shouldDebugShippingRates()) return;
    console.log("[shipping-rates]", ...args);
  };
  export async function getShippingRates(shop: string) {
    const cached = await readCache(shop);
    try {
      return await syncShippingRates(shop);
    } catch (error) {
      debugShippingRates("getShippingRates sync failed; fallback to cached/db", error);
      if (cached.length > 0) return cached;
      return [];
    }
  }
`;
// Another style: a function declaration testing the flag itself, the catch falling off its end.
const DEBUG_FLAG = dedent`
  function debugLog(...args) {
    if (process.env.DEBUG) console.log(...args);
  }
  async function refresh(id) {
    try {
      await syncOrder(id);
    } catch (err) {
      debugLog("refresh failed", err);
    }
  }
  module.exports = { refresh };
`;
// Neighbour: a helper that always prints is a log (the catch only logs and goes on).
const ALWAYS_LOG = DEBUG_FLAG.replace("  if (process.env.DEBUG) console.log(...args);", "  console.log(...args);");

// kaam-feathers' users service: a middleware whose catch logs and returns the error instead of next(err).
const MIDDLEWARE = dedent`
  const fs = require("fs");
  module.exports = (app) => {
    app.use(
      "/users",
      async function (req, res, next) {
        try {
          if (!fs.existsSync(photosPath)) fs.mkdirSync(photosPath, { recursive: true });
        } catch (err) {
          console.log(err);
          return err;
        }
        next();
      },
      usersService,
    );
  };
`;
// Neighbours: the error handed to next; a helper (no next) that hands its caller the error.
const MIDDLEWARE_NEXT = MIDDLEWARE.replace("      return err;", "      return next(err);");
const HELPER_RETURNS = dedent`
  const fs = require("fs");
  async function makeDir(p) {
    try {
      fs.mkdirSync(p, { recursive: true });
    } catch (err) {
      console.log(err);
      return err;
    }
  }
  module.exports = { makeDir };
`;

// shopify-ship-by's error log: the catch of the error-log insert itself.
const RECORD_ERROR = dedent`
  const recordError = async (shop: string, reason: string, raw: unknown) => {
    try {
      const at = new Date();
      await prisma.errorLog.create({ data: { shopId: shop, reason, rawData: raw as object, at } });
    } catch (err) {
      console.error("[orders-create] failed to record error", err);
    }
  };
`;
// Neighbour: the same catch around a write of the order's own row stays reported.
const RECORD_ORDER = RECORD_ERROR.replace("prisma.errorLog.create", "prisma.order.create");

const valid: ValidCase[] = [
  // A list library's find with an item predicate of two parameters.
  { name: "lodash's find(list, (err, i) => …) is a predicate", filename: "src/pick.js", code: 'const pick = (list) => _.find(list, (err, i) => i > 2);\n' },
  { name: "an array's find((err) => …) is a predicate", filename: "src/pick.js", code: 'const first = (errors) => errors.find((err, i) => i === 0);\n' },
  // A test joined with a miss that answers an explicit failure: a 401, a rejection.
  { name: "a decode failure joined with an empty payload answers a 401", filename: "src/auth.js", code: dedent`
    module.exports = (req, res, next) => {
      decodeToken(req.headers.authorization, (err, payload) => {
        if (err || !payload) return res.status(401).json({ message: "Invalid or expired token." });
        req.user = payload;
        next();
      });
    };
  ` },
  { name: "a stat failure joined with a directory rejects", filename: "src/static.js", code: dedent`
    const fs = require("fs");
    module.exports = (p) => new Promise((resolve, reject) => {
      fs.stat(p, (err, stats) => {
        if (err || !stats.isFile()) {
          reject(new Error("File not found"));
          return;
        }
        resolve(stats);
      });
    });
  ` },
  // A redirect that tells: after a flash message, or to a page named for the failure.
  { name: "a flash message before the redirect", filename: "src/courses.js", code: BARE_REDIRECT.replace('if (err2) return res.redirect("/courses");', 'if (err2) {\n      req.flash("error", "Could not enrol");\n      return res.redirect("/courses");\n    }') },
  { name: "a redirect to the error page", filename: "src/courses.js", code: BARE_REDIRECT.replace('res.redirect("/courses")', 'res.redirect("/error")') },
  // The inner callback reads its own error; the outer one is read too.
  { name: "the outer error passed on before the inner query", filename: "src/cart.js", code: SHADOWED.replace("    SelectedSarees.find", "    if (err) return res.status(500).send(err);\n    SelectedSarees.find") },
  { name: "the catch of the error-log insert", filename: "app/orders-create.server.ts", code: RECORD_ERROR },
  { name: "the error branch logs and answers another page", filename: "src/controller.js", code: OTHER_ANSWER },
  { name: "the error branch only logs (the request hangs)", filename: "src/controller.js", code: LOG_ONLY },
  { name: "a middleware catch that hands the error to next", filename: "src/services/users/users.js", code: MIDDLEWARE_NEXT },
  { name: "a helper whose catch hands its caller the error", filename: "src/dirs.js", code: HELPER_RETURNS },
  { name: "a Sails verify exit shared by a failed verify and a token with no user", filename: "api/helpers/verify-token.js", code: SAILS_VERIFY },
];

// What the fixes add: a log of the error at the top of the callback (safe), or a check that logs and
// returns (or hands the error to the enclosing function's callback).
const logTop = (code: string, before: string, indent: string, message: string, err = "err"): string => code.replace(before, `${indent}if (${err}) console.error("${message}", ${err});\n${before}`);
const checkTop = (code: string, before: string, indent: string, message: string): string => code.replace(before, `${indent}if (err) {\n${indent}  console.error("${message}", err);\n${indent}  return;\n${indent}}\n${before}`);
const callbackFinding = (code: string, line: number, column: number, before: string, message: string, indent = "    ") => ({
  findings: [{ case: "ignoredCallbackError", line, column, endColumn: column + 3, suggestions: [{ title: "Check err, log it with console and return", output: checkTop(code, before, indent, message) }] }],
  output: logTop(code, before, indent, message),
});

const invalid: InvalidCase[] = [
  { name: "the outer query's error, its nested callback naming its own err", filename: "src/routes/cart.js", code: SHADOWED, ...callbackFinding(SHADOWED, 4, 40, "    SelectedSarees.find", "exec failed in GET /selectedsarees") },
  { name: "bcrypt.genSalt's error, the nested hash callback naming its own err", filename: "models/user.js", code: SALT, findings: [{ case: "ignoredCallbackError", line: 3, column: 23, endColumn: 26, suggestions: [
    { title: "Check err and pass it to callback", output: SALT.replace("    bcrypt.hash", "    if (err) return callback(err);\n    bcrypt.hash") },
  ] }], output: logTop(SALT, "    bcrypt.hash", "    ", "bcrypt.genSalt failed in addUser") },
  { name: "Mongoose's Model.find(query, cb) read only in if (!err)", filename: "controllers/order.controller.js", code: MODEL_FIND, ...callbackFinding(MODEL_FIND, 3, 43, "    if (!err) {", "Order.find failed in dashboard") },
  { name: "if (!err) with only a success branch that renders", filename: "routes/cart.js", code: SUCCESS_ONLY, ...callbackFinding(SUCCESS_ONLY, 2, 51, "    if (!err) {", "Saree.findOne failed in GET /cart/:id") },
  { name: "err || results.length === 0: the failure answered as the miss", filename: "routes/courses.js", code: JOINED_MISS, ...callbackFinding(JOINED_MISS, 2, 67, "    if (err || results", "db.query failed in GET /inscribir/:id") },
  { name: "a bare redirect back to the list, the error named err2", filename: "src/cursoController.js", code: BARE_REDIRECT, findings: [{ case: "ignoredCallbackError", line: 2, column: 109, endColumn: 113, suggestions: [
    { title: "Check err2, log it with console and return", output: BARE_REDIRECT.replace('    if (err2) return res.redirect("/courses");', '    if (err2) {\n      console.error("db.query failed in inscribir", err2);\n      return;\n    }') },
  ] }], output: BARE_REDIRECT.replace('    if (err2) return res.redirect("/courses");', '    if (err2) {\n      console.error("db.query failed in inscribir", err2);\n      return res.redirect("/courses");\n    }') },
  { name: "a commented-out callback line explains nothing", filename: "server.js", code: COMMENTED_OUT, ...callbackFinding(COMMENTED_OUT, 2, 68, "    if (!user) {", "User.findOne failed in POST /reset/:token") },
  { name: "the error branch logs, then answers the success branch's redirect", filename: "src/controller.js", code: SAME_ANSWER, findings: [{ case: "ignoredCallbackError", line: 2, column: 70, endColumn: 75 }], output: null },
  { name: "a catch whose only log prints under a debug flag answers the cached or empty rates (info)", filename: "app/features/shipping/server/shipping-rates.server.ts", code: DEBUG_HELPER, findings: [{ case: "catchReturnsDefault", line: 10, column: 5, endColumn: 18, severity: "info", suggestions: [
    { title: "Log the error with console", output: DEBUG_HELPER.replace("  } catch (error) {\n", '  } catch (error) {\n    console.error("syncShippingRates failed in getShippingRates", error);\n') },
    { title: "Mark as intentionally ignored…", output: DEBUG_HELPER.replace("  } catch (error) {\n", "  } catch (error) {\n    // Intentionally ignored: <reason>\n") },
  ] }], output: null },
  { name: "a debug-flag log helper is no log: the catch drops the error", filename: "src/orders.js", code: DEBUG_FLAG, findings: [{ case: "emptyCatch", line: 7, column: 17, endLine: 9, endColumn: 4, suggestions: [
    { title: "Log with console and rethrow", output: DEBUG_FLAG.replace('    debugLog("refresh failed", err);\n', '    console.error("syncOrder failed in refresh", { id }, err);\n    debugLog("refresh failed", err);\n    throw err;\n') },
    { title: "Mark as intentionally ignored…", output: DEBUG_FLAG.replace("  } catch (err) {\n", "  } catch (err) {\n    // Intentionally ignored: <reason>\n") },
  ] }], output: DEBUG_FLAG.replace("  } catch (err) {\n", '  } catch (err) {\n    console.error("syncOrder failed in refresh", { id }, err);\n') },
  { name: "neighbour: a helper that always prints is a log", filename: "src/orders.js", code: ALWAYS_LOG, findings: [{ case: "logAndContinue", line: 7, column: 5, endColumn: 16, suggestions: [
    { title: "Rethrow the error", output: ALWAYS_LOG.replace('    debugLog("refresh failed", err);\n', '    debugLog("refresh failed", err);\n    throw err;\n') },
    { title: "Mark as intentionally ignored…", output: ALWAYS_LOG.replace("  } catch (err) {\n", "  } catch (err) {\n    // Intentionally ignored: <reason>\n") },
  ] }], output: null },
  { name: "a middleware catch that logs and returns the error (Express drops it)", filename: "src/services/users/users.js", code: MIDDLEWARE, findings: [{ case: "logAndContinue", line: 8, column: 9, endColumn: 20, suggestions: [
    { title: "Pass the error to next", output: MIDDLEWARE.replace("      return err;", "      return next(err);") },
    { title: "Mark as intentionally ignored…", output: MIDDLEWARE.replace("    } catch (err) {\n", "    } catch (err) {\n        // Intentionally ignored: <reason>\n") },
  ] }], output: null },
  { name: "a Sails verify exit of the error's own", filename: "api/helpers/verify-token.js", code: SAILS_OWN, findings: [{ case: "ignoredCallbackError", line: 5, column: 77, endColumn: 80, suggestions: [
    { title: "Check err, log it with console and return", output: SAILS_OWN.replace("      if (err) return exits.invalid();", '      if (err) {\n        console.error("jwt.verify failed in fn", err);\n        return;\n      }') },
  ] }], output: SAILS_OWN.replace("      if (err) return exits.invalid();", '      if (err) {\n        console.error("jwt.verify failed in fn", err);\n        return exits.invalid();\n      }') },
  { name: "the same catch around the order's own row", filename: "app/orders-create.server.ts", code: RECORD_ORDER, findings: [{ case: "logAndContinue", line: 5, column: 5, endColumn: 16, suggestions: [
    { title: "Rethrow the error", output: RECORD_ORDER.replace('failed to record error", err);\n', 'failed to record error", err);\n    throw err;\n') },
    { title: "Mark as intentionally ignored…", output: RECORD_ORDER.replace("} catch (err) {\n", "} catch (err) {\n    // Intentionally ignored: <reason>\n") },
  ] }], output: null },
];

new RuleTester().run(narrowed, { valid, invalid });
