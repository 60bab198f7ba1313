import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { markedRow, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Held round 43 (retired to tune), session 40, developer ub40: Meta's webhook verification handshake
// (StijnPrent/ai-voice-agent-backend `src/controllers/WhatsappController.ts:18`, decided clean: mode compared,
// token checked, challenge echoed). The presented `hub.verify_token` goes to a service method that trims it and
// compares it with the configured `process.env.WHATSAPP_VERIFY_TOKEN`: a shared secret checked, nothing of it
// goes on. Two readings were missing: a service a getter hands out (tsyringe's `container.resolve(Service)`) is
// followed like an injected one, and a parameter compared, as it is or normalized, with a secret the deployment
// configures is a check (verifier.ts). Rows: the repository's TypeScript controller and service, a hand-made
// CommonJS Express route calling a module's exported instance, and a token compared with a stored value (a use).

const PKG = { "package.json": '{ "name": "voice", "dependencies": { "express": "^5.1.0", "tsyringe": "^4.8.0" } }' };

const CONTROLLER = dedent`
  import { Request, Response } from "express";
  import { container } from "tsyringe";
  import { WhatsappIntegrationService } from "../services/WhatsappIntegrationService";

  export class WhatsappController {
    private get integrationService(): WhatsappIntegrationService {
      return container.resolve(WhatsappIntegrationService);
    }

    public verifyWebhook(req: Request, res: Response) {
      const mode = req.query["hub.mode"];
      const token = req.query["hub.verify_token"];
      const challenge = req.query["hub.challenge"];
      if (mode === "subscribe" && typeof token === "string" && this.integrationService.isValidVerifyToken(token)) {
        res.status(200).send(challenge);
        return;
      }
      res.status(403).send("forbidden");
    }
  }
`;

const service = (expected: string) => ({
  "src/services/WhatsappIntegrationService.ts": dedent`
    export class WhatsappIntegrationService {
      public isValidVerifyToken(token: string | undefined | null): boolean {
        if (!token) return false;
        const normalized = token.trim();
        const expected = ${expected};
        return Boolean(expected && normalized && normalized === expected);
      }
    }
  `,
});

const ROUTE_JS = dedent`
  const express = require("express");
  const metaService = require("../services/meta.service");
  const router = express.Router();
  router.get("/webhooks/messenger", (req, res) => {
    if (req.query["hub.mode"] === "subscribe" && metaService.checkVerifyToken(req.query["hub.verify_token"])) {
      return res.send(req.query["hub.challenge"]);
    }
    res.sendStatus(403);
  });
  module.exports = router;
`;

const META_JS = {
  "src/services/meta.service.js": dedent`
    class MetaService {
      checkVerifyToken(token) {
        if (typeof token !== "string") return false;
        const presented = token.toLowerCase();
        return presented === process.env.MESSENGER_VERIFY_TOKEN;
      }
    }
    module.exports = new MetaService();
  `,
};

const valid: ValidCase[] = [
  { name: "a getter-resolved service comparing the trimmed token with the configured one (round 43, ai-voice-agent-backend)", code: CONTROLLER, filename: "src/controllers/WhatsappController.ts", files: { ...PKG, ...service('(process.env.WHATSAPP_VERIFY_TOKEN || "").trim()') } },
  { name: "CommonJS (hand-made): an exported instance comparing the lower-cased token with the configured one", code: ROUTE_JS, filename: "src/routes/messenger.js", files: { ...PKG, ...META_JS } },
];

const invalid: InvalidCase[] = [
  (() => {
    const row = markedRow("the token compared with a value that is no setting of the deployment stays a use", CONTROLLER, "src/controllers/WhatsappController.ts", { ...PKG, ...service("globalThis.lastToken") }, "expressQuery", 12, 19, 28);
    const zod = CONTROLLER.replace('import { WhatsappIntegrationService } from "../services/WhatsappIntegrationService";\n', 'import { WhatsappIntegrationService } from "../services/WhatsappIntegrationService";\nimport { z } from "zod";\n\nconst VerifyWebhookQuery = z.object({ "hub.verify_token": z.string(), "hub.challenge": z.string() });\n')
      .replace('    const token = req.query["hub.verify_token"];\n    const challenge = req.query["hub.challenge"];\n', '    const parsed = VerifyWebhookQuery.safeParse(req.query);\n    if (!parsed.success) {\n      res.status(400).json({ error: parsed.error.issues });\n      return;\n    }\n    const token = parsed.data["hub.verify_token"];\n    const challenge = parsed.data["hub.challenge"];\n');
    const f = row.findings![0]!;
    return { ...row, findings: [{ ...f, suggestions: [{ title: "Validate req.query with Zod (adds the zod dependency)", output: zod }, ...(f.suggestions ?? [])] }] };
  })(),
];

describe("unvalidated-boundary: a presented verify token compared with the configured secret (round 43)", () => {
  runWithNamedCases(valid, invalid);
});
