// Keeping pre-disclosure information current (事前公开 "动态调整"): when a law, an organisation or
// a credential changes, the agency records the change with the day it happened; the profile's
// disclosure.preDisclosureUpdate gives the limit (上海 五（一） 20 working days, 薛城区 附件1
// 第十四条 7 days, national and 南昌 "dynamic" — no number, so no due date is invented); a deadline
// row is opened, and the agency confirms when the updated information is public, which closes
// it as met or missed. Overdue is derived from the injectable clock at read time.
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { ProfileId } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { chinaToday } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import { requireAgencyScope, type Actor, type Principal } from '../../shared/policy.ts';
import { closeDeadline } from '../deadlines/deadlines.service.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import { requireAgencyTarget } from '../org/org.service.ts';
import { describeDeadline } from '../profile/profile.rules.ts';
import { getEffectiveRules } from '../profile/profile.service.ts';
import {
  catalogueChangesRepository as repo,
  type CatalogueChangeRow,
} from './disclosure.catalogue-changes.repository.ts';
import { disclosurePolicies as p } from './disclosure.policy.ts';
import { openRuleDeadline } from './disclosure.rules.ts';
import type { CatalogueSubject } from './disclosure.tables.ts';

export const CATALOGUE_SUBJECT_LABELS: Record<CatalogueSubject, string> = {
  agency: '执法主体信息',
  unit: '内设机构',
  entrustment: '委托执法组织',
  officer: '执法人员及证件',
  power: '执法事项（权力清单）',
  service_guide: '服务指南',
  random_check_item: '随机抽查事项',
};

export interface CatalogueChangeInput {
  subject: CatalogueSubject;
  description: string;
  changedOn: string;
}

export type CatalogueChangeState = 'pending' | 'overdue' | 'published' | 'published_late';

export function changeStateOf(row: CatalogueChangeRow, today: string): CatalogueChangeState {
  if (row.published_on) {
    return row.due_on && row.published_on > row.due_on ? 'published_late' : 'published';
  }
  return row.due_on && today > row.due_on ? 'overdue' : 'pending';
}

function toView(row: CatalogueChangeRow, today: string) {
  return {
    id: row.id,
    agencyId: row.agency_id,
    subject: row.subject,
    subjectLabel: CATALOGUE_SUBJECT_LABELS[row.subject],
    description: row.description,
    changedOn: row.changed_on,
    rule: row.rule_text,
    dueOn: row.due_on,
    publishedAt: row.published_at?.toISOString() ?? null,
    state: changeStateOf(row, today),
  };
}

/** Records a change and opens its update deadline, in the caller's transaction. */
export async function recordCatalogueChange(
  trx: Transaction<Database>,
  actor: Actor,
  agencyId: string,
  input: CatalogueChangeInput,
  profile: ProfileId,
  id: string = randomUUID(),
): Promise<CatalogueChangeRow> {
  const rules = await getEffectiveRules(trx, agencyId, profile);
  const deadline = rules.disclosure.preDisclosureUpdate.effective;
  const rule = {
    ruleKey: 'disclosure.preDisclosureUpdate',
    deadline,
    text: deadline ? describeDeadline(deadline) : '未规定',
  };
  const due = await openRuleDeadline(trx, actor, rule, {
    agencyId,
    subjectType: 'disclosure_catalogue_change',
    subjectId: id,
    kind: 'disclosure.preDisclosureUpdate',
    startOn: input.changedOn,
  });
  const row = await repo.insert(trx, {
    id,
    agencyId,
    subject: input.subject,
    description: input.description,
    changedOn: input.changedOn,
    ruleText: rule.text,
    dueOn: due.dueOn,
    deadlineId: due.deadlineId,
    recordedBy: actor.userId,
  });
  await appendLedgerEntry(trx, actor, {
    kind: 'disclosure.catalogue_changed',
    subjectType: 'disclosure_catalogue_change',
    subjectId: id,
    agencyId,
    payload: { ...input, rule: rule.text, dueOn: due.dueOn },
  });
  return row;
}

export function createCatalogueChangeService(
  db: Kysely<Database>,
  options: { profile: ProfileId; clock: () => Date },
) {
  const today = () => chinaToday(options.clock());

  return {
    async record(
      principal: Principal,
      actor: Actor,
      agencyId: string,
      input: CatalogueChangeInput,
    ) {
      requireAgencyScope(
        principal,
        p.recordCatalogueChange,
        await requireAgencyTarget(db, agencyId),
      );
      if (input.changedOn > today()) {
        throw new AppError('VALIDATION_FAILED', { message: '变更日期不能晚于今天' });
      }
      return db
        .transaction()
        .execute(async (trx) =>
          toView(
            await recordCatalogueChange(trx, actor, agencyId, input, options.profile),
            today(),
          ),
        );
    },

    /** The agency confirms the updated information is public; the deadline closes. */
    async confirmPublished(principal: Principal, actor: Actor, id: string) {
      const found = await repo.find(db, id);
      if (!found) throw new AppError('NOT_FOUND', { message: '事前公开信息变更记录不存在' });
      requireAgencyScope(
        principal,
        p.recordCatalogueChange,
        await requireAgencyTarget(db, found.agency_id),
      );
      return db.transaction().execute(async (trx) => {
        const row = await repo.find(trx, id, true);
        if (!row) throw new AppError('NOT_FOUND', { message: '事前公开信息变更记录不存在' });
        if (row.published_at) throw new AppError('CATALOGUE_CHANGE_PUBLISHED');
        const now = options.clock();
        const on = chinaToday(now);
        const updated = await repo.markPublished(trx, id, now, on);
        const isLate = row.due_on !== null && on > row.due_on;
        if (row.deadline_id) {
          await closeDeadline(trx, actor, {
            deadlineId: row.deadline_id,
            status: isLate ? 'missed' : 'met',
            note: isLate ? `逾期更新（应于${row.due_on}前更新公示）` : '已按期更新公示',
          });
        }
        await appendLedgerEntry(trx, actor, {
          kind: 'disclosure.catalogue_updated',
          subjectType: 'disclosure_catalogue_change',
          subjectId: id,
          agencyId: row.agency_id,
          payload: { publishedOn: on, dueOn: row.due_on, isLate },
        });
        return toView(updated, on);
      });
    },

    async list(principal: Principal, agencyId: string, openOnly: boolean) {
      requireAgencyScope(
        principal,
        p.readCatalogueChanges,
        await requireAgencyTarget(db, agencyId),
      );
      const day = today();
      return (await repo.listOfAgency(db, agencyId, { openOnly })).map((r) => toView(r, day));
    },
  };
}
