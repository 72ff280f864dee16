/**
 * The hub metadata layer: the format, its checks, the merge of the sources
 * and the resolver. Pure TypeScript, with no JupyterLab or React import.
 */
export * from './types';
export * from './problems';
export * from './trans';
export * from './localize';
export * from './links';
export * from './defaults';
export * from './parse';
export * from './merge';
export * from './resolve';
export * from './search';
export * from './assemble';
export * from './build';
export * from './layers';
export { PLUGIN_ID } from '../ids';
export * from './limits';
export * from './text';
export * from './authority';
