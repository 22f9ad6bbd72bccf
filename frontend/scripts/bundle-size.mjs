#!/usr/bin/env node
// Reports the gzip size of what the browser loads initially (entry chunk, its
// static imports and CSS) versus lazily loaded chunks, from dist/.vite/manifest.json.
// Usage: node scripts/bundle-size.mjs [--max-js-kb=150]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = resolve(import.meta.dirname, '..', 'dist');
const manifest = JSON.parse(readFileSync(resolve(dist, '.vite/manifest.json'), 'utf8'));
const gz = (file) => gzipSync(readFileSync(resolve(dist, file)), { level: 9 }).length;

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const initial = new Set();
const css = new Set();
(function walk(key) {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  for (const c of chunk.css ?? []) css.add(c);
  for (const imported of chunk.imports ?? []) walk(imported);
})(entryKey);

const lazy = new Set(
  Object.values(manifest)
    .map((c) => c.file)
    .filter((f) => f.endsWith('.js') && !initial.has(f)),
);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const jsTotal = [...initial].reduce((sum, f) => sum + gz(f), 0);
const cssTotal = [...css].reduce((sum, f) => sum + gz(f), 0);
const lazyTotal = [...lazy].reduce((sum, f) => sum + gz(f), 0);
console.log(`initial JS  (gzip): ${kb(jsTotal)} in ${initial.size} files`);
console.log(`initial CSS (gzip): ${kb(cssTotal)} in ${css.size} files`);
console.log(`lazy JS     (gzip): ${kb(lazyTotal)} in ${lazy.size} files`);
const max = process.argv.find((a) => a.startsWith('--max-js-kb='));
if (max && jsTotal / 1024 > Number(max.split('=')[1])) {
  console.error(`initial JS exceeds ${max.split('=')[1]} KB gzip`);
  process.exit(1);
}
