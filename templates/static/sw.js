// Service worker: deploy-safe caching, and the site readable offline.
// - Pages (and the search index) come from the network first, past the HTTP cache
//   (GitHub Pages sends max-age=600), so a returning reader sees a new deploy on the next
//   navigation; each page read is kept for offline reading, across deploys, up to MAX_PAGES.
// - Hashed assets and Pyodide's files never change under one name: they are kept after their
//   first download. A deploy keeps this build's files and the previous build's (an open tab of the
//   old build may still start its worker), and drops older ones.
// - Offline, a page never read before gets the site's own offline page.
// - "Save this site for offline use" (a button on every page) keeps every page and file at once.
// A classic script, so that every browser with service workers runs it (a module service worker
// needs Firefox 147): it cannot import the generated protocol.mjs, so the build writes the same
// constants (calc/protocol.py) at the marker below, with this build's
//   BASE        the site's base path, e.g. "/" or "/megabackdoor/"
//   FILES       every hashed asset and runtime file of this build (paths)
//   SITE_PAGES  every page of this build and the search index (paths), for "Save this site"
/*CONSTANTS*/
const OFFLINE = `${BASE}offline/`;
const FILES_LIST = `${BASE}__sw/files.json`; // the list the last activated build kept, in CACHE.FILES
const MAX_PAGES = Math.max(150, 2 * SITE_PAGES.length); // every page of a saved site, and room for more

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE.PAGES)
      .then((cache) => cache.add(new Request(OFFLINE, { cache: "no-cache" })))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const files = await caches.open(CACHE.FILES);
      const listed = await files.match(FILES_LIST);
      const previous = listed ? await listed.json() : [];
      const keep = new Set([...FILES, ...previous, FILES_LIST]);
      for (const request of await files.keys()) {
        if (!keep.has(new URL(request.url).pathname)) await files.delete(request);
      }
      await files.put(FILES_LIST, new Response(JSON.stringify(FILES), { headers: { "Content-Type": "application/json" } }));
      // Caches of earlier versions of this worker.
      for (const name of await caches.keys()) {
        if (!Object.values(CACHE).includes(name)) await caches.delete(name);
      }
      await self.clients.claim();
      // The page of a first visit loaded before this worker existed: keep it too.
      const pages = await caches.open(CACHE.PAGES);
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

// A file is kept under its path alone: the worker's script carries its settings in a query, and
// the file is the same whatever the query says. Served for a URL with a query, the kept response
// is copied without its own URL, so the worker's location keeps the query it was started with.
async function fromFiles(request) {
  const cache = await caches.open(CACHE.FILES);
  const url = new URL(request.url);
  const key = url.origin + url.pathname;
  const hit = await cache.match(key);
  if (hit) return url.search ? new Response(hit.body, { status: hit.status, statusText: hit.statusText, headers: hit.headers }) : hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(key, response.clone());
  return response;
}

const FILE_FOLDERS = [PATH.ASSETS, PATH.PYODIDE].map((folder) => BASE + folder);

async function fromNetworkFirst(request, url) {
  const cache = await caches.open(CACHE.PAGES);
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

const SNAPSHOT = `${BASE}${PATH.ASSETS}${PATH.SNAPSHOT}`; // made by the worker itself, never on the server

// Every file of this build, from the cache or the network: how many are kept.
async function keepFiles() {
  const kept = await Promise.all(FILES.filter((file) => !file.startsWith(SNAPSHOT)).map((file) => fromFiles(new Request(file)).then((r) => r.ok, () => false)));
  return { files: kept.filter(Boolean).length, failed: kept.filter((ok) => !ok).length };
}

// Every page of this build, fresh from the network, then every file.
async function saveSite() {
  const pages = await caches.open(CACHE.PAGES);
  let saved = 0;
  let failed = 0;
  for (const path of SITE_PAGES) {
    const url = new URL(path, self.location.origin);
    const response = await fetch(new Request(url.href, { cache: "no-cache", credentials: "same-origin" })).catch(() => null);
    if (response && response.ok) {
      await keepPage(pages, url, response);
      saved += 1;
    } else {
      failed += 1;
    }
  }
  const files = await keepFiles();
  return { type: MESSAGE.SITE_SAVED, pages: saved, files: files.files, failed: failed + files.failed };
}

self.addEventListener("message", (event) => {
  const type = event.data && event.data.type;
  if (type === MESSAGE.KEEP_FILES) {
    // A page whose Python is up: keep this build's files (they come from the HTTP cache by then).
    event.waitUntil(keepFiles());
  } else if (type === MESSAGE.SAVE_SITE && event.ports[0]) {
    event.waitUntil(saveSite().then((reply) => event.ports[0].postMessage(reply)));
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) return;
  if (FILES.includes(url.pathname) || FILE_FOLDERS.some((folder) => url.pathname.startsWith(folder))) {
    event.respondWith(fromFiles(request));
  } else if (request.mode === "navigate" || url.pathname.endsWith("/") || url.pathname.endsWith(".html") || url.pathname.endsWith("search-index.json")) {
    event.respondWith(fromNetworkFirst(request, url));
  }
});
