// The party's rights after the 事先告知 — to state and defend (陈述、申辩) and, where the proposal
// allows, to ask for a hearing (要求听证) — with the last days the penalty guards count, and what
// the party did with them. The 事先告知书 and 听证告知书 tell the party its days; the 决定书 says
// whether its defence was adopted and why, or that it waived the right or let the period pass.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { statutePeriod, type Period } from '../cases/periods.ts';
import { defenceDueOn, defencePeriodOf, type Notice } from '../cases/workflows/penalty.guards.ts';
import type { EffectiveRules } from '../profile/profile.resolve.ts';
import type { FieldKey } from './instruments.fields.ts';
import {
  printedFields,
  type CaseCondition,
  type InstrumentKind,
  type InstrumentTemplate,
} from './instruments.templates.ts';
import { chineseDate, periodText, sentence } from './instruments.wording.ts';

interface Running {
  period: Period;
  /** The last day the party may act (inclusive). */
  dueOn: string;
  /** Whether the day the document is made is after it. */
  hasLapsed: boolean;
}

/** The party's periods once the 事先告知 is recorded on a penalty case. */
export interface PartyPeriods {
  /** 陈述、申辩: the period and last day kept at service, as the decision guard reads them. */
  defence: Running;
  /** 要求听证, where the proposal allows one: the period and last day the notice kept. */
  hearing: Running | null;
}

/**
 * The party's periods from the recorded notice, through the guards' own functions: the statement
 * period by defenceDueOn (what defenceSettled waits for), the hearing request by the date the
 * notice stored (what hearingSettled and request_hearing read). Both are the days kept when the
 * service was recorded, so a document issued after a change of the profile or the calendar still
 * prints what the party was told. Null before the notice.
 */
export async function partyPeriodsOf(
  db: Kysely<Database>,
  c: { kind: string; details: Record<string, unknown> },
  rules: EffectiveRules,
  today: string,
): Promise<PartyPeriods | null> {
  const notice = c.details.notice as Notice | undefined;
  if (c.kind !== 'penalty' || !notice) return null;
  const dueOn = await defenceDueOn(db, rules, notice);
  const hearingDueOn = notice.isHearingEligible ? notice.hearingRequestDueOn : null;
  return {
    defence: { period: defencePeriodOf(rules, notice), dueOn, hasLapsed: today > dueOn },
    hearing: hearingDueOn
      ? {
          period: notice.hearingRequestPeriod ?? statutePeriod(rules, 'hearingRequestDeadline'),
          dueOn: hearingDueOn,
          hasLapsed: today > hearingDueOn,
        }
      : null,
  };
}

/** Whether a document prints what the party's counted periods decide. */
export function printsPartyPeriods(template: InstrumentTemplate): boolean {
  const printed = printedFields(template);
  return PERIOD_FIELDS.some((f) => printed.includes(f));
}
const PERIOD_FIELDS: readonly FieldKey[] = [
  'defenceDueOn',
  'hearingRights',
  'hearingRequestDueOn',
  'defenceOutcome',
];

/** The conditions of the case that make a conditional requirement apply. */
export function conditionsOf(details: Record<string, unknown>): Set<CaseCondition> {
  const notice = details.notice as Pick<Notice, 'isHearingEligible'> | undefined;
  return new Set<CaseCondition>(notice?.isHearingEligible ? ['hearingEligible'] : []);
}

interface Defence {
  receivedOn: string;
  content: string;
  review: string;
  isAccepted?: boolean;
}
interface Waiver {
  waivedOn: string;
  expressedIn: 'waiver_statement' | 'waiver_transcript';
  documentRef: string;
  note?: string;
}

const WAIVER_WAYS: Record<Waiver['expressedIn'], string> = {
  waiver_statement: '签署书面声明',
  waiver_transcript: '在笔录中签名确认',
};

