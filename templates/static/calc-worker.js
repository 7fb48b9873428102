// Module worker: loads the self-hosted Pyodide and the calc package once, then
// answers compute requests with the HTML that calc.render produces.
// Query parameters (set by calculator.js): pyodide, calc, limits, base.

const params = new URL(self.location.href).searchParams;

async function fetchOk(url, as) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return as === "text" ? response.text() : response.arrayBuffer();
}

async function start() {
  const pyodideBase = new URL(params.get("pyodide"), self.location.href).href;
  const { loadPyodide } = await import(pyodideBase + "pyodide.mjs");
  const [pyodide, archive, limits] = await Promise.all([
    loadPyodide({ indexURL: pyodideBase }),
    fetchOk(params.get("calc"), "buffer"),
    fetchOk(params.get("limits"), "text"),
  ]);
  pyodide.unpackArchive(archive, "zip", { extractDir: "/home/pyodide/calc-site" });
  pyodide.runPython("import sys; sys.path.insert(0, '/home/pyodide/calc-site')");
  const browser = pyodide.pyimport("calc.browser");
  browser.configure(limits, params.get("base") || "/");
  return browser;
}

const ready = start();

ready.then(
  () => self.postMessage({ type: "ready" }),
  (error) => self.postMessage({ type: "failed", message: String((error && error.message) || error) }),
);

self.onmessage = async (event) => {
  const { seq, key, calculator, inputs } = event.data;
  let browser;
  try {
    browser = await ready;
  } catch {
    return; // "failed" was already posted
  }
  try {
    const result = JSON.parse(browser.compute_json(calculator, JSON.stringify(inputs)));
    self.postMessage({ type: "result", seq, key, result });
  } catch (error) {
    self.postMessage({ type: "crashed", seq, key, message: String((error && error.message) || error) });
  }
};
