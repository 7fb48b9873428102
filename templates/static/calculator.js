// Glue between calculator forms and the Python worker: send inputs, swap in the
// HTML Python returns, keep the URL in sync. The math and the result HTML are
// produced by calc/ (the same code the build used to prerender this page).

const runtime = document.querySelector("script[data-calc-runtime]");
const forms = Array.from(document.querySelectorAll("form[data-calculator]"));
const START_TIMEOUT_MS = 30000; // a start slower than this is treated as a failure

let worker = null;
let restarts = 0;
let seq = 0;
let startTimer = 0;
const latestSeq = new Map(); // form index -> seq of the newest request
const prerendered = forms.map((form) => ({
  results: form.querySelector("[data-results]").innerHTML,
  summary: form.querySelector("[data-summary]").textContent,
}));

function setState(form, state) {
  form.dataset.state = state;
}

function inputsOf(form) {
  const inputs = {};
  for (const control of form.elements) {
    if (control.name) inputs[control.name] = control.value;
  }
  return inputs;
}

function applyQuery(form) {
  const query = new URLSearchParams(window.location.search);
  let applied = false;
  for (const control of form.elements) {
    if (control.name && query.has(control.name)) {
      const value = query.get(control.name);
      if (control.tagName === "SELECT" && !Array.from(control.options).some((o) => o.value === value)) {
        // Keep the raw value visible to Python, which reports it as the field's error.
        const option = new Option(value, value, false, true);
        option.dataset.fromUrl = "";
        control.add(option);
      }
      control.value = value;
      applied = true;
    }
  }
  return applied;
}

// The address follows the inputs once typing pauses (and before the page is left): every
// history update is work for the browser, and a keystroke should cost only the computation.
const URL_SYNC_DELAY_MS = 300;
let pendingURL = null;
let urlTimer = 0;

function writeURL() {
  clearTimeout(urlTimer);
  if (pendingURL !== null) history.replaceState(history.state, "", pendingURL);
  pendingURL = null;
}

function syncURL(form, inputs) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(inputs)) {
    if (value !== "") query.set(name, value);
  }
  const search = query.toString();
  pendingURL = search ? `?${search}` : window.location.pathname;
  clearTimeout(urlTimer);
  urlTimer = setTimeout(writeURL, URL_SYNC_DELAY_MS);
}

window.addEventListener("pagehide", writeURL);

function showErrors(form, errors) {
  for (const element of form.querySelectorAll("[data-error-for]")) {
    const name = element.dataset.errorFor;
    element.textContent = errors[name] || "";
    const control = form.elements.namedItem(name);
    if (control) {
      if (errors[name]) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    }
  }
}

function request(index) {
  const form = forms[index];
  const inputs = inputsOf(form);
  const mySeq = ++seq;
  latestSeq.set(index, mySeq);
  setState(form, "loading");
  if (form.hasAttribute("data-sync-url")) syncURL(form, inputs);
  if (worker) worker.postMessage({ seq: mySeq, key: index, calculator: form.dataset.calculator, inputs });
}

function show(index, seqOfResult, result) {
  if (latestSeq.get(index) !== seqOfResult) return; // an answer for older inputs
  const form = forms[index];
  const results = form.querySelector("[data-results]");
  results.innerHTML = result.html;
  results.classList.remove("stale");
  form.querySelector("[data-summary]").textContent = result.summary;
  showErrors(form, result.errors);
  setState(form, result.state);
}

function fail(reason) {
  clearTimeout(startTimer);
  if (worker) worker.terminate();
  worker = null;
  forms.forEach((form, index) => {
    form.reset();
    for (const option of form.querySelectorAll("option[data-from-url]")) option.remove();
    const results = form.querySelector("[data-results]");
    results.innerHTML = prerendered[index].results;
    results.classList.remove("stale");
    form.querySelector("[data-summary]").textContent = prerendered[index].summary;
    showErrors(form, {});
    const note = form.querySelector("[data-runtime-note]");
    note.textContent = `The live calculator could not start (${reason}). The results shown are for the inputs as the page was built; reload the page to try again.`;
    note.hidden = false;
    latestSeq.delete(index);
    setState(form, "error");
  });
}

function startWorker() {
  const url = new URL(runtime.dataset.worker, window.location.href);
  url.searchParams.set("pyodide", runtime.dataset.pyodide);
  url.searchParams.set("calc", runtime.dataset.calcArchive);
  url.searchParams.set("snapshot", runtime.dataset.pythonSnapshot);
  url.searchParams.set("limits", runtime.dataset.limits);
  url.searchParams.set("base", runtime.dataset.basePath);
  let ready = false;
  try {
    worker = new Worker(url, { type: "module" });
  } catch (error) {
    fail("this browser cannot run module workers");
    return;
  }
  startTimer = setTimeout(() => fail("it took too long to load"), START_TIMEOUT_MS);
  worker.onmessage = (event) => {
    const message = event.data;
    if (message.type === "ready") {
      ready = true;
      clearTimeout(startTimer);
      runtime.dataset.pythonFrom = message.from; // "snapshot" or "ordinary start": for debugging and tests
      forms.forEach((_, index) => request(index));
    } else if (message.type === "failed") {
      fail(message.message);
    } else if (message.type === "result") {
      show(message.key, message.seq, message.result);
    } else if (message.type === "crashed") {
      fail(`the calculation stopped: ${message.message}`);
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    if (ready && restarts === 0) {
      restarts += 1; // a worker that dies mid-session is restarted once
      worker.terminate();
      startWorker();
    } else {
      fail(event.message || "the worker script failed");
    }
  };
  forms.forEach((form) => setState(form, "loading"));
}

forms.forEach((form, index) => {
  if (form.hasAttribute("data-sync-url") && applyQuery(form)) {
    form.querySelector("[data-results]").classList.add("stale");
    form.querySelector("[data-summary]").textContent = "Calculating for the inputs in the address…";
  }
  form.addEventListener("input", () => request(index));
  form.addEventListener("submit", (event) => event.preventDefault());
});

// On a first visit, give the service worker (registered by site.js) a moment to take
// control, so Pyodide's files are cached as they download and later pages skip them.
async function whenControlled() {
  if (!("serviceWorker" in navigator) || navigator.serviceWorker.controller) return;
  await Promise.race([
    new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true })),
    new Promise((resolve) => setTimeout(resolve, 1000)),
  ]);
}

// Start Python only after the prerendered page has painted.
if (forms.length) requestAnimationFrame(() => setTimeout(() => whenControlled().then(startWorker), 0));
