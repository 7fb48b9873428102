// Runs the shared case table inside Pyodide (Python 3.14) under Node.
// usage: node tests/pyodide_runner.mjs <calc.zip> <limits.json> <cases.json> [<python snapshot>]
// With a snapshot (the build's gzipped one), Python is restored from it, as the browser does.
// Prints {python, restored, documents}: documents holds the CLI-contract document of each case, in order.
import { readFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { createRequire } from "node:module";
import path from "node:path";
import { installCalc } from "../templates/static/calc-python.mjs";

const require = createRequire(import.meta.url);
const pyodideDir = path.dirname(require.resolve("pyodide/package.json"));
const { loadPyodide } = await import(path.join(pyodideDir, "pyodide.mjs"));

const [archivePath, limitsPath, casesPath, snapshotPath] = process.argv.slice(2);
const options = { indexURL: pyodideDir + "/" };
if (snapshotPath) options._loadSnapshot = new Uint8Array(gunzipSync(await readFile(snapshotPath)));
const pyodide = await loadPyodide(options);
const restored = pyodide.runPython("import sys; 'calc.browser' in sys.modules"); // before this script imports anything
installCalc(pyodide, new Uint8Array(await readFile(archivePath)));
pyodide.globals.set("limits_json", await readFile(limitsPath, "utf8"));
pyodide.globals.set("cases_json", await readFile(casesPath, "utf8"));
pyodide.globals.set("restored", restored);
const output = pyodide.runPython(`
import json, sys
from calc import evaluate, get
from calc.limits import limits_from_dict
limits = limits_from_dict(json.loads(limits_json))
documents = [evaluate(get(c["calculator"]), c["inputs"], limits).to_json_dict() for c in json.loads(cases_json)]
json.dumps({"python": sys.version, "documents": documents, "restored": restored})
`);
process.stdout.write(output);
