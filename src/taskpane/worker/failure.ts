/** A thrown value as the 'failed' message the session and compute workers send back (structured-clone safe). */
export interface WorkerFailure {
  id: number;
  type: 'failed';
  name: string;
  message: string;
  /** The German refusal code of the core's errors (e.g. a stale input), when the error has one. */
  code?: string;
}

export function failureMessage(id: number, e: unknown): WorkerFailure {
  const err = e as { name?: string; message?: string; code?: string };
  return {
    id,
    type: 'failed',
    name: String(err?.name ?? 'Error'),
    message: String(err?.message ?? e),
    code: err?.code,
  };
}
