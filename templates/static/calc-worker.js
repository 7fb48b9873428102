// Module worker: starts the self-hosted Pyodide with the calc package once, then answers each
// compute message with the HTML that calc.render produces. The messages are declared in
// calc/protocol.py; the page's side is calculator.js.
// Query parameters (set by calculator.js): pyodide, stdlib, lock, calc, snapshot, limits, base, bytes.
//
// The first start downloads Pyodide's core, the reduced standard library the build made (only
// the modules calc needs, as bytecode) and calc; once Python is up, the worker keeps a memory
// snapshot of it in Cache Storage. Later pages restore that snapshot instead of starting Python,
// which takes a fraction of the time; if it is missing or cannot be restored, Python starts the
// ordinary way (and makes a new one).
import { PROTOCOL, message } from "./protocol.mjs";
import { installCalc } from "./calc-python.mjs";

const params = new URL(self.location.href).searchParams;
const send = (type, fields) => self.postMessage(message(type, fields));

// Every download of the start goes through fetch: count its bytes for the page's progress bar
// (the build knows how many to expect), and note a file the server no longer has (a page from
// an older deploy: the page reloads itself once).
const expectedBytes = Number(params.get("bytes")) || 1;
let loadedBytes = 0;
let lastReport = 0;
let missingFile = "";
const networkFetch = self.fetch.bind(self);

function reportProgress(step, force = false) {
  const now = performance.now();
  if (force || now - lastReport > 100) {
    lastReport = now;
    send("progress", { step, loaded: Math.min(loadedBytes, expectedBytes), total: expectedBytes });
  }
}

self.fetch = async (resource, options) => {
  const response = await networkFetch(resource, options);
  if (response.status === 404) missingFile = String(resource.url || resource);
  if (!response.ok || !response.body) return response;
  const counter = new TransformStream({
    transform(chunk, controller) {
      loadedBytes += chunk.byteLength;
      reportProgress(loadedBytes < expectedBytes ? "download" : "start");
      controller.enqueue(chunk);
    },
  });
  const { status, statusText, headers } = response;
  return new Response(response.body.pipeThrough(counter), { status, statusText, headers });
};

async function fetchOk(url, as) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return as === "text" ? response.text() : response.arrayBuffer();
}

// The snapshot lives only in this browser: it is made here, after an ordinary start.
async function cachedSnapshot() {
  try {
    const hit = await (await caches.open(PROTOCOL.files_cache)).match(params.get("snapshot"));
    return hit ? new Uint8Array(await hit.arrayBuffer()) : null;
  } catch {
    return null; // no Cache Storage (a private window may refuse it): start the ordinary way
  }
}

function keepSnapshot(pyodide) {
  const snapshot = pyodide.makeMemorySnapshot(); // Python booted and calc imported, nothing computed
  // Stored after the tasks already queued (the first answer): the write itself runs off this thread.
  setTimeout(async () => {
    try {
      const cache = await caches.open(PROTOCOL.files_cache);
      await cache.put(params.get("snapshot"), new Response(snapshot, { headers: { "Content-Type": "application/octet-stream" } }));
      send("snapshot-kept", {});
    } catch (error) {
      console.warn(`Python snapshot not kept (${(error && error.message) || error}); later pages start Python the ordinary way`);
    }
  }, 0);
}

async function startPython(loadPyodide) {
  const options = {
    indexURL: new URL(params.get("pyodide"), self.location.href).href,
    stdLibURL: new URL(params.get("stdlib"), self.location.href).href,
    lockFileContents: { info: JSON.parse(params.get("lock")), packages: {} }, // no packages: no lock file to fetch
  };
  const snapshot = await cachedSnapshot();
  if (snapshot) {
    try {
      return { pyodide: await loadPyodide({ ...options, _loadSnapshot: snapshot }), from: "snapshot" };
    } catch (error) {
      console.warn(`Python snapshot not used (${(error && error.message) || error}); starting Python the ordinary way`);
    }
  }
  return { pyodide: await loadPyodide({ ...options, _makeSnapshot: true }), from: "ordinary start" };
}

// V8 optimizes a WebAssembly function once it has run for a while, compiling it on another
// thread. Restored from a snapshot, Python has hardly run; after an ordinary start it has booted,
// but the calculator's own paths (Decimal, formatting, rendering) have run once. Either way the
// compiling would fall on a reader's first edits and make them up to twice as slow (the weekly
// year plan's recompute p95 was 17-20 ms after an ordinary start without this, 13-16 ms with it).
// So after its first answer the worker recomputes that calculator on varied inputs in idle
// moments (answers discarded), one computation per task, so an edit waits for one of them at
// most and the compiling is done by the time a reader starts typing. It cannot finish before a
// very quick reader's first edits: BENCHMARKS.md has the figures.
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
  const { loadPyodide } = await import(new URL(params.get("pyodide"), self.location.href).href + "pyodide.mjs");
  const downloads = Promise.all([fetchOk(params.get("calc"), "buffer"), fetchOk(params.get("limits"), "text")]);
  const { pyodide, from } = await startPython(loadPyodide);
  const [archive, limits] = await downloads;
  reportProgress("import", true);
  // Restored or not, calc's files go on disk: tracebacks and any later import read them.
  const browser = installCalc(pyodide, archive);
  if (from === "ordinary start") keepSnapshot(pyodide);
  browser.configure(limits, params.get("base") || "/");
  return { browser, from };
}

const ready = start();

ready.then(
  ({ from }) => send("ready", { python_from: from }),
  (error) => {
    const detail = String((error && error.stack) || error);
    const reason = missingFile ? "a file it needs is no longer on the server" : "Python could not be loaded";
    send("start-failed", { reason, missing_file: Boolean(missingFile), detail: missingFile ? `${missingFile}: HTTP 404\n${detail}` : detail });
  },
);

self.onmessage = async (event) => {
  const { seq, form, calculator, inputs } = event.data;
  let browser;
  try {
    ({ browser } = await ready);
  } catch {
    return; // "start-failed" was already sent
  }
  try {
    const reply = JSON.parse(browser.compute_json(calculator, JSON.stringify(inputs)));
    send("result", { seq, form, reply });
    if (!warmingWhenIdle) {
      warmingWhenIdle = true;
      warmUpWhenIdle(browser, calculator, inputs);
    }
  } catch (error) {
    send("compute-failed", { seq, form, detail: String((error && error.message) || error) });
  }
};
