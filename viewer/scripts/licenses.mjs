// The licence text of every npm package whose code is in the bundle (from esbuild's metafiles).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const packages = new Set();
for (const metafile of process.argv.slice(2)) {
  for (const input of Object.keys(JSON.parse(readFileSync(metafile, "utf8")).inputs)) {
    const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
    if (m) packages.add(m[1]);
  }
}
const out = ["Third-party software bundled in kg/static/kg-view.js (from viewer/package-lock.json).", ""];
for (const name of [...packages].sort()) {
  const dir = join("node_modules", name);
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  if (!file) throw new Error(`no licence file in ${dir}`);
  out.push("=".repeat(78), `${name} ${pkg.version} (${pkg.license})`, "=".repeat(78), "",
           readFileSync(join(dir, file), "utf8").trim(), "");
}
process.stdout.write(out.join("\n"));
