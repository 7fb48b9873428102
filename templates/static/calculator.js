// Glue between calculator forms and the Python worker (calc-worker.js): send inputs, swap in the
// HTML Python returns, keep the address in sync. The form states, the runtime's life and the
// messages are declared once in calc/protocol.py (read its docstring first) and named here only
// through the constants of the module the build generates from it. The math and the
// result HTML come from calc/, the same code the build used to prerender this page.
import { FORM_STATE, MESSAGE, PYTHON_FROM, RUNTIME_STATE, SETTING, START_PARAMETER, START_STEP, START_STEP_WORDS } from "./protocol.mjs";
import { message, received } from "./protocol-messages.mjs";

const runtime = document.querySelector("script[data-calc-runtime]");
document.documentElement.classList.add("calc-script"); // shows the answers' print and copy buttons
const settings = {
  startTimeoutMs: Number(runtime.dataset[SETTING.START_TIMEOUT_MS]),
  computeTimeoutMs: Number(runtime.dataset[SETTING.COMPUTE_TIMEOUT_MS]),
};
// A page reloaded because its files were gone does not reload again (no loop, no storage used).
const RELOADED = performance.getEntriesByType("navigation")[0]?.type === "reload";

// One record per form: the pair of inputs and results on screen that belong together (the
// prerendered pair until Python answers), and the computation in flight.
const forms = Array.from(document.querySelectorAll("form[data-calculator]"), (element, index) => ({
  index,
  element,
  results: element.querySelector("[data-results]"),
  summary: element.querySelector("[data-summary]"),
  note: element.querySelector("[data-runtime-note]"),
  progress: element.querySelector("[data-progress]"),
  bar: element.querySelector("[data-progress] progress"),
  step: element.querySelector("[data-progress-step]"),
  shown: null, // {inputs, html, summary, errors}
  shownHtml: null, // the last results HTML swapped in (null: still the prerendered results)
  inFlight: 0, // seq of the computation in flight, 0 when none
  sentInputs: null,
}));

const worker = { current: null, state: RUNTIME_STATE.IDLE, restarts: 0, seq: 0, startTimer: 0, watchdog: 0 };

function setState(form, state) {
  form.element.dataset.state = state;
  form.progress.hidden = state !== FORM_STATE.LOADING || worker.state !== RUNTIME_STATE.STARTING;
}

function inputsOf(form) {
  const inputs = {};
  for (const control of form.element.elements) {
    if (control.name) inputs[control.name] = control.value;
  }
  return inputs;
}

function sameInputs(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

function setInputs(form, inputs) {
  for (const control of form.element.elements) {
    if (control.name && control.name in inputs) control.value = inputs[control.name];
  }
}

function showErrors(form, errors) {
  for (const element of form.element.querySelectorAll("[data-error-for]")) {
    const name = element.dataset.errorFor;
    element.textContent = errors[name] || "";
    const control = form.element.elements.namedItem(name);
    if (control) {
      if (errors[name]) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    }
  }
}

// A URL value that fits no option of a select is kept as an extra option, so Python sees the
// raw value and reports it as the field's error.
function applyQuery(form) {
  const query = new URLSearchParams(location.search);
  let applied = false;
  for (const control of form.element.elements) {
    if (!control.name || !query.has(control.name)) continue;
    const value = query.get(control.name); // the first of repeated fields, as the CLI does
    if (control.tagName === "SELECT" && !Array.from(control.options).some((o) => o.value === value)) {
      const option = new Option(value, value, false, true);
      option.dataset.fromUrl = "";
      control.add(option);
    }
    control.value = value;
    applied = true;
  }
  return applied;
}

// The address follows the inputs on screen once typing pauses (and before the page is left):
// every history update is work for the browser, and a keystroke should cost only the computation.
const URL_SYNC_DELAY_MS = 300;
let pendingURL = null;
let urlTimer = 0;

function writeURL() {
  clearTimeout(urlTimer);
  if (pendingURL !== null) history.replaceState(history.state, "", pendingURL);
  pendingURL = null;
}

function syncURL(inputs) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(inputs)) {
    if (value !== "") query.set(name, value);
  }
  const search = query.toString();
  pendingURL = (search ? `?${search}` : location.pathname) + location.hash;
  clearTimeout(urlTimer);
  urlTimer = setTimeout(writeURL, URL_SYNC_DELAY_MS);
}

