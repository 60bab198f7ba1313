const fs = require("fs");
const path = require("path");
const yaml = require("js-yaml");
const { ConfigSchema } = require("./schema");

function load(env = process.env.NODE_ENV || "development") {
  const file = path.join(__dirname, `${env}.yml`);
  return ConfigSchema.parse(yaml.load(fs.readFileSync(file, "utf8")));
}

function loadPlugins(dir) {
  return fs.readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => {
      // hh-expect: unvalidated-boundary/jsonParseExternal
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
      return { name: manifest.name, entry: path.join(dir, manifest.main) };
    });
}

function loadSecretsFile(file) {
  // hh-expect: unvalidated-boundary/jsonParseExternal
  const secrets = yaml.load(fs.readFileSync(file, "utf8"));
  process.env.DB_PASSWORD = secrets.db.password;
}

module.exports = { load, loadPlugins, loadSecretsFile };
