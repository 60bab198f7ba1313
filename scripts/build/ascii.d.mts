// Types of ./ascii.mjs for the tests (test/unit/meta/ascii-build.test.ts).
export function escapeRegexLiteral(literal: string): string;
export function asciiSource(text: string, fileName: string): string;
export function assertAscii(file: string): void;
export const asciiPlugin: { name: string; setup(build: unknown): void };
