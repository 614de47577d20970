import { type FSWatcher, watch } from 'node:fs';
import { basename, dirname } from 'node:path';
import { BehaviorSubject, type Observable, Subject } from 'rxjs';
import { type ConfigChange, diffConfig, keepRestartValues } from './config-diff.js';
import type { ScannerSchemas } from './cross-field-rules.js';
import type { CliOverride, ConfigOverride, Env } from './env-overrides.js';
import { ConfigError } from './errors.js';
import { type LoadedConfig, loadConfig } from './load-effective-config.js';
import { parseConfig, readConfigText } from './load-config.js';
import type { EngineConfig } from './schema.js';

/** What triggered a reload: the file watch, or the daemon (SIGHUP, a control request). */
export type ReloadSource = 'watch' | 'reload';

export type ConfigEvent =
  | { readonly kind: 'applied'; readonly source: ReloadSource; readonly changes: readonly ConfigChange[] }
  | { readonly kind: 'refused'; readonly source: ReloadSource; readonly issues: readonly string[] }
  | { readonly kind: 'needs-restart'; readonly source: ReloadSource; readonly changes: readonly ConfigChange[] };

export interface ConfigWatcherOptions {
  readonly file: string;
  readonly scanners: ScannerSchemas;
  /** Read again at each reload, so the environment keeps its precedence over the file. */
  readonly env?: () => Env;
  readonly cli?: readonly CliOverride[];
  /** Watch the file (default true). Without it, only `reload()` reads the file. */
  readonly watch?: boolean;
  /** Quiet time after the last file event before reading it (editors write in several steps). Default 250 ms. */
  readonly debounceMs?: number;
}

export interface ConfigWatcherStats {
  readonly applied: number;
  readonly refused: number;
  readonly needsRestart: number;
}

/**
 * The running config. `config$` replays the current frozen config and emits only validated edits whose hot
 * changes it applies atomically; needs-restart values keep their running value and are reported. A bad edit is
 * refused (events$, stats) and the running config stays.
 */
export class ConfigWatcher {
  readonly #o: ConfigWatcherOptions;
  readonly #config$: BehaviorSubject<Readonly<EngineConfig>>;
  readonly #events$ = new Subject<ConfigEvent>();
  readonly #stats = { applied: 0, refused: 0, needsRestart: 0 };
  readonly overrides: readonly ConfigOverride[];
  readonly ignored: LoadedConfig['ignored'];
  #lastText: string | undefined;
  #watcher: FSWatcher | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  private constructor(o: ConfigWatcherOptions, first: LoadedConfig, text: string) {
    this.#o = o;
    this.#config$ = new BehaviorSubject(first.config);
    this.overrides = first.overrides;
    this.ignored = first.ignored;
    this.#lastText = text;
    if (o.watch !== false) this.#watch();
  }

  /** Loads and validates the file (a ConfigError at startup is the caller's to exit on), then watches it. */
  static open(o: ConfigWatcherOptions): ConfigWatcher {
    const text = readConfigText(o.file);
    return new ConfigWatcher(o, loadConfig({ file: o.file, scanners: o.scanners, env: o.env?.(), cli: o.cli, text }), text);
  }

  get config$(): Observable<Readonly<EngineConfig>> {
    return this.#config$.asObservable();
  }

  get current(): Readonly<EngineConfig> {
    return this.#config$.getValue();
  }

  get events$(): Observable<ConfigEvent> {
    return this.#events$.asObservable();
  }

  get stats(): ConfigWatcherStats {
    return { ...this.#stats };
  }

  /** Reads, validates and applies the file now (call it on SIGHUP). Returns the events it emitted; none means unchanged. */
  reload(source: ReloadSource = 'reload'): ConfigEvent[] {
    const out: ConfigEvent[] = [];
    const emit = (e: ConfigEvent): void => {
      out.push(e);
      this.#events$.next(e);
    };
    let next: Readonly<EngineConfig>;
    let merged: Readonly<EngineConfig>;
    let diff: ReturnType<typeof diffConfig>;
    try {
      const text = readConfigText(this.#o.file);
      this.#lastText = text;
      // an editor that truncates before it writes leaves an empty file for a moment: never read that as "all defaults"
      if (text.trim() === '') throw new ConfigError(['(file): is empty (an edit in progress?)'], this.#o.file);
      next = loadConfig({ file: this.#o.file, scanners: this.#o.scanners, env: this.#o.env?.(), cli: this.#o.cli, text }).config;
      diff = diffConfig(this.current, next);
      merged = diff.restart.length === 0 ? next : parseConfig(keepRestartValues(this.current, next, diff), this.#o.scanners, this.#o.file);
    } catch (e) {
      this.#stats.refused++;
      emit({ kind: 'refused', source, issues: e instanceof ConfigError ? e.issues : [`(file): ${e instanceof Error ? e.message : String(e)}`] });
      return out;
    }
    if (diff.hot.length > 0) {
      this.#config$.next(merged);
      this.#stats.applied++;
      emit({ kind: 'applied', source, changes: diff.hot });
    }
    if (diff.restart.length > 0) {
      this.#stats.needsRestart++;
      emit({ kind: 'needs-restart', source, changes: diff.restart });
    }
    return out;
  }

  /** Stops watching and completes both streams. */
  close(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#watcher?.close();
    this.#watcher = undefined;
    this.#config$.complete();
    this.#events$.complete();
  }

  // Watches the folder, not the file: editors replace the file (a new inode) when they save.
  #watch(): void {
    const name = basename(this.#o.file);
    this.#watcher = watch(dirname(this.#o.file), { persistent: false }, (_event, filename) => {
      if (filename !== null && filename !== name) return;
      if (this.#timer !== undefined) clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#onFileEvent(), this.#o.debounceMs ?? 250);
      this.#timer.unref();
    });
    this.#watcher.on('error', (e) => {
      this.#watcher?.close();
      this.#watcher = undefined;
      this.#stats.refused++;
      this.#events$.next({ kind: 'refused', source: 'watch', issues: [`(watch): file watching stopped (${e.message}); reload with SIGHUP`] });
    });
  }

  #onFileEvent(): void {
    this.#timer = undefined;
    let text: string | undefined;
    try {
      text = readConfigText(this.#o.file);
    } catch {
      text = undefined; // gone for a moment while an editor renames: reload() reports it if it stays gone
    }
    if (text !== undefined && text === this.#lastText) return;
    this.reload('watch');
  }
}
