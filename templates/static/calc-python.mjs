// Python's start-up steps for the calculators, written once for the three places that start
// Python with calc/: the page's worker (calc-worker.js), the build's standard-library finder
// (site_builder/python_stdlib.mjs) and the tests' Node runner (tests/pyodide_runner.mjs).

export const CALC_DIR = "/home/pyodide/calc-site"; // calc/ unpacked here, so tracebacks name calc/x.py

/** Unpack the calc archive, put it on sys.path and import calc.browser; returns that module. */
export function installCalc(pyodide, archive) {
  pyodide.unpackArchive(archive, "zip", { extractDir: CALC_DIR });
  pyodide.runPython(`import sys\nif ${JSON.stringify(CALC_DIR)} not in sys.path: sys.path.insert(0, ${JSON.stringify(CALC_DIR)})`);
  return pyodide.pyimport("calc.browser");
}
