// Runs the shared case table inside Pyodide (Python 3.14) under Node, the way the page's worker
// starts Python: with the reduced standard library the build makes, first the ordinary way (in
// snapshot-making mode), then restored from the memory snapshot of that first start.
// usage: node tests/pyodide_runner.mjs <calc.zip> <limits.json> <cases.json> <reduced stdlib.zip>
// Prints {python, restored, ordinary, from_snapshot}: the CLI-contract document of each case, in order.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { installCalc } from "../templates/static/calc-python.mjs";

const require = createRequire(import.meta.url);
const pyodideDir = path.dirname(require.resolve("pyodide/package.json"));
const { loadPyodide } = await import(path.join(pyodideDir, "pyodide.mjs"));

const [archivePath, limitsPath, casesPath, stdlibPath] = process.argv.slice(2);
const lock = JSON.parse(await readFile(path.join(pyodideDir, "pyodide-lock.json"), "utf8"));
const options = { indexURL: pyodideDir + "/", stdLibURL: path.resolve(stdlibPath), lockFileContents: { info: lock.info, packages: {} } };
const archive = new Uint8Array(await readFile(archivePath));
const [limits, cases] = [await readFile(limitsPath, "utf8"), await readFile(casesPath, "utf8")];

function runCases(pyodide) {
  pyodide.globals.set("limits_json", limits);
  pyodide.globals.set("cases_json", cases);
  return JSON.parse(pyodide.runPython(`
import json
from calc import evaluate, get
from calc.limits_file import limits_from_json
limits = limits_from_json(limits_json)
json.dumps([evaluate(get(c["calculator"]), c["inputs"], limits).to_json_dict() for c in json.loads(cases_json)])
`));
}

try {
  const ordinary = await loadPyodide({ ...options, _makeSnapshot: true });
  installCalc(ordinary, archive);
  const snapshot = ordinary.makeMemorySnapshot(); // as the worker does, before anything is computed
  const ordinaryDocuments = runCases(ordinary);
  const restored = await loadPyodide({ ...options, _loadSnapshot: snapshot });
  const calcWasRestored = restored.runPython("import sys; 'calc.browser' in sys.modules"); // before anything is imported here
  installCalc(restored, archive);
  process.stdout.write(JSON.stringify({
    python: restored.runPython("import sys; sys.version"),
    restored: calcWasRestored,
    ordinary: ordinaryDocuments,
    from_snapshot: runCases(restored),
  }));
} catch (error) {
  console.error((error && error.message) || String(error)); // a Python traceback, not Node's dump of minified source
  process.exit(1);
}
