// The part of js-yaml 4's API the profile uses (the package ships no types; @types/js-yaml is not installed).
declare module "js-yaml" {
  export interface LoadOptions {
    filename?: string;
    json?: boolean;
  }
  export function load(text: string, options?: LoadOptions): unknown;
}
