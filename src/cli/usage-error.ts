// Bad usage or unreadable input: the CLI prints the one-line message and exits 2, writing nothing.
export class UsageError extends Error {}
