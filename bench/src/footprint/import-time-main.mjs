// Imports one module and prints how long the import took (run in a fresh process per sample).
const target = process.argv[2];
if (target === undefined) throw new Error('usage: import-time-main <file URL>');
const startedAt = performance.now();
await import(target);
process.stdout.write(`${JSON.stringify({ importMs: performance.now() - startedAt })}\n`);
