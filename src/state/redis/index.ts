export { RedisStateStore, type RedisStateStoreOptions } from './redis-state-store.js';
export { openStateStore } from './open-state-store.js';
