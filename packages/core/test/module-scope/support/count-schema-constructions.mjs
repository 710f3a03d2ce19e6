// Run in a fresh process: imports zod, then the module named by argv[2], and prints how many
// zod schemas the import built. Every classic zod schema reads `localeError` from zod's global
// configuration once while it is constructed (zod 4 sets the default locale lazily there), so
// counting those reads counts constructions. `calibration` proves the count still works with
// the installed zod: building one `z.string()` must read it exactly once.
let reads = 0;
let localeError;
// zod keeps its configuration on globalThis and adopts an object that is already there.
globalThis.__zod_globalConfig ??= {};
const config = globalThis.__zod_globalConfig;
Object.defineProperty(config, 'localeError', {
  configurable: true,
  enumerable: true,
  get() {
    reads += 1;
    return localeError;
  },
  set(value) {
    localeError = value;
  },
});

const { z } = await import('zod');
const beforeCalibration = reads;
z.string();
const calibration = reads - beforeCalibration;

const beforeImport = reads;
const entry = await import(process.argv[2]);
const constructions = reads - beforeImport;

// The zod schemas the entry exports: each may cost its root at import, never its fields.
const exportedSchemas = Object.values(entry).filter(
  (value) => typeof value === 'object' && value !== null && '_zod' in value,
).length;

// Walking a schema builds its fields: proves they were deferred, not dropped.
const beforeUse = reads;
if (entry.evidenceRecordSchema !== undefined) z.toJSONSchema(entry.evidenceRecordSchema);
const builtOnFirstUse = reads - beforeUse;

process.stdout.write(
  `${JSON.stringify({ calibration, constructions, exportedSchemas, builtOnFirstUse })}\n`,
);
