// Run Pagefind's own search engine (the site's pagefind.js and wasm) in Node, offline.
//
//   node pagefind_query.mjs SITE_DIR REQUEST_JSON
//
// REQUEST_JSON is {"queries": [{"term": "PLQ", "filters": {"type": ["Policy"]}}], "top": 3,
// "fragments": 10, "filters": false, "preloadFilters": false}. Prints one JSON object: for
// each query the URLs of its top results, and every file fetched up to the first query's
// results (path and bytes), as a browser would fetch them.
import { readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";

const [siteDir, requestJson] = process.argv.slice(2);
const request = JSON.parse(requestJson);
const bundle = path.resolve(siteDir, "pagefind");
const fetched = [];

globalThis.fetch = async (input) => {
  const url = new URL(String(input));
  if (url.protocol !== "file:") throw new Error(`refusing to fetch ${url}`);
  const file = fileURLToPath(url);
  const body = await readFile(file);
  fetched.push({ path: path.relative(siteDir, file), bytes: body.length });
  return new Response(body);
};

const pagefind = await import(pathToFileURL(path.join(bundle, "pagefind.js")).href);
await pagefind.options({ baseUrl: "/", excerptLength: 30 });
await pagefind.init();
if (request.preloadFilters) await pagefind.filters();

const results = [];
let firstFetches = null;
for (const query of request.queries) {
  const search = await pagefind.search(query.term ?? null, { filters: query.filters ?? {} });
  const shown = search.results.slice(0, request.fragments ?? 10);
  const data = await Promise.all(shown.map((r) => r.data()));
  results.push({
    term: query.term ?? null,
    count: search.results.length,
    urls: data.slice(0, request.top ?? 3).map((d) => d.url),
    titles: data.slice(0, request.top ?? 3).map((d) => d.meta.title),
  });
  if (firstFetches === null) firstFetches = fetched.slice();
}
process.stdout.write(JSON.stringify({ results, fetched: firstFetches ?? [],
  filters: request.filters ? await pagefind.filters() : null }));
