// V8 compiles the engine's hot functions for the hidden classes of the objects they meet (RowScope, Tally ...), and
// drops that code when such a class dies. The engine's own class instances live only while a check runs, so every
// full GC between two checks (the add-in's next check, --fix's second one) took their classes, and with them the
// compiled code of some 40 functions, which the next check compiled again (about 40% more CPU on 100,000 rows).
// One small instance of each class, made when its module loads and kept here, keeps its hidden class alive.
const kept: object[] = [];

/** Keeps `o` for as long as the engine is loaded (a few small instances, one per class). */
export function keepShape(o: object): void {
  kept.push(o);
}
