// Text written through office.js is taken as if typed: "0123" becomes 123, an 18-digit ID loses its last digits,
// "2025-01-02" becomes a date, "=x" a formula. A leading apostrophe keeps it text (Excel stores the text without
// it), so the product writes text with one wherever Excel might read it otherwise.

/** Whether Excel could read `s`, typed into a cell, as something other than this very text. */
export function mightParse(s: string): boolean {
  return /\d/.test(s) || /^[\s=+\-@'#]/.test(s) || /^\s*(true|false)\s*$/i.test(s);
}

/** The string to write so the cell holds exactly the text `s` ("" clears the cell). */
export function asText(s: string): string {
  return s !== "" && mightParse(s) ? `'${s}` : s;
}
