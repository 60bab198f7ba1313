/** The engine's public surface: what the CLI, the extension, the benchmark and the tests use. */
export { allRules, analyze, isRuleEnabled, isTestFile, type AnalyzeInput } from "./analyze";
export { lowered, messageWithConfidence, severityText } from "./confidence";
export { applyFixes, applyFixesSoundly, bulkFixOf, fixAll } from "./apply-fixes";
export { ConfigFileFinder, configForPath, defaultConfig, findConfigFile, isIgnored, loadConfigFile, parseConfigText, CONFIG_FILE_NAME, DEFAULT_IGNORES } from "./config/load";
export { buildConfigSchema } from "./config/schema";
export { docsUrl } from "./define-rule";
export { applyEdits, checkFix } from "./fix-invariants";
export { FsProjectHost, MemoryProjectHost } from "./project-host";
export { redactSecret } from "./redact";
export { decodeSource, looksMinified, skipReason, unfixableOnDisk } from "./source";
export { ignoreFileEdit, ignoreLineEdit } from "./suppress";
export { familyRules } from "../rules";
export * from "./types";
export { isAnalyzablePath, parse, scriptKindOf, walk, SOURCE_EXTENSIONS } from "./walk";
