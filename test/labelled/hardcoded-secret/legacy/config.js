"use strict";

const path = require("path");

module.exports = {
  port: process.env.PORT || 8080,
  uploads: path.join(__dirname, "..", "uploads"),
  db: {
    host: process.env.DB_HOST || "localhost",
    user: process.env.DB_USER || "acme",
    // hh-expect: hardcoded-secret/envFallbackLiteral
    password: process.env.DB_PASSWORD || "acme",
    name: "acme",
  },
  mailer: {
    service: "gmail",
    auth: {
      user: "notifications@acme.io",
      // hh-expect: hardcoded-secret/suspiciousName
      pass: "qwerty123",
    },
  },
  // hh-expect: hardcoded-secret/suspiciousName
  sessionSecret: "0123456789abcdef0123456789abcdef",
  // hh-expect: hardcoded-secret/providerKey
  githubToken: "ghp_iUj57JSrXjbYWpNHNoUSRv6ePEe6gnozWQam",
  recaptchaSiteKey: "6LcQk2MpAAAAAH3r1m8vX5zq9T7yK2bN4wE6jU0p",
  // hh-expect: hardcoded-secret/suspiciousName
  recaptchaSecret: "7qQSGyobVYY47tVpn0rk6GG0ncRk4KUoTMOmNRxX",
  tokenLifetime: "2h",
  passwordSaltRounds: 12,
};
