// Names what happened to entries that no longer match the leaf stored for their position. The
// stored leaf hashes witness where each entry originally stood: an entry matching the leaf of
// another position was moved from there; one matching no leaf nearby is new or rewritten; a leaf
// that no entry matches any more lost its entry. From these facts follow the verdicts an
// operator reads: inserted, dropped (missing), reordered, renumbered, altered.
import type { LedgerIssue } from './ledger.verify.ts';

export interface MismatchedEntry {
  seq: number;
  /** The entry's leaf hash recomputed as if it stood at another position. */
  leafHashAt(position: number): string;
}

/** How far an entry may have moved and still be recognised. */
export const MOVE_WINDOW = 32;

export function classifyMismatches(
  mismatched: readonly MismatchedEntry[],
  storedLeaf: (position: number) => string | undefined,
): LedgerIssue[] {
  const origin = new Map<number, number>();
  for (const entry of mismatched) {
    search: for (let d = 1; d <= MOVE_WINDOW; d++) {
      for (const position of [entry.seq - d, entry.seq + d]) {
        const leaf = position >= 0 ? storedLeaf(position) : undefined;
        if (leaf !== undefined && leaf === entry.leafHashAt(position)) {
          origin.set(entry.seq, position);
          break search;
        }
      }
    }
  }
  const claimed = new Set(origin.values());
  const moved = mismatched.filter((e) => origin.has(e.seq));
  const issues: LedgerIssue[] = [];

  for (const entry of mismatched.filter((e) => !origin.has(e.seq))) {
    const isOriginalElsewhere = storedLeaf(entry.seq) === undefined || claimed.has(entry.seq);
    issues.push(
      isOriginalElsewhere
        ? {
            kind: 'inserted',
            seq: entry.seq,
            detail: `序号 ${entry.seq} 的记录是绕过系统插入的（账本树中没有它）`,
          }
        : {
            kind: 'altered',
            seq: entry.seq,
            detail: `序号 ${entry.seq} 的记录被改写（与账本树中该位置原有的记录不符）`,
          },
    );
  }

  // A position whose entry moved away and whose original nobody now matches: that entry is gone.
  for (const entry of moved) {
    if (storedLeaf(entry.seq) !== undefined && !claimed.has(entry.seq)) {
      issues.push({
        kind: 'missing',
        seq: entry.seq,
        detail: `序号 ${entry.seq} 的原记录被删除，其后的记录被重新编号`,
      });
    }
  }

  const shifts = moved.map((e) => e.seq - (origin.get(e.seq) ?? e.seq));
  if (moved.length > 0 && shifts.every((s) => s === shifts[0])) {
    const seqs = moved.map((e) => e.seq);
    const [low, high, shift] = [Math.min(...seqs), Math.max(...seqs), shifts[0] ?? 0];
    issues.push({
      kind: 'altered',
      seq: low,
      detail: `序号 ${low}–${high} 的记录被重新编号（整体${shift > 0 ? '后移' : '前移'} ${Math.abs(shift)} 位）`,
    });
  } else {
    for (const entry of moved) {
      issues.push({
        kind: 'reordered',
        seq: entry.seq,
        detail: `序号 ${entry.seq} 的记录位置被调换（它原本是序号 ${origin.get(entry.seq)} 的记录）`,
      });
    }
  }
  return issues;
}
