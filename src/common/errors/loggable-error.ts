/**
 * What may be logged of an unexpected error: its type, its code and its stack frames. Never its
 * message, which may quote data (database errors quote the values they refused).
 */
export function loggableError(error: unknown): { errorType: string; code?: string; frames?: string } {
  if (!(error instanceof Error)) return { errorType: typeof error };
  const code = (error as { code?: unknown }).code;
  const frames = error.stack
    ?.split('\n')
    .filter((line) => line.startsWith('    at '))
    .join('\n');
  return { errorType: error.name, ...(typeof code === 'string' ? { code } : {}), frames };
}
