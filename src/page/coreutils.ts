// What the pages take from @jupyterlab/coreutils (scripts/build-pages.mjs
// puts this module in that package's place).
export { URLExt } from '@jupyterlab/coreutils/lib/url';
