export { SymbolWindow } from './symbol-window.js';
export { WindowStore } from './window-store.js';