// A reader who leaves while a computation is in flight keeps what they typed: the address gets
// those inputs (the page computes them again on return).
window.addEventListener("pagehide", () => {
  for (const form of forms) {
    if (form.element.hasAttribute("data-sync-url") && form.element.dataset.state === FORM_STATE.LOADING) syncURL(inputsOf(form));
  }
  writeURL();
});

// Put the pair that belongs together back on screen: the inputs and the results computed for them.
function restoreShown(form) {
  const { inputs, html, summary, errors } = form.shown;
  setInputs(form, inputs);
  for (const option of form.element.querySelectorAll("option[data-from-url]")) {
    if (!option.selected) option.remove();
  }
  swapResults(form, html);
  form.shownHtml = null; // the next answer is compared with the page as it now is
  form.results.classList.remove("stale");
  form.summary.textContent = summary;
  showErrors(form, errors);
}

function showNote(form, text, retry) {
  const children = [text];
  if (retry) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "calc-retry";
    button.textContent = "Try again";
    button.addEventListener("click", retryRuntime);
    children.push(" ", button);
  }
  form.note.replaceChildren(...children);
  form.note.hidden = false;
}

function hideNote(form) {
  form.note.hidden = true;
  form.note.replaceChildren();
}

// --- The worker ---------------------------------------------------------------------------

function post(type, fields) {
  worker.current.postMessage(message(type, fields));
}

// The reader's date on their own clock, as YYYY-MM-DD (not UTC: a reader in California at 5 pm
// on 4 December is still on the 4th).
function readersToday() {
  const now = new Date();
  const pad = (number) => String(number).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function compute(form) {
  form.sentInputs = inputsOf(form);
  form.inFlight = ++worker.seq;
  post(MESSAGE.COMPUTE, {
    seq: form.inFlight, form: form.index, calculator: form.element.dataset.calculator, inputs: form.sentInputs, today: readersToday(),
  });
  armWatchdog();
}

// A worker that stops answering (stuck, or gone without an error event) is treated as lost.
function armWatchdog() {
  clearTimeout(worker.watchdog);
  if (forms.some((form) => form.inFlight)) worker.watchdog = setTimeout(() => lost("it stopped answering"), settings.computeTimeoutMs);
}

function edited(form) {
  if (worker.state === RUNTIME_STATE.FAILED) return;
  hideNote(form);
  setState(form, FORM_STATE.LOADING);
  if (worker.state === RUNTIME_STATE.IDLE) startWorker();
  else if (worker.state === RUNTIME_STATE.READY && !form.inFlight) compute(form);
  // Otherwise the answer in flight (or the start) sends these inputs when it arrives.
}

// Results are swapped in only when they differ from what is on screen: the first answer on a page
// is usually the prerendered one (compared once, parsed off the page), and replacing a long result
// (the year plan's) costs a layout; later answers compare with the last HTML shown.
function sameAsPrerendered(form, html) {
  const incoming = document.createElement("template");
  incoming.innerHTML = html; // no style or layout for a template's content
  return incoming.innerHTML.trim() === form.results.innerHTML.trim();
}

// New results keep the reader's disclosures as they left them ("Details", "Show the working").
function swapResults(form, html) {
  const open = new Set(Array.from(form.results.querySelectorAll("details[open]"), (details) => details.className));
  form.results.innerHTML = html;
  for (const details of form.results.querySelectorAll("details")) {
    if (open.has(details.className)) details.open = true;
  }
}

// The answer card's actions (Python renders them; print and copy need this script, so they are
// hidden until it runs) and the links of an invalid answer to each field to fix.
function act(form, event) {
  const target = event.target.closest("[data-action], [data-fix-field]");
  if (!target) return;
  if (target.dataset.fixField) {
    event.preventDefault();
    form.element.elements[target.dataset.fixField]?.focus();
  } else if (target.dataset.action === "print") {
    window.print();
  } else if (target.dataset.action === "copy-link") {
    writeURL(); // the address of the inputs on screen, now rather than after the typing pause
    navigator.clipboard?.writeText(location.href).then(
      () => { target.textContent = "Link copied"; },
      () => { target.textContent = "Copy the address bar instead"; },
    );
  }
}

function show(form, reply) {
  const same = form.shownHtml === null ? sameAsPrerendered(form, reply.html) : reply.html === form.shownHtml;
  if (!same) swapResults(form, reply.html);
  form.shownHtml = reply.html;
  form.results.classList.remove("stale");
  form.summary.textContent = reply.summary;
  showErrors(form, reply.errors);
  form.shown = { inputs: form.sentInputs, html: reply.html, summary: reply.summary, errors: reply.errors };
  setState(form, reply.state);
  if (form.element.hasAttribute("data-sync-url")) syncURL(form.sentInputs);
}

function onResult({ seq, form: index, reply }) {
  const form = forms[index];
  if (form.inFlight !== seq) return; // an answer from a worker that was replaced
  form.inFlight = 0;
  armWatchdog();
  if (!sameInputs(inputsOf(form), form.sentInputs)) compute(form); // newer inputs: never show older results over them
  else show(form, reply);
}

function onComputeFailed({ seq, form: index, detail }) {
  const form = forms[index];
  if (form.inFlight !== seq) return;
  form.inFlight = 0;
  armWatchdog();
  console.error(`The calculator failed on these inputs:\n${detail}`);
  restoreShown(form);
  showNote(form, "These inputs could not be computed (an error in the calculator, reported in the browser console). The results shown are for the inputs shown; change an input to try again.", false);
  setState(form, FORM_STATE.ERROR);
}

// The service worker keeps the runtime's files for later pages and offline use. On a first visit
// it was not yet in control when they downloaded; they are in the HTTP cache now, so keeping them
// costs no network.
function keepRuntimeFiles() {
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.ready.then((registration) => registration.active.postMessage(message(MESSAGE.KEEP_FILES, {}))).catch(() => {});
  }
}

