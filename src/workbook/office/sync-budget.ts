/// <reference types="office-js" />
// Writes queued against a budget: the request is synced before it would pass TARGET_BYTES or MAX_ACTIONS, and
// every writing sync runs with screen updating suspended (called once per sync, as the docs ask, never per write).
import { ACTION_BYTES, MAX_ACTIONS, TARGET_BYTES } from "./payload";

/** A plan stopped while its new sheets were being built, hidden under temporary names: nothing visible was changed
 * (the next run deletes the temporary sheets). */
export class PlanCancelledError extends Error {
  constructor() {
    super("cancelled before the new sheets were put in place; nothing visible was changed");
    this.name = "PlanCancelledError";
  }
}

export class SyncBudget {
  private bytes = 0;
  private actions = 0;
  private suspended = false;
  /** Syncs this budget made. */
  syncs = 0;

  constructor(
    private readonly ctx: Excel.RequestContext,
    private readonly target = TARGET_BYTES,
    /** Aborting stops the writes at the next sync (PlanCancelledError): for sheets built out of sight only. */
    private readonly signal?: AbortSignal,
  ) {}

  /** Makes room for `actions` actions carrying `bytes` of values, syncing first when they would not fit. */
  async room(bytes: number, actions = 1): Promise<void> {
    const cost = bytes + actions * ACTION_BYTES;
    if (this.actions > 0 && (this.bytes + cost > this.target || this.actions + actions > MAX_ACTIONS)) {
      if (this.signal?.aborted) throw new PlanCancelledError();
      await this.flush();
    }
    if (!this.suspended) {
      this.ctx.application.suspendScreenUpdatingUntilNextSync();
      this.suspended = true;
      this.actions++;
    }
    this.bytes += cost;
    this.actions += actions;
  }

  /** Syncs what is queued (if anything). */
  async flush(): Promise<void> {
    if (this.actions === 0) return;
    await this.ctx.sync();
    this.syncs++;
    this.bytes = 0;
    this.actions = 0;
    this.suspended = false;
  }
}
