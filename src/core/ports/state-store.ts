/** Snapshot persistence for warm restarts. Memory is the truth; the store only makes restarts warm. */
export interface StateStore {
  load(key: string): Promise<unknown>;
  /** Write-behind: never waits on I/O. */
  save(key: string, snapshot: unknown): void;
  flush(): Promise<void>;
}
