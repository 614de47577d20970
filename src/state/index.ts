export { SymbolWindow } from './symbol-window.js';
export { WindowStore, type WindowSnapshotView } from './window-store.js';
export { type WindowSnapshot, type WindowSnapshotMeta, decodeWindowBars, encodeWindow, parseWindowSnapshot } from './window-snapshot.js';
export { InMemoryStateStore } from './in-memory-state-store.js';
export { STATE_KIND_CLASS, type StateKeyspace, type StateKind, type StateMode, stateKeyspace } from './state-keys.js';
export { type StateConfig, stateConfigSchema } from './config.js';
export { StateError, type StateErrorCode } from './errors.js';
