// Events of the fake object model: `x.onChanged.add(handler)` registers at the next sync, as office.js does, and
// gives a result whose remove() unregisters at the sync after. Registrations are recorded on the model; nothing
// fires them but Fake.fire (a test standing in for the user's edit).
import { FakeContext } from "./fake-client";
import { FakeHandler } from "./fake-model";

export class EventHandlerResult {
  constructor(private readonly inner: FakeContext, private readonly made: () => FakeHandler | undefined) {}

  /** The request context that added the handler: office.js removes a handler through it (Excel.run(context, ...)). */
  get context(): unknown {
    return this.inner.outer;
  }

  remove(): void {
    this.inner.enqueue({
      name: "event.remove", payload: [], write: false,
      exec: () => {
        const h = this.made();
        if (h) h.removed = true;
      },
    });
  }
}

export class EventSlot {
  constructor(private readonly context: FakeContext, private readonly source: () => string, private readonly event: string) {}

  add(handler: (args: unknown) => unknown): EventHandlerResult {
    if (typeof handler !== "function") throw new Error(`fake Excel: ${this.event}.add needs a function`);
    let made: FakeHandler | undefined;
    this.context.enqueue({
      name: `${this.event}.add`, payload: [], write: false,
      exec: () => {
        const model = this.context.model;
        made = { id: model.newId("handler"), source: this.source(), event: this.event, handler, removed: false };
        model.handlers.push(made);
      },
    });
    return new EventHandlerResult(this.context, () => made);
  }
}

/** Event slots of an object, by name ("onChanged", ...): `source` names what they belong to in the record. */
export function eventSlots<N extends string>(context: FakeContext, source: () => string, names: readonly N[]): Record<N, EventSlot> {
  return Object.fromEntries(names.map((n) => [n, new EventSlot(context, source, n)])) as Record<N, EventSlot>;
}
