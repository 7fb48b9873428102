// Makes the reduced Python standard library the calculator worker loads instead of Pyodide's
// whole python_stdlib.zip: only the modules that Pyodide's start-up and calc/ import, compiled
// to bytecode by this Pyodide's own Python. Called (and cached) by site_builder/python_stdlib.py.
//
// 1. Start Pyodide with the whole library, install calc, and compute every calculator on its
//    defaults and on inputs that fail every field (so error paths import what they need too).
// 2. Every module then loaded from the library's zip goes into the new zip, as a .pyc.
// 3. Start a second Pyodide with only the new zip and compute the same again: a module the
//    first pass missed fails here, in the build, never in a reader's browser.
// usage: node python_stdlib.mjs <pyodide dir> <calc.zip> <limits.json> <output.zip>
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { installCalc } from "../templates/static/calc-python.mjs";

const [pyodideDir, archivePath, limitsPath, outputPath] = process.argv.slice(2);

const EXERCISE = `
import json
from calc.registry import CALCULATORS

def exercise(browser):
    """Each calculator on its defaults, then with every field refused."""
    for calculator in CALCULATORS.values():
        browser.compute_json(calculator.id, "{}", "2026-12-04")
        browser.compute_json(calculator.id, json.dumps({field.name: "not a value" for field in calculator.fields}), "2026-12-04")
`;

const COLLECT = `
import io, sys, zipfile
OPTIMIZE = 2  # compile(optimize=2), as python -OO: no docstrings or asserts, 15% smaller
from importlib._bootstrap_external import _code_to_timestamp_pyc

def reduced_library(stdlib_zip):
    """A zip of the library's modules that are loaded now, each compiled to a sourceless .pyc."""
    prefix = stdlib_zip.rstrip("/") + "/"
    # Modules frozen into the interpreter (os, io, importlib._bootstrap, ...) name the zip as their
    # file but are never read from it: only those the zip importer loaded are needed.
    used = sorted({m.__file__[len(prefix):] for m in list(sys.modules.values())
                   if (getattr(m, "__file__", None) or "").startswith(prefix)
                   and type(getattr(m, "__loader__", None)).__name__ == "zipimporter"})
    out = io.BytesIO()
    with zipfile.ZipFile(stdlib_zip) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in used:
            code = compile(source.read(name), prefix + name, "exec", dont_inherit=True, optimize=OPTIMIZE)
            info = zipfile.ZipInfo(name[:-3] + ".pyc", date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, bytes(_code_to_timestamp_pyc(code, 0, 0)), compresslevel=9)
    return out.getvalue(), len(used)
`;

async function startCalc(options) {
  const { loadPyodide } = await import(path.join(pyodideDir, "pyodide.mjs"));
  const pyodide = await loadPyodide({ indexURL: pyodideDir + "/", ...options });
  const browser = installCalc(pyodide, new Uint8Array(await readFile(archivePath)));
  browser.configure(await readFile(limitsPath, "utf8"), "/");
  pyodide.runPython(EXERCISE);
  pyodide.globals.get("exercise")(browser);
  return pyodide;
}

try {
  const full = await startCalc({ env: { PYTHONNODEBUGRANGES: "1" } }); // compile without column positions: smaller .pyc
  full.runPython(COLLECT);
  const stdlibZip = full.runPython("import sys; next(p for p in sys.path if p.endswith('.zip'))");
  const [bytes, count] = full.globals.get("reduced_library")(stdlibZip).toJs();
  await writeFile(outputPath, bytes);
  await startCalc({ stdLibURL: path.resolve(outputPath) }); // throws on a module the first pass missed
  console.log(JSON.stringify({ modules: count, bytes: bytes.length }));
} catch (error) {
  console.error((error && error.message) || String(error));
  process.exit(1);
}
