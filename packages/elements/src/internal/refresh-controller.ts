import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Options for {@link RefreshController}. */
export interface RefreshOptions {
  /** Milliseconds between refreshes; 0, negative or not finite turns polling off. Read each time. */
  intervalMs: () => number;
  /** Does one refresh; the next is scheduled when it settles (so refreshes never overlap). */
  refresh: () => Promise<unknown>;
  /** Whether polling is wanted now (e.g. false before the first load or once nothing can change). */
  active: () => boolean;
}

/**
 * Calls `refresh` every `intervalMs` while the host is connected, `active()` holds and the page
 * is visible. Hidden pages pause (no timers, no requests); when the page becomes visible again it
 * refreshes at once and resumes. Disconnecting the host stops it.
 */
export class RefreshController implements ReactiveController {
  readonly #options: RefreshOptions;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #connected = false;
  #running = false;

  constructor(host: ReactiveControllerHost, options: RefreshOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.restart();
  }

  hostDisconnected(): void {
    this.#connected = false;
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#clear();
  }

  /** Starts counting a full interval from now (call after a manual load or a settings change). */
  restart(): void {
    this.#clear();
    if (!this.#connected || document.visibilityState === 'hidden' || this.#running) return;
    if (!this.#options.active()) return;
    const interval = this.#options.intervalMs();
    if (!Number.isFinite(interval) || interval <= 0) return;
    this.#timer = setTimeout(() => void this.#tick(), interval);
  }

  /** Whether a refresh is scheduled. */
  get scheduled(): boolean {
    return this.#timer !== undefined;
  }

  async #tick(): Promise<void> {
    this.#timer = undefined;
    if (!this.#connected || !this.#options.active()) return;
    this.#running = true;
    try {
      await this.#options.refresh();
    } catch {
      // The host shows its own errors; polling goes on.
    } finally {
      this.#running = false;
    }
    this.restart();
  }

  #clear(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  readonly #onVisibility = (): void => {
    if (document.visibilityState === 'hidden') {
      this.#clear();
    } else if (
      this.#connected &&
      !this.#running &&
      this.#options.active() &&
      this.#options.intervalMs() > 0
    ) {
      void this.#tick();
    }
  };
}
