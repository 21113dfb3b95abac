import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSizes {
  /** The entry chunk index.html loads (sign-in, flow list, shell). */
  mainGzip: number;
  /** The chunks the flow editor page loads on demand: the page (inspector, simulator), React Flow, the validators (vite.config.ts). */
  editorPageGzip: number;
  /** Every JS and CSS file of the build. */
  totalGzip: number;
}

const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Gzip sizes of a vite build of the editor. */
export function bundleSizes(outDir: string): BundleSizes {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const entry = /<script[^>]+src="\/?([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error(`No entry script in ${outDir}/index.html`);
  const assets = readdirSync(join(outDir, 'assets')).filter((name) => /\.(js|css)$/.test(name));
  const editorPage = assets.filter((name) => /^(flow-editor-page|canvas|flow-validation)-/.test(name));
  return {
    mainGzip: gzipped(join(outDir, entry)),
    editorPageGzip: editorPage.reduce((sum, name) => sum + gzipped(join(outDir, 'assets', name)), 0),
    totalGzip: assets.reduce((sum, name) => sum + gzipped(join(outDir, 'assets', name)), 0),
  };
}
