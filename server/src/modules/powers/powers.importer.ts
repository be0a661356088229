// The bulk import of a CSV or XLSX file into an agency's catalogue: every row of every sheet is
// checked first, and a single problem anywhere refuses the whole file; otherwise one transaction
// writes every row and one ledger entry. Reading and checking the file is pure (powers.file.ts,
// powers.import.ts); this file holds the database side.
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { requireAgencyScope, type Actor, type Principal } from '../../shared/policy.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import { detectFormat, readSheets } from './powers.file.ts';
import { planImport } from './powers.import.ts';
import { powersPolicies } from './powers.policy.ts';
import * as repo from './powers.repository.ts';
import { requireAgencyTarget } from '../org/org.service.ts';
import { powerContentOf, randomCheckContentOf } from './powers.rules.ts';
import type { ImportResult } from './powers.schemas.ts';

/** At most this many problems are listed; a sheet that is wrong throughout needs no more. */
const MAX_LISTED_ISSUES = 500;

export function createPowersImporter(db: Kysely<Database>) {
  async function agencyInScope(principal: Principal, agencyId: string) {
    requireAgencyScope(principal, powersPolicies.import, await requireAgencyTarget(db, agencyId));
  }

  return {
    /**
     * Imports a CSV or XLSX file: every row is checked first, and a single problem anywhere
     * refuses the whole file (422 with every problem listed). Rows whose code exists update that
     * power (upsert by agency and code); identical rows change nothing.
     */
    async importFile(
      principal: Principal,
      actor: Actor,
      agencyId: string,
      file: { bytes: Buffer; mediaType: string; dryRun: boolean },
    ): Promise<ImportResult> {
      await agencyInScope(principal, agencyId);
      const format = detectFormat(file.bytes, file.mediaType);
      const sheets = await readSheets(file.bytes, format);

      return db.transaction().execute(async (trx) => {
        if (!file.dryRun) {
          // Two imports for one agency at once would race on new codes; they take turns.
          await sql`select pg_advisory_xact_lock(hashtext(${`powers.import:${agencyId}`}))`.execute(
            trx,
          );
        }
        const powers = await repo.powersByCode(trx, agencyId);
        const checks = await repo.randomChecksByCode(trx, agencyId);
        const plan = planImport(sheets, {
          unitIdsByName: await repo.unitIdsByName(trx, agencyId),
          powerStatusByCode: new Map([...powers].map(([code, p]) => [code, p.status])),
          randomCheckStatusByCode: new Map([...checks].map(([code, c]) => [code, c.status])),
        });
        if (plan.issues.length > 0) {
          const listed = plan.issues.slice(0, MAX_LISTED_ISSUES);
          const more = plan.issues.length > listed.length ? `，以下列出前 ${listed.length} 个` : '';
          throw new AppError('IMPORT_ROWS_INVALID', {
            message: `导入文件中有 ${plan.issues.length} 个问题${more}，未导入任何数据`,
            details: listed,
          });
        }
        if (plan.powers.length + plan.randomCheckItems.length === 0)
          throw new AppError('IMPORT_EMPTY');

        const result: ImportResult = {
          dryRun: file.dryRun,
          format,
          powers: { created: [], updated: [], unchanged: [] },
          randomCheckItems: { created: [], updated: [], unchanged: [] },
        };
        const powerIds = new Map([...powers].map(([code, p]) => [code, p.id]));
        for (const row of plan.powers) {
          const existing = powers.get(row.code);
          if (!existing) {
            result.powers.created.push(row.code);
            if (!file.dryRun) {
              powerIds.set(row.code, await repo.insertPower(trx, agencyId, row.code, row.content));
            }
          } else if (sameJson(powerContentOf(existing), row.content)) {
            result.powers.unchanged.push(row.code);
          } else {
            result.powers.updated.push(row.code);
            if (!file.dryRun) await repo.updatePower(trx, existing.id, row.content);
          }
        }
        for (const row of plan.randomCheckItems) {
          // In a dry run a new power has no id yet; its placeholder differs from any stored id.
          const powerId = row.powerCode
            ? (powerIds.get(row.powerCode) ?? `new:${row.powerCode}`)
            : null;
          const existing = checks.get(row.code);
          if (!existing) {
            result.randomCheckItems.created.push(row.code);
            if (!file.dryRun)
              await repo.insertRandomCheck(trx, agencyId, row.code, row.content, powerId);
          } else if (
            existing.powerId === powerId &&
            sameJson(randomCheckContentOf(existing), row.content)
          ) {
            result.randomCheckItems.unchanged.push(row.code);
          } else {
            result.randomCheckItems.updated.push(row.code);
            if (!file.dryRun) await repo.updateRandomCheck(trx, existing.id, row.content, powerId);
          }
        }
        if (!file.dryRun) {
          await appendLedgerEntry(trx, actor, {
            kind: 'powers.imported',
            subjectType: 'agency',
            subjectId: agencyId,
            agencyId,
            payload: {
              format,
              fileSha256: createHash('sha256').update(file.bytes).digest('hex'),
              powers: result.powers,
              randomCheckItems: result.randomCheckItems,
            },
          });
        }
        return result;
      });
    },
  };
}

export type PowersImporter = ReturnType<typeof createPowersImporter>;

/** Equality of JSON documents regardless of key order (jsonb stores keys in its own order). */
function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
