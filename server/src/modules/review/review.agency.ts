// Agency-level views of legal review: the queue of a review body with countdowns and overdue
// flags, the staffing report (reviewers ≥ the profile's share of officers, N 四（十一）; SH 附件3 八;
// NC 11(1)), and the agency's "major" catalogue with its own filed extensions (NC 12; XC 附件3
// 第八条: adjusted "报本级政府法制机构备案后执行").
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { chinaToday } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import { requireAgencyScope, type Actor, type Principal } from '../../shared/policy.ts';
import { loadWorkingDayCalendar } from '../calendar/calendar.service.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import { requireAgencyTarget } from '../org/org.service.ts';
import { getEffectiveRules } from '../profile/profile.service.ts';
import { CATALOG_EXTENSION_LABELS } from '../profile/profile.vocabulary.ts';
import { citeSource, type EvaluatedEntry } from './review.catalog.ts';
import { reviewPolicies as p } from './review.policy.ts';
import { reviewRepository as repo } from './review.repository.ts';
import type { CatalogExtensionInput } from './review.schemas.ts';
import type { ReviewServiceOptions } from './review.service.ts';
import { calendarYears, countdown } from './review.view.ts';

export function createReviewAgencyService(db: Kysely<Database>, options: ReviewServiceOptions) {
  async function catalogEntries(agencyId: string) {
    const rules = await getEffectiveRules(db, agencyId, options.config.PROFILE);
    const entries: EvaluatedEntry[] = [
      ...rules.majorCatalog.entries.effective,
      ...(await repo.listCatalogExtensions(db, agencyId)),
    ];
    return { rules, entries };
  }

  async function catalog(principal: Principal, agencyId: string) {
    requireAgencyScope(principal, p.readCatalog, await requireAgencyTarget(db, agencyId));
    const { rules, entries } = await catalogEntries(agencyId);
    const mode = rules.majorCatalog.extension;
    return {
      agencyId,
      profile: { id: rules.profile.id, name: rules.profile.name, version: rules.profile.version },
      extensionMode:
        mode.effective && mode.source
          ? {
              code: mode.effective,
              label: CATALOG_EXTENSION_LABELS[mode.effective],
              citation: citeSource(mode.source),
            }
          : null,
      entries: entries.map((e) => ({
        code: e.code,
        label: e.label,
        decisionKind: e.decisionKind,
        when: e.when,
        source: e.source,
        citation: citeSource(e.source),
      })),
    };
  }

  return {
    async queue(principal: Principal, agencyId: string) {
      requireAgencyScope(principal, p.queue, await requireAgencyTarget(db, agencyId));
      const today = chinaToday(options.now());
      const rows = await repo.listPendingForBody(db, agencyId);
      const due = await repo.dueOfDeadlines(
        db,
        rows.map((r) => r.extension_deadline_id ?? r.deadline_id),
      );
      const dueDays = [...due.values()].map((d) => d.dueOn);
      const calendar = await loadWorkingDayCalendar(db, calendarYears(today, dueDays));
      return rows.map((r) => {
        const dueOn = due.get(r.extension_deadline_id ?? r.deadline_id)?.dueOn ?? null;
        return {
          roundId: r.id,
          caseId: r.case_id,
          caseNo: r.case_no,
          caseTitle: r.title,
          agencyName: r.agency_name,
          roundNo: r.round_no,
          kind: r.kind,
          isMajor: r.is_major,
          submittedOn: r.submitted_on,
          submittedByName: r.submitted_by_name,
          ...countdown(dueOn, today, true, calendar),
        };
      });
    },

    async staffing(principal: Principal, agencyId: string) {
      requireAgencyScope(principal, p.staffing, await requireAgencyTarget(db, agencyId));
      const rules = await getEffectiveRules(db, agencyId, options.config.PROFILE);
      const ratio = rules.review.reviewerRatio;
      const officers = await repo.countOfficers(db, agencyId, chinaToday(options.now()));
      const reviewers = await repo.listReviewers(db, agencyId);
      const percent = ratio.effective;
      const required = percent === null ? 0 : Math.ceil((officers * percent) / 100);
      return {
        agencyId,
        officers,
        reviewers: reviewers.length,
        requiredPercent: percent,
        requiredReviewers: required,
        isSufficient: reviewers.length >= required,
        basis: ratio.source
          ? `${ratio.label}：${ratio.display ?? ''}（${citeSource(ratio.source)}）`
          : null,
        reviewerList: reviewers.map((r) => ({
          userId: r.user_id,
          name: r.person_name ?? r.display_name,
          hasLegalQualification: r.qualification_kinds.includes('legal_professional'),
          qualificationKinds: r.qualification_kinds,
        })),
      };
    },

    catalog,

    async extendCatalog(
      principal: Principal,
      actor: Actor,
      agencyId: string,
      input: CatalogExtensionInput,
    ) {
      requireAgencyScope(principal, p.extendCatalog, await requireAgencyTarget(db, agencyId));
      const { rules, entries } = await catalogEntries(agencyId);
      if (rules.majorCatalog.extension.effective === 'agency_list_with_filing' && !input.filing) {
        throw new AppError('REVIEW_CATALOG_FILING_REQUIRED');
      }
      if (entries.some((e) => e.code === input.code))
        throw new AppError('REVIEW_CATALOG_CODE_TAKEN');
      const entry = {
        code: input.code,
        label: input.label,
        decisionKind: input.decisionKind,
        when: input.when,
      };
      const filing = input.filing ?? null;
      await db.transaction().execute(async (trx) => {
        const id = await repo.insertCatalogExtension(trx, {
          agencyId,
          entry,
          reason: input.reason,
          filing,
          createdBy: principal.userId,
          createdByName: principal.displayName,
        });
        await appendLedgerEntry(trx, actor, {
          kind: 'review.catalog_extended',
          subjectType: 'major_catalog_extension',
          subjectId: id,
          agencyId,
          payload: { ...entry, reason: input.reason, filing },
        });
      });
      return catalog(principal, agencyId);
    },
  };
}
