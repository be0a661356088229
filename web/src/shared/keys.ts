// Idempotency keys, so that a submission sent again after a lost answer (a double click, a
// dropped connection) is taken once by the server.
import { useRef } from 'react';

export function newIdempotencyKey(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

/**
 * A form's keys: the same request sent again keeps its key; a changed one (the user corrected
 * the form after a refusal or a lost answer) gets a new key, which the server would otherwise
 * refuse as reused for another request.
 */
export function useIdempotencyKeys(): (request: unknown) => string {
  const last = useRef<{ request: string; key: string } | null>(null);
  return (request) => {
    const text = JSON.stringify(request);
    if (last.current?.request !== text) last.current = { request: text, key: newIdempotencyKey() };
    return last.current.key;
  };
}
