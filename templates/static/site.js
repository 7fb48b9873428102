// Small page helpers that need no Python: checklists that remember their ticks, search, the
// service worker and "Save this site for offline use".
// Checklist state is kept in this browser's localStorage only, under keys "checklist:<guide>".
import { CACHE, MESSAGE } from "./protocol.mjs"; // generated from calc/protocol.py

function setUpChecklists() {
  for (const prose of document.querySelectorAll("[data-guide]")) {
    const boxes = Array.from(prose.querySelectorAll("input.task-list-item-checkbox"));
    if (!boxes.length) continue;
    const key = `checklist:${prose.dataset.guide}`;
    let saved = [];
    try {
      saved = JSON.parse(localStorage.getItem(key) || "[]");
    } catch {
      saved = [];
    }
    boxes.forEach((box, index) => {
      box.checked = saved.includes(index);
      box.addEventListener("change", () => {
        const ticked = boxes.flatMap((b, i) => (b.checked ? [i] : []));
        localStorage.setItem(key, JSON.stringify(ticked));
      });
    });
    const clear = document.createElement("button");
    clear.type = "button";
    clear.className = "checklist-clear";
    clear.textContent = "Clear all ticks on this page";
    clear.addEventListener("click", () => {
      boxes.forEach((box) => (box.checked = false));
      localStorage.removeItem(key);
    });
    boxes[0].closest("ul").before(clear);
  }
}

setUpChecklists();

// Search: the index (search-index.json, built with the site) is fetched only on the search page.
async function setUpSearch() {
  const form = document.querySelector("form[data-search]");
  if (!form) return;
  const input = form.querySelector("input[name=q]");
  const status = document.querySelector("[data-search-status]");
  const list = document.querySelector("[data-search-results]");
  const base = document.documentElement.dataset.basePath || "/";
  let entries = null;

  async function search(query) {
    const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    list.replaceChildren();
    if (!terms.length) {
      status.textContent = "";
      return;
    }
    if (!entries) {
      try {
        entries = await (await fetch(form.dataset.index)).json();
      } catch {
        status.textContent = "The search index could not be loaded.";
        return;
      }
    }
    const scored = [];
    for (const entry of entries) {
      const title = entry.title.toLowerCase();
      const words = ` ${entry.words} ${entry.description.toLowerCase()} ${title} `;
      if (!terms.every((term) => words.includes(` ${term}`))) continue;
      const score = terms.filter((term) => title.includes(term)).length;
      scored.push([score, entry]);
    }
    scored.sort((a, b) => b[0] - a[0]);
    for (const [, entry] of scored) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = base + entry.url;
      link.textContent = entry.title;
      const description = document.createElement("p");
      description.textContent = entry.description;
      item.append(link, description);
      list.append(item);
    }
    status.textContent = scored.length
      ? `${scored.length} page${scored.length === 1 ? "" : "s"} found for “${query}”.`
      : `Nothing found for “${query}”.`;
  }

  const initial = new URLSearchParams(window.location.search).get("q") || "";
  input.value = initial;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    history.replaceState(null, "", `?q=${encodeURIComponent(input.value)}`);
    search(input.value);
  });
  input.addEventListener("input", () => search(input.value));
  if (initial) search(initial);
}

setUpSearch();

// The service worker (sw.js) keeps Pyodide and the hashed assets, and the pages read, so later
// calculator pages start fast and read pages work offline.
if ("serviceWorker" in navigator && document.documentElement.dataset.serviceWorker) {
  navigator.serviceWorker
    .register(document.documentElement.dataset.serviceWorker, { scope: document.documentElement.dataset.basePath })
    .catch(() => {}); // without it the site works the same, only slower on later pages
}

// The offline page (served by the service worker when a page was never read here) lists the
// pages this device keeps, with their titles.
async function listSavedPages() {
  const box = document.querySelector("[data-offline-pages]");
  if (!box || !("caches" in window)) return;
  const cache = await caches.open(CACHE.PAGES);
  const items = [];
  for (const request of await cache.keys()) {
    const url = new URL(request.url);
    if (url.pathname.endsWith("/offline/")) continue;
    const html = await (await cache.match(request)).text();
    const title = (html.match(/<title>([^<]*)<\/title>/) || [])[1] || url.pathname;
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = url.pathname;
    link.textContent = new DOMParser().parseFromString(title, "text/html").documentElement.textContent;
    item.append(link);
    items.push(item);
  }
  if (items.length) {
    box.querySelector("[data-offline-list]").replaceChildren(...items);
    box.hidden = false;
  }
}

listSavedPages();

// "Save this site for offline use": the service worker keeps every page and file of this build,
// then the page says what this device now holds. Without a service worker the control stays hidden.
function setUpSaveForOffline() {
  const box = document.querySelector("[data-save-offline]");
  if (!box || !("serviceWorker" in navigator) || !("caches" in window) || !document.documentElement.dataset.serviceWorker) return;
  const button = box.querySelector("button");
  const status = box.querySelector("[data-save-status]");
  box.hidden = false;
  button.addEventListener("click", async () => {
    button.disabled = true;
    status.textContent = "Saving every page and the calculators…";
    try {
      const reply = await askServiceWorker({ type: MESSAGE.SAVE_SITE });
      const estimate = navigator.storage && navigator.storage.estimate ? await navigator.storage.estimate() : {};
      const used = estimate.usage ? ` (${(estimate.usage / 1e6).toFixed(1)} MB on this device)` : "";
      status.textContent = reply.failed
        ? `Saved ${reply.pages} pages, but ${reply.failed} downloads failed: try again when the connection is better.`
        : `Saved: all ${reply.pages} pages and the calculators now work offline${used}.`;
    } catch {
      status.textContent = "The site could not be saved here: try again when the page has fully loaded.";
    }
    button.disabled = false;
  });
}

// One message to the active service worker, answered on its own channel (rejects after 5 minutes).
async function askServiceWorker(message) {
  const registration = await Promise.race([
    navigator.serviceWorker.ready,
    new Promise((_, reject) => setTimeout(() => reject(new Error("no service worker")), 10000)),
  ]);
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data);
    registration.active.postMessage(message, [channel.port2]);
    setTimeout(() => reject(new Error("no answer")), 300000);
  });
}

setUpSaveForOffline();
