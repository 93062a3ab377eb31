// Reading the task pane through its data-testid contract, and waiting on the fake's state in the page.
import type { Page } from "playwright-core";
import { missingUi } from "./harness";

/** The number a count element shows ("12", or "错误 12"). */
export async function countOf(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).first().textContent()) ?? "";
  const m = /\d+/.exec(text);
  if (!m) throw new Error(`${testId} shows no number: "${text}"`);
  return Number(m[0]);
}

/** Waits until `fn(arg)`, run in the page, is truthy. */
export async function until<A>(page: Page, fn: (arg: A) => unknown, arg: A, timeout = 30_000): Promise<void> {
  await page.waitForFunction(fn as never, arg, { timeout });
}

/** describe() when the task pane's sources are here, else describe.skip() with a message naming what is missing. */
export function describeUi(name: string, enabled: boolean, fn: () => void): void {
  const missing = missingUi();
  if (enabled && missing.length) console.warn(`skipping "${name}": the task pane is not there yet (missing: ${missing.join(", ")})`);
  (enabled && missing.length === 0 ? describe : describe.skip)(name, fn);
}
