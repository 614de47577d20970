import { DuckDbStore, type OpenStoreOptions, StoreError } from '../store/index.js';

/**
 * Opens a DuckDB file, waiting while another process holds it (DuckDB allows one read-write process, or any
 * number of read-only ones): queue workers open the file read-only for the length of a job.
 */
export const openStoreWhenFree = async (path: string, options: OpenStoreOptions, timeoutMs = 120_000, pollMs = 250): Promise<DuckDbStore> => {
  for (let waited = 0; ; waited += pollMs) {
    try {
      return await DuckDbStore.open(path, options);
    } catch (e) {
      if (!(e instanceof StoreError && e.code === 'STORE_FILE_LOCKED') || waited >= timeoutMs) throw e;
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
};
