import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 35 (xmod35): swallowed-exception reads a function's callers in the project's other modules
// (the importers index, src/profile/importers.ts; callersOf, src/rules/unvalidated-boundary/callers.ts),
// where the docs decide by the caller and the rule saw only the file's own calls:
// - a notice helper (named for an e-mail, an SMS, a notification, an OTP) whose log-only catch a
//   comment or a "[fallback]" log line explains is a finding when a caller, or a caller's caller, tells
//   the user the notice went out ("OTP sent successfully"; tune mobiStay-backend's EmailService.sendOtp);
// - "every call tests the result" of a helper that logs and answers its "could not" `null` reads the
//   calls in the modules that import it when the file has none (a Next.js route testing `if (!weather)`,
//   a NestJS controller testing its provider's answer); a caller that turns the miss into a 404, or
//   a module that hands the function on as a value (a route's handler), keeps it reported.
// An importer that cannot be resolved, or an index past its file cap, leaves today's verdict.
const named = new Set(["logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// Express + nodemailer: a service class with static methods, as in tune mobiStay-backend.
const MAILER = dedent`
  import nodemailer from "nodemailer";

  const transporter = nodemailer.createTransport({ host: process.env.SMTP_HOST });

  export class EmailService {
    static async sendNotification(to: string, subject: string, html: string) {
      try {
        await transporter.sendMail({ to, subject, html });
      } catch (error) {
        console.error("Failed to send email:", error);
      }
    }

    static async sendOtp(to: string, otp: string) {
      try {
        await transporter.sendMail({ to, subject: "Your code", html: otp });
      } catch (error) {
        console.error("Failed to send email via Nodemailer:", error);
        // Fallback for dev:
        console.warn(\`[fallback] OTP for \${to}: \${otp}\`);
      }
    }
  }
`;
const EXPRESS = { "package.json": '{ "name": "stay", "dependencies": { "express": "^4.19.0", "nodemailer": "^6.9.0" } }' };
const ADMIN_SERVICE = dedent`
  import { prisma } from "../../shared/prisma.js";
  import { EmailService } from "../../services/email.service.js";

  export class AdminService {
    static async verifyUser(userId: string, status: string) {
      const user = await prisma.user.update({ where: { id: userId }, data: { idStatus: status } });
      await EmailService.sendNotification(user.email, "Verification update", "<p>Your status changed.</p>");
      return user;
    }
  }
`;
// The OTP goes through an OtpService (it only collects the send) to the auth service that answers the user.
const OTP_SERVICE = dedent`
  import { redis } from "../../shared/redis.js";
  import { EmailService } from "../../services/email.service.js";

  export class OtpService {
    static async sendOtp(userId: string, email: string) {
      const otp = Math.floor(100000 + Math.random() * 900000).toString();
      await redis.set(\`auth:otp:\${userId}\`, otp, { ex: 300 });
      const promises = [];
      if (email) {
        promises.push(EmailService.sendOtp(email, otp));
      }
      await Promise.all(promises);
      return otp;
    }
  }
`;
const AUTH_SERVICE = dedent`
  import { OtpService } from "./otp.service.js";

  export class AuthService {
    static async resendOtp(user: { id: string; email: string }) {
      await OtpService.sendOtp(user.id, user.email);
      return { message: "OTP sent successfully" };
    }
  }
`;
const NOTIFY_ONLY = { ...EXPRESS, "src/modules/admin/admin.service.ts": ADMIN_SERVICE };
const OTP_CHAIN = { ...EXPRESS, "src/modules/admin/admin.service.ts": ADMIN_SERVICE, "src/modules/auth/otp.service.ts": OTP_SERVICE, "src/modules/auth/auth.service.ts": AUTH_SERVICE };

// NestJS: a provider injected by its type into a controller.
const NEST_NOTICES = dedent`
  import { Injectable, Logger } from "@nestjs/common";
  import { SmsClient } from "./sms.client";

  @Injectable()
  export class NotificationsService {
    private readonly logger = new Logger(NotificationsService.name);

    constructor(private readonly sms: SmsClient) {}

    async notifyGuide(phone: string, offerId: string) {
      try {
        await this.sms.send(phone, \`Offer \${offerId} was accepted\`);
      } catch (err) {
        // The guide also sees the offer in the app
        this.logger.error("Guide SMS failed", err);
      }
    }
  }
`;
const NEST = { "package.json": '{ "name": "trips", "dependencies": { "@nestjs/common": "^10.0.0", "@nestjs/core": "^10.0.0" } }' };
const nestController = (answer: string) => dedent`
  import { Controller, Param, Post } from "@nestjs/common";
  import { NotificationsService } from "../notifications/notifications.service";
  import { OffersService } from "./offers.service";

  @Controller("offers")
  export class OffersController {
    constructor(private readonly offers: OffersService, private readonly notifications: NotificationsService) {}

    @Post(":id/accept")
    async accept(@Param("id") id: string) {
      const offer = await this.offers.accept(id);
      await this.notifications.notifyGuide(offer.guidePhone, id);
      return ${answer};
    }
  }
`;

// CommonJS + Express: a helper module whose export a route requires by destructuring.
const CJS_MAILER = dedent`
  const sgMail = require("@sendgrid/mail");

  exports.sendVerificationEmail = async (to, link) => {
    try {
      await sgMail.send({ to, from: "no-reply@shop.test", subject: "Verify", html: link });
    } catch (err) {
      // best effort: the user can ask for another link
      console.error("verification mail failed", err);
    }
  };
`;
const CJS_ROUTE = dedent`
  const express = require("express");
  const { sendVerificationEmail } = require("../lib/mailer");
  const router = express.Router();

  router.post("/signup", async (req, res) => {
    const user = await createUser(req.body);
    await sendVerificationEmail(user.email, user.link);
    res.status(201).json({ message: "Verification email sent" });
  });

  module.exports = router;
`;
const CJS = { "package.json": '{ "name": "shop", "dependencies": { "express": "^4.19.0", "@sendgrid/mail": "^8.0.0" } }', "routes/auth.js": CJS_ROUTE };

// Next.js: a lib/ helper that logs and answers null, which every route calling it tests.
const WEATHER = dedent`
  export async function getWeather(city: string) {
    try {
      const res = await fetch(\`https://api.weather.test/v1?q=\${encodeURIComponent(city)}\`);
      const data = await res.json();
      return { temp: data.main.temp, sky: data.weather[0].description };
    } catch (error) {
      console.error("Weather lookup failed:", error);
      return null;
    }
  }
`;
const NEXT = { "package.json": '{ "name": "trip", "dependencies": { "next": "^14.2.0" } }', "tsconfig.json": '{ "compilerOptions": { "paths": { "@/*": ["./*"] } } }' };
const weatherRoute = (use: string) => dedent`
  import { NextResponse } from "next/server";
  import { getWeather } from "@/lib/weather";

  export async function GET(req: Request) {
    const city = new URL(req.url).searchParams.get("city") ?? "Seoul";
    const weather = await getWeather(city);
    ${use}
  }
`;
const TESTED = weatherRoute('if (!weather) return NextResponse.json({ error: "Weather unavailable" }, { status: 502 });\n  return NextResponse.json(weather);');
const UNTESTED = weatherRoute("return NextResponse.json({ city, temp: weather.temp });");

/** The "Mark as intentionally ignored…" suggestion: the mark above the catch's line that starts with `first`. */
const marked = (code: string, first: string) => {
  const at = code.indexOf(first);
  const indent = /[ ]*$/.exec(code.slice(0, at))![0];
  return [{ title: "Mark as intentionally ignored…", output: `${code.slice(0, at)}// Intentionally ignored: <reason>\n${indent}${code.slice(at)}` }];
};
const WEATHER_FIXES = [
  { title: "Rethrow the error", output: WEATHER.replace("    return null;\n", "    throw error;\n") },
  ...marked(WEATHER, "console.error("),
];
const NOTIFY_MAILER = MAILER.replace(/\n {2}static async sendOtp[\s\S]*?\n {2}\}\n/, "\n");

// NestJS: a provider answering null for "could not", its controller testing it.
const RATES = dedent`
  import { Injectable, Logger } from "@nestjs/common";
  import { HttpService } from "@nestjs/axios";

  @Injectable()
  export class RatesService {
    private readonly logger = new Logger(RatesService.name);

    constructor(private readonly http: HttpService) {}

    async latestRate(currency: string) {
      try {
        const { data } = await this.http.axiosRef.get(\`https://rates.test/v1/\${currency}\`);
        return Number(data.rate);
      } catch (error) {
        this.logger.error("Rate lookup failed", error);
        return null;
      }
    }
  }
`;
const ratesController = (miss: string) => dedent`
  import { Controller, Get, Param, ServiceUnavailableException, NotFoundException } from "@nestjs/common";
  import { RatesService } from "./rates.service";

  @Controller("rates")
  export class RatesController {
    constructor(private readonly rates: RatesService) {}

    @Get(":currency")
    async get(@Param("currency") currency: string) {
      const rate = await this.rates.latestRate(currency);
      if (!rate) ${miss};
      return { currency, rate };
    }
  }
`;
const RATES_FIXES = [
  { title: "Rethrow the error", output: RATES.replace("      return null;\n    }\n  }\n}", "      throw error;\n    }\n  }\n}") },
  ...marked(RATES, "this.logger.error("),
];
// A Telegram bot (grammY) whose swap helper sends a transaction and then waits for its confirmation.
const SWAP = dedent`
  import { connection } from "./solana";

  export async function swap(tx: Uint8Array) {
    try {
      const txid = await connection.sendRawTransaction(tx);
      await connection.confirmTransaction(txid, "confirmed");
      return txid;
    } catch (error) {
      console.log("SWAP ERROR:", error);
      return null;
    }
  }
`;
const BOT = dedent`
  import { Bot } from "grammy";
  import { swap } from "./lib/swap";

  const bot = new Bot(process.env.BOT_TOKEN!);
  bot.command("buy", async (ctx) => {
    const txid = await swap(await buildTx(ctx.match));
    if (!txid) return ctx.reply("Swap failed, try again later");
    await ctx.reply(\`Done: \${txid}\`);
  });
`;
const SWAP_FIXES = [
  { title: "Rethrow the error", output: SWAP.replace("    return null;\n", "    throw error;\n") },
  ...marked(SWAP, "console.log("),
];
// The OTP sender alone (its sendNotification, a plain log-only catch, is reported whoever calls it).
const OTP_MAILER = MAILER.replace(/\n {2}static async sendNotification[\s\S]*?\n {2}\}\n/, "\n");

