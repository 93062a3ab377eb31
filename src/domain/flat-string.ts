// A string built by concatenation is a tree of pieces in V8 (a rope: 32 bytes a node, a message of five pieces holds
// five); reading a character makes it one flat string in place, and the next scavenge drops the tree. Worth it for
// the strings kept by the hundred thousand (the report's messages, the flags' keys), made just before.

/** `s`, flattened (the same string value: only its layout in memory changes). */
export function flatString(s: string): string {
  s.charCodeAt(0);
  return s;
}
