// Service worker: deploy-safe caching, and the site readable offline.
// - Pages (and the search index) come from the network first, past the HTTP cache
//   (GitHub Pages sends max-age=600), so a returning reader sees a new deploy on the next
//   navigation; each page read is kept for offline reading, across deploys, up to MAX_PAGES.
// - Hashed assets and Pyodide's files never change under one name: they are kept after their
//   first download. A deploy keeps this build's files and the previous build's (an open tab of the
//   old build may still start its worker), and drops older ones.
// - Offline, a page never read before gets the site's own offline page.
// The builder fills in the constants below.
const BASE = "__BASE__"; // the site's base path, e.g. "/" or "/megabackdoor/"
const FILES = __FILES__; // every hashed asset and runtime file of this build (paths)
const OFFLINE = `${BASE}offline/`;
const PAGES = "pages";
const FILES_CACHE = "__FILES_CACHE__"; // also opened by calc-worker.js, which keeps its Python snapshot there
const FILES_LIST = `${BASE}__sw/files.json`; // the list the last activated build kept, in FILES_CACHE
const MAX_PAGES = 150;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(PAGES)
      .then((cache) => cache.add(new Request(OFFLINE, { cache: "no-cache" })))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const files = await caches.open(FILES_CACHE);
      const listed = await files.match(FILES_LIST);
      const previous = listed ? await listed.json() : [];
      const keep = new Set([...FILES, ...previous, FILES_LIST]);
      for (const request of await files.keys()) {
        if (!keep.has(new URL(request.url).pathname)) await files.delete(request);
      }
      await files.put(FILES_LIST, new Response(JSON.stringify(FILES), { headers: { "Content-Type": "application/json" } }));
      // Caches of earlier versions of this worker.
      for (const name of await caches.keys()) {
        if (name !== PAGES && name !== FILES_CACHE) await caches.delete(name);
      }
      await self.clients.claim();
      // The page of a first visit loaded before this worker existed: keep it too.
      const pages = await caches.open(PAGES);
      for (const client of await self.clients.matchAll({ type: "window" })) {
        const url = new URL(client.url);
        if (url.origin === self.location.origin && url.pathname.startsWith(BASE)) {
          await keepPage(pages, url, await fetch(pageKey(url), { cache: "no-cache" }).catch(() => null));
        }
      }
    })(),
  );
});

function pageKey(url) {
  return url.origin + url.pathname; // one entry per page, whatever its query (a calculator's inputs)
}

async function keepPage(cache, url, response) {
  if (!response || !response.ok || response.type !== "basic") return;
  const key = pageKey(url);
  await cache.delete(key); // re-added last: the oldest entries come first in keys()
  await cache.put(key, response);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_PAGES))) {
    if (new URL(old.url).pathname !== OFFLINE) await cache.delete(old);
  }
}

async function fromFiles(request) {
  const cache = await caches.open(FILES_CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function fromNetworkFirst(request, url) {
  const cache = await caches.open(PAGES);
  try {
    // redirect "manual": a redirect (e.g. to add a trailing slash) goes back to the browser as is.
    const response = await fetch(new Request(url.href, { cache: "no-cache", redirect: "manual", credentials: "same-origin" }));
    await keepPage(cache, url, response.clone());
    return response;
  } catch (error) {
    const hit = await cache.match(pageKey(url));
    if (hit) return hit;
    if (request.mode === "navigate") {
      const offline = await cache.match(OFFLINE);
      if (offline) return offline;
    }
    throw error;
  }
}

// A page whose Python is up asks for this build's files to be kept (they come from the HTTP cache).
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "__KEEP_FILES__") {
    const snapshot = /\/assets\/python-snapshot-/; // made by the worker itself, never on the server
    event.waitUntil(Promise.all(FILES.filter((file) => !snapshot.test(file)).map((file) => fromFiles(new Request(file)).catch(() => null))));
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) return;
  if (FILES.includes(url.pathname) || url.pathname.startsWith(`${BASE}assets/`) || url.pathname.startsWith(`${BASE}pyodide/`)) {
    event.respondWith(fromFiles(request));
  } else if (request.mode === "navigate" || url.pathname.endsWith("/") || url.pathname.endsWith(".html") || url.pathname.endsWith("search-index.json")) {
    event.respondWith(fromNetworkFirst(request, url));
  }
});
