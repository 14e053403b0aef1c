// Lint .cypher files with Neo4j's own parser (@neo4j-cypher/language-support).
// Usage: node lint.mjs FILE... ; prints one line per error, exits 1 when any file has one.
import { readFileSync } from 'node:fs';
import { lintCypherQuery, isNotParamError } from '@neo4j-cypher/language-support';

let failures = 0;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const result = lintCypherQuery(text, {});
  const diagnostics = (result.diagnostics ?? result).filter(
    (d) => d.severity === 1 && isNotParamError(d));
  for (const d of diagnostics) {
    const line = text.slice(0, d.offsets?.start ?? 0).split('\n').length;
    console.log(`${file}:${line}: ${d.message.split('\n')[0]}`);
  }
  failures += diagnostics.length;
  if (diagnostics.length === 0) console.log(`${file}: ok`);
}
process.exit(failures ? 1 : 0);
