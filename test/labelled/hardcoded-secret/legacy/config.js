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
      pass: "Welcome#2025",
    },
  },
  // hh-expect: hardcoded-secret/suspiciousName
  sessionSecret: "jwt-signing-key-2024",
  // hh-expect: hardcoded-secret/providerKey
  githubToken: "ghp_4Q34t9xGKYKh0qDLR3YOXaYqqFMgyLIyQyqz",
  recaptchaSiteKey: "6LcQk2MpAAAAAH3r1m8vX5zq9T7yK2bN4wE6jU0p",
  // hh-expect: hardcoded-secret/suspiciousName
  recaptchaSecret: "2XOt9LhiUj57JSrXjbYWpNHNoUSRv6ePEe6gnozW",
  tokenLifetime: "2h",
  passwordSaltRounds: 12,
};
