// The sheet a defined name refers to: how the product finds its own sheets (`_RosterAssistant_<role>`).

/** The sheet a name's formula starts with (`='名册问题'!$A$1`, `Sheet1!$A$1`); undefined for #REF! and constants. */
export function sheetOfReference(formula: string): string | undefined {
  const f = formula.trim().replace(/^=/, "");
  const quoted = /^'((?:[^']|'')+)'!/.exec(f);
  if (quoted) return quoted[1].replace(/''/g, "'");
  const plain = /^([^!'"#()=,;:\s]+)!/.exec(f);
  return plain ? plain[1] : undefined;
}
