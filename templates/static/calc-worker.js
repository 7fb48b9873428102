// Module worker: starts the self-hosted Pyodide with the calc package once, then answers each
// compute message with the HTML that calc.render produces. The messages, and the start
// parameters calculator.js puts in this script's query, are declared in calc/protocol.py and
// named here through the constants of the module the build generates from it.
//
// The first start downloads Pyodide's core, the reduced standard library the build made (only
// the modules calc needs, as bytecode) and calc; once Python is up, the worker keeps a memory
// snapshot of it in Cache Storage. Later pages restore that snapshot instead of starting Python,
// which takes a fraction of the time; if it is missing or cannot be restored, Python starts the
// ordinary way (and makes a new one).
import { CACHE, MESSAGE, PYTHON_FROM, START_PARAMETER, START_STEP } from "./protocol.mjs";
import { message, received } from "./protocol-messages.mjs";
import { installCalc } from "./calc-python.mjs";

const params = new URL(self.location.href).searchParams;
const send = (type, fields) => self.postMessage(message(type, fields));
const pyodideURL = new URL(params.get(START_PARAMETER.PYODIDE), self.location.href).href;

// A start fails as soon as one of its downloads does, whoever asked for it: Pyodide only logs a
// wasm it could not load, and its start would then never end (the page would wait out its start
// timeout). A file the server does not have (a 404: a page from an older deploy) makes the page
// reload itself once.
class DownloadFailed extends Error {
  constructor(url, status) {
    super(`${url}: HTTP ${status}`);
    this.missingFile = status === 404;
  }
}
let failStart;
const downloadFailed = new Promise((resolve, reject) => (failStart = reject));
const networkFetch = self.fetch.bind(self);

// Pyodide's scripts are imported, which tells no status: a failed import asks the server again.
async function importChecked(url) {
  try {
    return await import(url);
  } catch (error) {
    const response = await networkFetch(url, { cache: "no-store" }).catch(() => null);
    const failure = response && !response.ok ? new DownloadFailed(url, response.status) : error;
    failStart(failure);
    throw failure;
  }
}

// Every other download of the start goes through fetch: its status is checked, and its bytes
// are counted for the page's progress bar (the build knows how many to expect).
const expectedBytes = Number(params.get(START_PARAMETER.RUNTIME_BYTES)) || 1;
let loadedBytes = 0;
let lastReport = 0;

function reportProgress(step, force = false) {
  const now = performance.now();
  if (force || now - lastReport > 100) {
    lastReport = now;
    send(MESSAGE.PROGRESS, { step, loaded: Math.min(loadedBytes, expectedBytes), total: expectedBytes });
  }
}

self.fetch = async (resource, options) => {
  const response = await networkFetch(resource, options).catch((error) => {
    failStart(error);
    throw error;
  });
  if (!response.ok) failStart(new DownloadFailed(String(resource.url || resource), response.status));
  if (!response.ok || !response.body) return response;
  const counter = new TransformStream({
    transform(chunk, controller) {
      loadedBytes += chunk.byteLength;
      reportProgress(loadedBytes < expectedBytes ? START_STEP.DOWNLOAD : START_STEP.START);
      controller.enqueue(chunk);
    },
  });
  const { status, statusText, headers } = response;
  return new Response(response.body.pipeThrough(counter), { status, statusText, headers });
};

async function fetchOk(url, as) {
  const response = await fetch(url);
  if (!response.ok) throw new DownloadFailed(url, response.status);
  return as === "text" ? response.text() : response.arrayBuffer();
}

// The snapshot lives only in this browser: it is made here, after an ordinary start.
async function cachedSnapshot() {
  try {
    const hit = await (await caches.open(CACHE.FILES)).match(params.get(START_PARAMETER.PYTHON_SNAPSHOT));
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
      const cache = await caches.open(CACHE.FILES);
      await cache.put(params.get(START_PARAMETER.PYTHON_SNAPSHOT), new Response(snapshot, { headers: { "Content-Type": "application/octet-stream" } }));
      send(MESSAGE.SNAPSHOT_KEPT, {});
    } catch (error) {
      console.warn(`Python snapshot not kept (${(error && error.message) || error}); later pages start Python the ordinary way`);
    }
  }, 0);
}