function onReady({ python_from: from }) {
  clearTimeout(worker.startTimer);
  worker.state = RUNTIME_STATE.READY;
  if (from === PYTHON_FROM.ORDINARY_START) keepRuntimeFiles();
  runtime.dataset.pythonFrom = from; // one of PYTHON_FROM: for debugging and tests
  for (const form of forms) {
    form.progress.hidden = true;
    if (form.element.dataset.state !== FORM_STATE.ERROR) compute(form);
  }
}

function onProgress({ step, loaded, total }) {
  const share = step === START_STEP.DOWNLOAD ? (0.85 * loaded) / total : step === START_STEP.START ? 0.9 : 0.97;
  for (const form of forms) {
    form.bar.value = Math.round(share * 100);
    const words = START_STEP_WORDS[step];
    if (form.step.textContent !== words) form.step.textContent = words; // announced once per step, not per byte
  }
}

function onStartFailed({ reason, missing_file: missingFile, detail }) {
  console.error(`The live calculator could not start:\n${detail}`);
  // A page from an older deploy names files the server has since replaced: a reload gets the new page.
  if (missingFile && !RELOADED) {
    writeURL();
    location.reload();
    return;
  }
  failed(reason);
}

// The worker died or stopped answering: replace it once, sending its forms' inputs again.
function lost(reason) {
  if (worker.state === RUNTIME_STATE.FAILED) return;
  if (worker.restarts >= 1 || worker.state === RUNTIME_STATE.STARTING) {
    failed(reason);
    return;
  }
  worker.restarts += 1;
  console.warn(`The calculator's worker was lost (${reason}); starting a new one`);
  for (const form of forms) form.inFlight = 0;
  stopWorker();
  startWorker();
}

function failed(reason) {
  stopWorker();
  worker.state = RUNTIME_STATE.FAILED;
  for (const form of forms) {
    form.inFlight = 0;
    restoreShown(form);
    form.element.querySelector("fieldset").disabled = true;
    showNote(form, `The live calculator stopped: ${reason}. The results shown are for the inputs shown.`, true);
    setState(form, FORM_STATE.ERROR);
  }
}

