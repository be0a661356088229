// Idempotency keys: one per opened form, so a submission sent again after a lost answer (a double
// click, a dropped connection) is taken once by the server.
export function newIdempotencyKey(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}
