// Makes the memory snapshot the calculator worker restores instead of starting Python:
// Pyodide booted, calc/ unpacked and imported, nothing computed. Called (and cached) by
// site_builder/python_snapshot.py. Restoring skips Python's start-up and calc's imports,
// which are most of the time a calculator page takes to go live.
// usage: node python_snapshot.mjs <pyodide dir> <calc.zip> <output.gz>
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { installCalc } from "../templates/static/calc-python.mjs";

const [pyodideDir, archivePath, outputPath] = process.argv.slice(2);
try {
  const { loadPyodide } = await import(path.join(pyodideDir, "pyodide.mjs"));
  const pyodide = await loadPyodide({ indexURL: pyodideDir + "/", _makeSnapshot: true });
  installCalc(pyodide, new Uint8Array(await readFile(archivePath)));
  // gzip: the heap is mostly zeros and repeated bytes (31 MB -> about 6.5 MB); the worker inflates
  // it with DecompressionStream, so no host has to be configured to compress it.
  await writeFile(outputPath, gzipSync(pyodide.makeMemorySnapshot(), { level: 9 }));
} catch (error) {
  // The message (a Python traceback, for an import error in calc/), not Node's dump of minified source.
  console.error((error && error.message) || String(error));
  process.exit(1);
}
