// Service worker: keeps the heavy, versioned files (Pyodide, the calc archive, hashed
// assets) after their first download, so later pages start Python without the network,
// and keeps visited pages for offline reading. The builder fills in the three constants.
const BUILD = "__BUILD__"; // changes whenever any hashed asset changes
const BASE = "__BASE__"; // the site's base path, e.g. "/" or "/megabackdoor/"
const PYODIDE = "__PYODIDE__"; // e.g. "/megabackdoor/pyodide/314.0.7/"

const PYODIDE_CACHE = `pyodide-${PYODIDE}`; // survives builds that keep the same Pyodide
const ASSET_CACHE = `assets-${BUILD}`;
const PAGE_CACHE = `pages-${BUILD}`;
const KEEP = [PYODIDE_CACHE, ASSET_CACHE, PAGE_CACHE];

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  // A new build's files replace the old ones: drop every cache this build does not use.
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => !KEEP.includes(n)).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

async function cacheFirst(cacheName, request) {
  const cache = await caches.open(cacheName);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) cache.put(request, response.clone());
  return response;
}

// The Python snapshot arrives gzipped (6.5 MB instead of 31 MB); it is kept inflated, so a later
// page's worker restores it without spending a few hundred milliseconds inflating it again.
async function inflatedSnapshot(request) {
  const cache = await caches.open(ASSET_CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (!response.ok) return response;
  const bytes = new Uint8Array(await response.arrayBuffer());
  let body = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    body = await new Response(inflated).arrayBuffer();
  }
  const headers = { "Content-Type": "application/octet-stream" };
  cache.put(request, new Response(body, { headers }));
  return new Response(body, { headers });
}

async function networkFirst(request) {
  const cache = await caches.open(PAGE_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) cache.put(request, response.clone());
    return response;
  } catch (error) {
    const hit = await cache.match(request, { ignoreSearch: true });
    if (hit) return hit;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) return;
  if (url.pathname.startsWith(PYODIDE)) {
    event.respondWith(cacheFirst(PYODIDE_CACHE, request));
  } else if (url.pathname.startsWith(`${BASE}assets/python-snapshot-`)) {
    event.respondWith(inflatedSnapshot(request));
  } else if (url.pathname.startsWith(`${BASE}assets/`)) {
    event.respondWith(cacheFirst(ASSET_CACHE, request));
  } else if (request.mode === "navigate" || url.pathname.endsWith("/") || url.pathname.endsWith(".html")) {
    event.respondWith(networkFirst(request));
  }
});
