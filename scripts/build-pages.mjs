// Builds the hub help service's pages (the help page, and the box on the
// hub's own pages) from the panel's own modules: the same metadata layer,
// resolver, report preparation, views and translations. Output: the
// service's static files (jupyterlab_hub_help/service/static/), which the
// wheel carries.
//
// Where JupyterLab is not, two of its packages are put in place by small
// modules of ours (src/page/kit.tsx, src/page/apputils.ts): the views take a
// button, a select, a search box, four icons and a clipboard fallback from
// them, which alone would bring the whole libraries.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'jupyterlab_hub_help', 'service', 'static');
/**
 * The packages themselves, not their files (the icons are JupyterLab's own).
 */
const STAND_INS = {
  '@jupyterlab/ui-components': 'src/page/kit.tsx',
  '@jupyterlab/apputils': 'src/page/apputils.ts',
  // URLExt alone, not the whole of coreutils (PageConfig and the rest).
  '@jupyterlab/coreutils': 'src/page/coreutils.ts'
};
const standIns = {
  name: 'stand-ins',
  setup(builder) {
    builder.onResolve(
      { filter: /^@jupyterlab\/(ui-components|apputils|coreutils)$/ },
      args => ({ path: join(root, STAND_INS[args.path]) })
    );
    // JupyterLab's Gettext takes one constant from its package's tokens,
    // which would bring the server connection and the state database.
    builder.onResolve({ filter: /^\.\/tokens$/ }, args =>
      /@jupyterlab[\\/]translation[\\/]lib[\\/]gettext\.js$/.test(args.importer)
        ? { path: join(root, 'src/page/translationTokens.ts') }
        : undefined
    );
  }
};

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: [
    { in: 'src/page/help.tsx', out: 'help' },
    { in: 'style/page.css', out: 'help' },
    { in: 'src/page/hubPages.tsx', out: 'hub-pages' },
    { in: 'style/hub-pages.css', out: 'hub-pages' }
  ],
  outdir,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  jsx: 'transform',
  legalComments: 'none',
  plugins: [standIns],
  loader: { '.svg': 'text' },
  define: {
    'process.env.NODE_ENV': '"production"'
  },
  metafile: true,
  logLevel: 'warning'
});
for (const [file, { bytes }] of Object.entries(result.metafile.outputs)) {
  console.log(`${file}: ${(bytes / 1024).toFixed(1)} KiB`);
}
if (process.env.HUB_HELP_PAGES_ANALYZE) {
  const { analyzeMetafile } = await import('esbuild');
  console.log(await analyzeMetafile(result.metafile));
}
