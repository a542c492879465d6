// Debounced autosave for one draft: collects edits into one pending patch,
// sends at most one request at a time, and can be flushed (on Ctrl+S, on
// switching drafts, on closing the window). A failed save keeps its edits
// and retries, so nothing typed is dropped.

export type SaveState = { kind: "saved" } | { kind: "saving" } | { kind: "error"; message: string };

export interface SaverOptions<P> {
  /** Sends one patch; resolves once it is on disk. */
  send: (patch: P, explicit: boolean) => Promise<void>;
  /** Called whenever the save state changes. */
  onState: (state: SaveState) => void;
  delayMs?: number;
  retryMs?: number;
}

export class Saver<P extends object> {
  private pending: P | null = null;
  private explicitPending = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private lastError: string | null = null;
  private readonly delayMs: number;
  private readonly retryMs: number;

  constructor(private readonly opts: SaverOptions<P>) {
    this.delayMs = opts.delayMs ?? 600;
    this.retryMs = opts.retryMs ?? 3000;
  }

  /** True when every edit is on disk. */
  get idle(): boolean {
    return this.pending === null && this.inFlight === null;
  }

  /** Records an edit and schedules an autosave. */
  edit(patch: P): void {
    this.pending = { ...(this.pending ?? {}), ...patch } as P;
    this.report();
    this.schedule(this.delayMs);
  }

  /**
   * Saves everything now. With `explicit`, the save is the writer's own and
   * is sent even when nothing changed (it keeps a revision); `patch` is then
   * merged in first.
   */
  async flush(explicit = false, patch?: P): Promise<void> {
    if (patch) this.pending = { ...(this.pending ?? {}), ...patch } as P;
    if (explicit) {
      this.explicitPending = true;
      if (this.pending === null) this.pending = {} as P;
    }
    this.clearTimer();
    // Wait for the request on the wire, then send what came in meanwhile.
    while (this.inFlight) await this.inFlight;
    if (this.pending !== null) await this.sendPending();
    if (this.lastError !== null) throw new Error(this.lastError);
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.inFlight) {
        // The running save reschedules when it ends.
        return;
      }
      void this.sendPending();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private sendPending(): Promise<void> {
    const patch = this.pending;
    if (patch === null) return Promise.resolve();
    const explicit = this.explicitPending;
    this.pending = null;
    this.explicitPending = false;
    this.clearTimer();
    const run = (async () => {
      try {
        await this.opts.send(patch, explicit);
        this.lastError = null;
      } catch (e) {
        // Put the edits back under any newer ones and try again later.
        this.pending = { ...patch, ...(this.pending ?? {}) } as P;
        this.explicitPending = this.explicitPending || explicit;
        this.lastError = e instanceof Error ? e.message : String(e);
      } finally {
        this.inFlight = null;
      }
      if (this.pending !== null && this.timer === null) {
        this.schedule(this.lastError === null ? this.delayMs : this.retryMs);
      }
      this.report();
    })();
    this.inFlight = run;
    this.report();
    return run;
  }

  private report(): void {
    if (this.lastError !== null) {
      this.opts.onState({ kind: "error", message: this.lastError });
    } else if (this.idle) {
      this.opts.onState({ kind: "saved" });
    } else {
      this.opts.onState({ kind: "saving" });
    }
  }
}
