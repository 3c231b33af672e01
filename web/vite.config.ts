import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

/**
 * Every imported .json file becomes `export default JSON.parse("…")`: the catalogs are about
 * 700 kB of JSON on the page's first script (more in the workers), and a browser reads a JSON
 * string several times faster than the same data written as an object literal, which is how the
 * bundler emits JSON by default (vite's json.stringify does not reach it here).
 */
function jsonParsed(): Plugin {
  return {
    name: 'json-parsed',
    enforce: 'pre',
    load(id) {
      const [path] = id.split('?');
      if (path === undefined || !path.endsWith('.json')) return null;
      const minified = JSON.stringify(JSON.parse(readFileSync(path, 'utf8')));
      return { code: `export default JSON.parse(${JSON.stringify(minified)});`, moduleType: 'js' };
    },
  };
}

// The explorer is a static site: the core runs in the browser, heavy runs in a Web Worker.
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  worker: { format: 'es', plugins: () => [jsonParsed()] },
  plugins: [jsonParsed()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