new RuleTester().run(narrowed, {
  valid: [
    {
      name: "Next.js: a lib/ helper logging and answering null, which the route importing it tests",
      code: WEATHER,
      filename: "lib/weather.ts",
      files: { ...NEXT, "app/api/weather/route.ts": TESTED },
    },
    {
      name: "NestJS: a provider answering null for a failed rate lookup, which the controller injecting it tests and answers 503",
      code: RATES,
      filename: "src/rates/rates.service.ts",
      files: { ...NEST, "src/rates/rates.controller.ts": ratesController("throw new ServiceUnavailableException()") },
    },
    {
      name: "Express: a notice helper's explained catch whose callers in other modules go on without claiming the e-mail went out",
      code: OTP_MAILER,
      filename: "src/services/email.service.ts",
      files: { ...NOTIFY_ONLY, "src/modules/auth/otp.service.ts": OTP_SERVICE },
    },
  ],
  invalid: [
    {
      name: "Express: an OTP e-mail's failure logged under a fallback comment while the auth service, two modules up, answers 'OTP sent successfully'",
      code: OTP_MAILER,
      filename: "src/services/email.service.ts",
      files: OTP_CHAIN,
      findings: [{ case: "logAndContinue", line: 10, column: 7, endColumn: 20, suggestions: marked(OTP_MAILER, 'console.error("Failed to send email via') }],
      output: null,
    },
    {
      name: "CommonJS: a best-effort comment in a verification mailer whose route answers 'Verification email sent'",
      code: CJS_MAILER,
      filename: "lib/mailer.js",
      files: CJS,
      findings: [{ case: "logAndContinue", line: 6, column: 5, endColumn: 16, suggestions: marked(CJS_MAILER, "// best effort") }],
      output: null,
    },
    {
      name: "NestJS: the controller answers that the guide was notified",
      code: NEST_NOTICES,
      filename: "src/notifications/notifications.service.ts",
      files: { ...NEST, "src/offers/offers.controller.ts": nestController("{ accepted: true, guideNotified: true }") },
      findings: [{ case: "logAndContinue", line: 13, column: 7, endColumn: 18, suggestions: marked(NEST_NOTICES, "// The guide also") }],
      output: null,
    },
    {
      name: "an importer that cannot be resolved (a package name) keeps today's verdict: the notice helper stays reported",
      code: NOTIFY_MAILER,
      filename: "src/services/email.service.ts",
      files: { ...EXPRESS, "src/modules/admin/admin.service.ts": ADMIN_SERVICE.replace("../../services/email.service.js", "@stay/mailer") },
      findings: [{ case: "logAndContinue", line: 9, column: 7, endColumn: 20, suggestions: marked(NOTIFY_MAILER, "console.error(") }],
      output: null,
    },
    {
      name: "Next.js: a route that reads the helper's answer untested keeps the null answer reported",
      code: WEATHER,
      filename: "lib/weather.ts",
      files: { ...NEXT, "app/api/weather/route.ts": TESTED, "app/api/forecast/route.ts": UNTESTED },
      findings: [{ case: "logAndContinue", line: 6, column: 5, endColumn: 18, suggestions: WEATHER_FIXES }],
      output: null,
    },
    {
      name: "NestJS: a controller that answers the provider's null as 404 keeps it reported (the outage reads as a miss)",
      code: RATES,
      filename: "src/rates/rates.service.ts",
      files: { ...NEST, "src/rates/rates.controller.ts": ratesController('throw new NotFoundException("Unknown currency")') },
      findings: [{ case: "logAndContinue", line: 14, column: 7, endColumn: 20, suggestions: RATES_FIXES }],
      output: null,
    },
    {
      name: "grammY: a helper that sends a transaction and then waits for its confirmation keeps its null reported though the bot tests it (the swap may have gone through)",
      code: SWAP,
      filename: "src/lib/swap.ts",
      files: { "package.json": '{ "name": "bot", "dependencies": { "grammy": "^1.21.0" } }', "src/bot.ts": BOT },
      findings: [{ case: "logAndContinue", line: 8, column: 5, endColumn: 18, suggestions: SWAP_FIXES }],
      output: null,
    },
    {
      name: "Express: a module that hands the helper to a router as a handler keeps it reported (a caller not seen)",
      code: WEATHER,
      filename: "lib/weather.ts",
      files: { ...NEXT, "app/api/weather/route.ts": TESTED, "server/routes.ts": 'import { getWeather } from "../lib/weather";\nrouter.get("/weather", getWeather);\n' },
      findings: [{ case: "logAndContinue", line: 6, column: 5, endColumn: 18, suggestions: WEATHER_FIXES }],
      output: null,
    },
  ],
});