function retryRuntime() {
  worker.restarts = 0;
  worker.state = RUNTIME_STATE.IDLE;
  for (const form of forms) {
    form.element.querySelector("fieldset").disabled = false;
    hideNote(form);
    setState(form, FORM_STATE.LOADING);
  }
  startWorker();
}

function stopWorker() {
  clearTimeout(worker.startTimer);
  clearTimeout(worker.watchdog);
  if (worker.current) worker.current.terminate();
  worker.current = null;
}

function onSnapshotKept() {
  runtime.dataset.pythonSnapshotKept = ""; // later pages can restore Python: for debugging and tests
}

const HANDLERS = {
  [MESSAGE.PROGRESS]: onProgress,
  [MESSAGE.READY]: onReady,
  [MESSAGE.SNAPSHOT_KEPT]: onSnapshotKept,
  [MESSAGE.START_FAILED]: onStartFailed,
  [MESSAGE.RESULT]: onResult,
  [MESSAGE.COMPUTE_FAILED]: onComputeFailed,
};

// Python's big downloads begin as the worker starts (on a calculator's page once it has painted, in
// a guide on intent), alongside the worker's own start-up rather than after it asks for them.
function preloadRuntime() {
  const words = runtime.dataset.preload.split(" ");
  for (let i = 0; i < words.length; i += 2) {
    const href = new URL(words[i + 1], location.href).href;
    if (document.querySelector(`link[rel=preload][href="${href}"]`)) continue; // a restarted worker: already asked for
    const link = Object.assign(document.createElement("link"), { rel: "preload", as: words[i], href, crossOrigin: "anonymous" });
    document.head.append(link);
  }
}

function startWorker() {
  preloadRuntime();
  const url = new URL(runtime.dataset.worker, location.href);
  // The start parameters: the runtime script's data attributes, as query parameters of the same names.
  for (const name of Object.values(START_PARAMETER)) url.searchParams.set(name, runtime.dataset[name]);
  worker.state = RUNTIME_STATE.STARTING;
  for (const form of forms) {
    if (form.element.dataset.state !== FORM_STATE.ERROR) setState(form, FORM_STATE.LOADING);
  }
  try {
    worker.current = new Worker(url, { type: "module" });
  } catch (error) {
    failed("this browser cannot run module workers");
    return;
  }
  const current = worker.current;
  worker.startTimer = setTimeout(() => failed("it took too long to start"), settings.startTimeoutMs);
  current.onmessage = (event) => {
    if (current !== worker.current) return;
    const data = received(event.data);
    HANDLERS[data.type](data);
  };
  current.onerror = (event) => {
    event.preventDefault();
    if (current !== worker.current) return;
    console.error(`The calculator's worker failed: ${event.message}`);
    if (worker.state === RUNTIME_STATE.STARTING) failed("its script could not run");
    else lost("its worker stopped");
  };
}

// --- Start --------------------------------------------------------------------------------

for (const form of forms) {
  form.shown = {
    inputs: inputsOf(form),
    html: form.results.innerHTML,
    summary: form.summary.textContent,
    errors: {},
  };
  for (const control of form.element.querySelectorAll("[aria-invalid=true]")) {
    form.shown.errors[control.name] = form.element.querySelector(`[data-error-for="${control.name}"]`).textContent;
  }
  if (form.element.hasAttribute("data-sync-url") && applyQuery(form)) {
    form.results.classList.add("stale");
    form.summary.textContent = "Calculating for the inputs in the address…";
  }
  form.element.addEventListener("input", () => edited(form));
  form.element.addEventListener("submit", (event) => event.preventDefault());
  form.element.addEventListener("click", (event) => act(form, event));
  // In a guide Python starts on the reader's first sign of interest in a calculator.
  for (const type of ["focusin", "pointerdown", "keydown"]) {
    form.element.addEventListener(type, () => worker.state === RUNTIME_STATE.IDLE && startWorker(), { passive: true });
  }
}

// A calculator's own page starts Python once the prerendered page has painted.
if (forms.length && runtime.dataset.start === "now") {
  requestAnimationFrame(() => setTimeout(() => worker.state === RUNTIME_STATE.IDLE && startWorker(), 0));
}