type StatementField = Extract<
  FieldKey,
  | 'rights'
  | 'defenceDueOn'
  | 'hearingRights'
  | 'hearingRequestDueOn'
  | 'defenceContent'
  | 'defenceReview'
  | 'defenceOutcome'
>;

/** The rights, their last days, and what the party did with them, for every instrument. */
export function statementFields(
  kind: InstrumentKind,
  details: Record<string, unknown>,
  periods: PartyPeriods | null,
): Record<StatementField, string | undefined> {
  const defences = (details.defences as Defence[] | undefined) ?? [];
  const defence = defences[defences.length - 1];
  const waiver = details.defenceWaiver as Waiver | undefined;
  const inWaiverTranscript = !defence && waiver?.expressedIn === 'waiver_transcript';
  const within = (p: Running) => `可自收到本告知书之日起${periodText(p.period)}内提出`;
  const lapse = '逾期未提出的，视为放弃此权利。';
  return {
    rights:
      kind === 'payment_reminder'
        ? '你（单位）收到本催告书后有权进行陈述和申辩。'
        : periods
          ? `你（单位）有权进行陈述和申辩，${within(periods.defence)}；${lapse}`
          : `你（单位）有权进行陈述和申辩；${lapse}`,
    defenceDueOn: periods ? chineseDate(periods.defence.dueOn) : undefined,
    hearingRights: periods?.hearing
      ? `你（单位）有权要求举行听证，${within(periods.hearing)}；${lapse}`
      : undefined,
    hearingRequestDueOn: periods?.hearing ? chineseDate(periods.hearing.dueOn) : undefined,
    // A waiver the party signed in a 笔录 is what the 陈述申辩笔录 records.
    defenceContent: inWaiverTranscript
      ? `当事人于${chineseDate(waiver.waivedOn)}明确表示放弃陈述、申辩的权利。${waiver.note ?? ''}`
      : defence?.content,
    defenceReview: defence?.review,
    defenceOutcome: defenceOutcome(details, defences, waiver, periods),
  };
}

/**
 * What the 决定书 says of the party's statement: each defence with the agency's review and
 * whether it was adopted, a hearing held, an express waiver; failing these, that the period
 * passed. Undefined while the period runs and the party has not been heard.
 */
function defenceOutcome(
  details: Record<string, unknown>,
  defences: readonly Defence[],
  waiver: Waiver | undefined,
  periods: PartyPeriods | null,
): string | undefined {
  const hearing = details.hearing as { heldOn?: string } | undefined;
  const parts = defences.map(
    (d) =>
      `当事人于${chineseDate(d.receivedOn)}提出陈述、申辩：${sentence(d.content)}` +
      (d.isAccepted === undefined
        ? ''
        : `本机关经复核，${d.isAccepted ? '予以采纳' : '不予采纳'}。`) +
      `复核意见：${sentence(d.review)}`,
  );
  if (hearing?.heldOn) {
    parts.push(
      `本机关于${chineseDate(hearing.heldOn)}举行听证，当事人在听证中进行了陈述、申辩，其意见载于听证笔录。`,
    );
  }
  if (waiver) {
    parts.push(
      `当事人于${chineseDate(waiver.waivedOn)}${WAIVER_WAYS[waiver.expressedIn]}，明确放弃陈述、申辩的权利（${waiver.documentRef}）。`,
    );
  }
  if (parts.length === 0 && periods?.defence.hasLapsed) {
    const { period, dueOn } = periods.defence;
    parts.push(
      `当事人自收到行政处罚事先告知书之日起${periodText(period)}内（至${chineseDate(dueOn)}）未提出陈述、申辩，视为放弃此权利。`,
    );
  }
  if (parts.length > 0 && periods?.hearing?.hasLapsed && !hearing) {
    parts.push(`当事人在规定期限内（至${chineseDate(periods.hearing.dueOn)}）未要求听证。`);
  }
  return parts.length > 0 ? parts.join('') : undefined;
}
