/**
 * The live hub: PageConfig and the Hub REST API.
 */
export * from './context';
export * from './client';
export * from './live';
export * from './request';
export * from './sharedAdmins';
