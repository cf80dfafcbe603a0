/* The commons' service worker, written to the site root by the build (hooks/commons/offline.py).
   It keeps the site's shell, the pages a person has visited and the downloads they opened, so
   they load with no network. Pages come from the network first, so a reader online always sees
   the newest copy; the cache answers only when the network does not. Each build has its own
   cache: a new build replaces every copy kept by the last one. Nothing is ever sent anywhere,
   and the admin editor is never cached. */
'use strict';

const VERSION = '__COMMONS_BUILD__';
const SHELL = __COMMONS_SHELL__;
const PREFIX = 'commons-offline-';
const CACHE = PREFIX + VERSION;
const SCOPE = new URL(self.registration.scope);
const NEVER = [new URL('admin/', SCOPE).pathname, new URL('sw.js', SCOPE).pathname];
const MOST_KEPT_AGAIN = 300;

function kept(url) {
  return url.origin === SCOPE.origin && url.pathname.startsWith(SCOPE.pathname)
    && !NEVER.some((path) => url.pathname.startsWith(path));
}

async function keepAgainFromOlderBuilds(cache) {
  // The pages kept by an older build are fetched fresh into this build's cache.
  const names = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
  const urls = new Set();
  for (const name of names) {
    for (const request of await (await caches.open(name)).keys()) urls.add(request.url);
  }
  const wanted = [...urls].filter((url) => kept(new URL(url))).slice(0, MOST_KEPT_AGAIN);
  await Promise.all(wanted.map(async (url) => {
    try {
      const response = await fetch(url, {cache: 'no-cache'});
      if (response.ok) await cache.put(url, response);
    } catch (error) { /* offline now: the page is kept again on the next visit */ }
  }));
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(SHELL.map((path) => new Request(new URL(path, SCOPE), {cache: 'no-cache'})));
    await keepAgainFromOlderBuilds(cache);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

async function store(request, response) {
  if (response && response.ok && response.type === 'basic') {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

async function networkFirst(request) {
  try {
    return await store(request, await fetch(request));
  } catch (error) {
    const cache = await caches.open(CACHE);
    const copy = await cache.match(request, {ignoreSearch: true});
    if (copy) return copy;
    const home = await cache.match(new URL('./', SCOPE).href);
    if (request.mode === 'navigate' && home) return home;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const copy = await cache.match(request);
  return copy || store(request, await fetch(request));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || request.headers.has('range') || !kept(url)) return;
  const page = request.mode === 'navigate' || (request.headers.get('accept') || '').includes('text/html');
  event.respondWith(page ? networkFirst(request) : cacheFirst(request));
});

self.addEventListener('message', (event) => {
  // {keep: url}: keep a copy of the page the reader has open, and say whether it is kept.
  const data = event.data || {};
  const port = event.ports && event.ports[0];
  if (!port || typeof data.keep !== 'string') return;
  event.waitUntil((async () => {
    const url = new URL(data.keep, SCOPE);
    url.hash = '';
    if (!kept(url)) return port.postMessage({kept: false});
    const cache = await caches.open(CACHE);
    let copy = await cache.match(url.href, {ignoreSearch: true});
    if (!copy) {
      try { await store(url.href, await fetch(url.href)); } catch (error) { /* offline */ }
      copy = await cache.match(url.href, {ignoreSearch: true});
    }
    port.postMessage({kept: Boolean(copy), version: VERSION});
  })());
});
