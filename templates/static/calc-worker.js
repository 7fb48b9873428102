// Module worker: starts the self-hosted Pyodide with the calc package once, then
// answers compute requests with the HTML that calc.render produces.
// Query parameters (set by calculator.js): pyodide, calc, snapshot, limits, base.
//
// Python starts from the snapshot the build made (Python booted, calc imported), which
// takes a fraction of an ordinary start; if the snapshot cannot be fetched or restored,
// Python starts the ordinary way and the page only goes live later.

const params = new URL(self.location.href).searchParams;
const CALC_DIR = "/home/pyodide/calc-site"; // the same folder as site_builder/python_snapshot.py

async function fetchOk(url, as) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return as === "text" ? response.text() : response.arrayBuffer();
}

async function fetchSnapshot(url) {
  const bytes = new Uint8Array(await fetchOk(url, "buffer"));
  // The build gzips the snapshot; a host may already have removed that layer in transit.
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(inflated).arrayBuffer());
}

async function startPython(loadPyodide, indexURL) {
  if (params.get("snapshot")) {
    try {
      const pyodide = await loadPyodide({ indexURL, _loadSnapshot: fetchSnapshot(params.get("snapshot")) });
      return { pyodide, from: "snapshot" };
    } catch (error) {
      console.warn(`Python snapshot not used (${(error && error.message) || error}); starting Python the ordinary way`);
    }
  }
  return { pyodide: await loadPyodide({ indexURL }), from: "ordinary start" };
}

// V8 optimizes a WebAssembly function once it has run for a while, compiling it on another
// thread. An ordinary start does that while Python boots; restored from a snapshot, Python has
// hardly run, so the compiling would fall on a reader's first few dozen edits and make them
// two to four times slower. So after its first answer the worker recomputes that calculator
// on varied inputs in idle moments (answers discarded), one computation per task, so an edit
// waits for one of them at most and the compiling is done by the time a reader starts typing.
// It cannot finish before a very quick reader's first edits: BENCHMARKS.md has the figures.
const WARM_UP_IDLE_RUNS = 200;
let warmingWhenIdle = false;

function variedInputs(inputs, run) {
  const varied = { ...inputs };
  Object.keys(varied).forEach((name, index) => {
    const value = Number(varied[name]);
    if (varied[name] !== "" && Number.isFinite(value) && (run + index) % 3 === 0) {
      varied[name] = String(Math.round(value * (0.3 + ((run * 7 + index) % 15) / 10))); // 0.3x to 1.7x
    }
  });
  return varied;
}

function warmUpWhenIdle(browser, calculator, inputs, run = 0) {
  if (run < WARM_UP_IDLE_RUNS) setTimeout(() => {
    try {
      browser.compute_json(calculator, JSON.stringify(variedInputs(inputs, run)));
    } catch {
      return;
    }
    warmUpWhenIdle(browser, calculator, inputs, run + 1);
  }, 0);
}

async function start() {
  const pyodideBase = new URL(params.get("pyodide"), self.location.href).href;
  const { loadPyodide } = await import(pyodideBase + "pyodide.mjs");
  const [{ pyodide, from }, archive, limits] = await Promise.all([
    startPython(loadPyodide, pyodideBase),
    fetchOk(params.get("calc"), "buffer"),
    fetchOk(params.get("limits"), "text"),
  ]);
  // Restored or not, calc's files go on disk: tracebacks and any later import read them.
  pyodide.unpackArchive(archive, "zip", { extractDir: CALC_DIR });
  pyodide.globals.set("calc_dir", CALC_DIR);
  pyodide.runPython("import sys\nif calc_dir not in sys.path: sys.path.insert(0, calc_dir)\ndel calc_dir");
  const browser = pyodide.pyimport("calc.browser");
  browser.configure(limits, params.get("base") || "/");
  return { browser, from };
}

const ready = start();

ready.then(
  ({ from }) => self.postMessage({ type: "ready", from }),
  (error) => self.postMessage({ type: "failed", message: String((error && error.message) || error) }),
);

self.onmessage = async (event) => {
  const { seq, key, calculator, inputs } = event.data;
  let browser, from;
  try {
    ({ browser, from } = await ready);
  } catch {
    return; // "failed" was already posted
  }
  try {
    const result = JSON.parse(browser.compute_json(calculator, JSON.stringify(inputs)));
    self.postMessage({ type: "result", seq, key, result });
    if (from === "snapshot" && !warmingWhenIdle) {
      warmingWhenIdle = true;
      warmUpWhenIdle(browser, calculator, inputs);
    }
  } catch (error) {
    self.postMessage({ type: "crashed", seq, key, message: String((error && error.message) || error) });
  }
};
