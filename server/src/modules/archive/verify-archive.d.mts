// Types of the dependency-free verifier (verify-archive.mjs) for the TypeScript callers.
export type ArchiveCheck = 'authenticity' | 'integrity' | 'usability' | 'security';

export interface ArchiveProblem {
  check: ArchiveCheck;
  label: string;
  kind: string;
  where: string;
  detail: string;
}

export interface ArchiveVerification {
  ok: boolean;
  problems: ArchiveProblem[];
  stats: { entries: number; files: number; disposed: number };
}

export function verifyArchive(
  dir: string,
  options?: { trustedKeyPem?: string },
): ArchiveVerification;
export function formatReport(result: ArchiveVerification): string;
export function canonicalJson(value: unknown): string;
export function sm2Verify(
  message: Uint8Array,
  signature: Uint8Array,
  publicKey: unknown,
  id?: string,
): boolean;
export function verifyInclusion(
  leafHash: Buffer,
  index: number,
  treeSize: number,
  proof: Buffer[],
  root: Buffer,
): boolean;