async function startPython(loadPyodide) {
  const options = {
    indexURL: pyodideURL,
    stdLibURL: new URL(params.get(START_PARAMETER.PYTHON_STDLIB), self.location.href).href,
    lockFileContents: { info: JSON.parse(params.get(START_PARAMETER.PYODIDE_LOCK)), packages: {} }, // no packages: no lock file to fetch
  };
  const snapshot = await cachedSnapshot();
  if (snapshot) {
    try {
      return { pyodide: await loadPyodide({ ...options, _loadSnapshot: snapshot }), from: PYTHON_FROM.SNAPSHOT };
    } catch (error) {
      console.warn(`Python snapshot not used (${(error && error.message) || error}); starting Python the ordinary way`);
    }
  }
  return { pyodide: await loadPyodide({ ...options, _makeSnapshot: true }), from: PYTHON_FROM.ORDINARY_START };
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

function warmUpWhenIdle(browser, calculator, inputs, today, run = 0) {
  if (run < WARM_UP_IDLE_RUNS) setTimeout(() => {
    try {
      browser.compute_json(calculator, JSON.stringify(variedInputs(inputs, run)), today);
    } catch {
      return;
    }
    warmUpWhenIdle(browser, calculator, inputs, today, run + 1);
  }, 0);
}

async function start() {
  const { loadPyodide } = await importChecked(`${pyodideURL}pyodide.mjs`);
  // Pyodide imports its core script itself, from the same URL (so it is downloaded once):
  // imported here too, only to check it.
  const core = importChecked(`${pyodideURL}pyodide.asm.mjs`);
  core.catch(() => {});
  const downloads = Promise.all([
    fetchOk(params.get(START_PARAMETER.CALC_ARCHIVE), "buffer"),
    fetchOk(params.get(START_PARAMETER.LIMITS), "text"),
  ]);
  downloads.catch(() => {}); // a failure fails the start at once, through downloadFailed
  const { pyodide, from } = await startPython(loadPyodide).catch(async (error) => {
    await core; // a missing core script is the cause behind Pyodide's own failed import
    throw error;
  });
  const [archive, limits] = await downloads;
  reportProgress(START_STEP.IMPORT, true);
  // Restored or not, calc's files go on disk: tracebacks and any later import read them.
  const browser = installCalc(pyodide, archive);
  if (from === PYTHON_FROM.ORDINARY_START) keepSnapshot(pyodide);
  browser.configure(limits, params.get(START_PARAMETER.BASE_PATH) || "/");
  return { browser, from };
}

const ready = Promise.race([start(), downloadFailed]);

ready.then(
  ({ from }) => send(MESSAGE.READY, { python_from: from }),
  (error) => {
    const missingFile = error instanceof DownloadFailed && error.missingFile;
    const reason = missingFile ? "a file it needs is no longer on the server" : "Python could not be loaded";
    send(MESSAGE.START_FAILED, { reason, missing_file: missingFile, detail: String((error && error.stack) || error) });
  },
);

// A message that does not match its declaration throws here, at once: the page sees the error.
self.onmessage = (event) => {
  const request = received(event.data);
  if (request.type !== MESSAGE.COMPUTE) throw new Error(`the worker takes no ${request.type} message`);
  answer(request);
};

async function answer({ seq, form, calculator, inputs, today }) {
  let browser;
  try {
    ({ browser } = await ready);
  } catch {
    return; // the start's failure was already sent
  }
  try {
    const reply = JSON.parse(browser.compute_json(calculator, JSON.stringify(inputs), today));
    send(MESSAGE.RESULT, { seq, form, reply });
    if (!warmingWhenIdle) {
      warmingWhenIdle = true;
      warmUpWhenIdle(browser, calculator, inputs, today);
    }
  } catch (error) {
    send(MESSAGE.COMPUTE_FAILED, { seq, form, detail: String((error && error.message) || error) });
  }
}
