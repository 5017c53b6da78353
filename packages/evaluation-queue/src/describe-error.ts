/** One line naming an error's class and message; identical wherever it is produced, so reports match byte for byte. */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
