// The steps every permit procedure shares: site checks, hearings, statements, the proposal, the
// decision (with the legal-review gate), service and the certificate.
import { legalReviewGate } from '../../review/review.gate.ts';
import { avRecorded, hasParty, officersQualified } from '../guards.ts';
import { statuteCount } from '../periods.ts';
import { action } from '../workflow.ts';
import {
  HearingNoticeInput,
  HearingRecordInput,
  HearingRequestInput,
  ServiceInput,
  StatementInput,
} from './kinds.schemas.ts';
import {
  d,
  list,
  notAfterToday,
  notBefore,
  onSiteRecordComplete,
  proposalRequired,
  serviceAvRecorded,
  serviceRecordComplete,
  withDetails,
} from './kinds.shared.ts';
import {
  certificateApplicable,
  certificateRecord,
  decisionDueOn,
  decisionOnHearingRecord,
  decisionRecord,
  decisionStillOpen,
  hearingNoticeValid,
  hearingOrganiseDueOn,
  hearingRequestable,
  hearingSettled,
  proposalLawful,
  proposedPermit,
  siteCheckDone,
  type Acceptance,
  type PermitDecision,
  type PermitHearing,
} from './permit.guards.ts';
import {
  CertificateInput,
  PermitDecideInput,
  ProposePermitInput,
  SiteCheckInput,
} from './permit.schemas.ts';

export const PERMIT_STATES = {
  applied: '已申请',
  correction_requested: '待补正',
  not_accepted: '不予受理',
  registered: '已立项',
  reviewing: '审查中',
  hearing_requested: '已申请听证',
  hearing_scheduled: '已通知听证',
  decided: '已作出决定',
  served: '已送达',
  certified: '已颁发证件',
  withdrawn: '申请已撤回',
  terminated: '已终止',
  closed: '已结案',
  archived: '已归档',
};

/** States in which the matter is under review and its period runs. */
export const REVIEWING = ['reviewing', 'hearing_requested', 'hearing_scheduled'] as const;

export const permitActions = {
  recordSiteCheck: action({
    name: 'record_site_check',
    label: '现场核查',
    from: ['reviewing'],
    to: 'reviewing',
    roles: ['officer'],
    input: SiteCheckInput,
    guards: [
      officersQualified,
      (ctx) =>
        onSiteRecordComplete(ctx, ctx.input, statuteCount(ctx.rules, 'permitSiteCheckStaff')),
      (ctx) => notAfterToday(ctx, ctx.input.checkedOn, '核查日期'),
      avRecorded(['site_inspection', 'survey'], 'record_site_check'),
    ],
    apply: (ctx) => ({ details: { siteChecks: [...list(ctx, 'siteChecks'), ctx.input] } }),
  }),
  requestHearing: action({
    name: 'request_hearing',
    label: '登记听证申请',
    from: ['reviewing'],
    to: 'hearing_requested',
    roles: ['officer'],
    input: HearingRequestInput,
    guards: [hearingRequestable, (ctx) => notAfterToday(ctx, ctx.input.requestedOn, '申请日期')],
    apply: (ctx) => ({ details: { hearing: { ...ctx.input } } }),
  }),
  notifyHearing: action({
    name: 'notify_hearing',
    label: '送达听证通知书',
    from: ['reviewing', 'hearing_requested'],
    to: 'hearing_scheduled',
    roles: ['officer'],
    input: HearingNoticeInput,
    guards: [hearingNoticeValid],
    apply: async (ctx) => {
      const organiseDueOn = await hearingOrganiseDueOn(ctx);
      const hearing = { ...d<PermitHearing>(ctx, 'hearing'), ...ctx.input, organiseDueOn };
      // Late organising cannot be undone by refusing the hearing; it is flagged instead.
      const isOrganisedLate = organiseDueOn !== null && ctx.input.hearingOn > organiseDueOn;
      return { details: { hearing: { ...hearing, isOrganisedLate } } };
    },
  }),
  recordHearing: action({
    name: 'record_hearing',
    label: '记录听证',
    from: ['hearing_scheduled'],
    to: 'reviewing',
    roles: ['officer'],
    input: HearingRecordInput,
    guards: [
      (ctx) => notBefore(ctx.input.heldOn, d<PermitHearing>(ctx, 'hearing')?.hearingOn, '听证日期'),
      (ctx) => notAfterToday(ctx, ctx.input.heldOn, '听证日期'),
      avRecorded('hearing', 'record_hearing'),
    ],
    // The hearing's time does not count (art.45): the decision's last day moves by it.
    apply: async (ctx) => {
      const hearing = { ...d<object>(ctx, 'hearing'), ...ctx.input };
      const next = withDetails(ctx, { hearing });
      return { details: { hearing, decisionDueOn: await decisionDueOn(next) } };
    },
  }),
  recordStatement: action({
    name: 'record_statement',
    label: '记录并复核陈述申辩',
    from: ['reviewing'],
    to: 'reviewing',
    roles: ['officer'],
    input: StatementInput,
    guards: [],
    apply: (ctx) => ({ details: { statements: [...list(ctx, 'statements'), ctx.input] } }),
  }),
  propose: action({
    name: 'propose_decision',
    label: '拟定许可决定',
    from: ['reviewing'],
    to: 'reviewing',
    roles: ['officer'],
    input: ProposePermitInput,
    guards: [proposalLawful],
    apply: (ctx) => ({ details: { proposed: proposedPermit(ctx) } }),
  }),
  decide: action({
    name: 'decide',
    label: '作出决定',
    from: ['reviewing'],
    to: 'decided',
    roles: ['head'],
    input: PermitDecideInput,
    // The legal-review gate comes last: it records its pass, which only counts if all else holds.
    guards: [
      hasParty,
      proposalRequired,
      siteCheckDone,
      hearingSettled,
      decisionOnHearingRecord,
      decisionStillOpen,
      (ctx) =>
        notBefore(
          ctx.input.decidedOn,
          d<Acceptance>(ctx, 'acceptance')?.acceptedOn ??
            d<{ startedOn: string }>(ctx, 'withdrawal')?.startedOn,
          '决定日期',
        ),
      (ctx) => notAfterToday(ctx, ctx.input.decidedOn, '决定日期'),
      legalReviewGate,
    ],
    apply: async (ctx) => ({
      decidedOn: ctx.input.decidedOn,
      details: { decision: await decisionRecord(ctx) },
    }),
  }),
  serve: action({
    name: 'serve',
    label: '送达决定书',
    from: ['decided'],
    to: 'served',
    roles: ['officer'],
    input: ServiceInput,
    guards: [
      (ctx) => serviceRecordComplete(ctx.input),
      (ctx) => notBefore(ctx.input.servedOn, ctx.snapshot.decidedOn, '送达日期'),
      (ctx) => notAfterToday(ctx, ctx.input.servedOn, '送达日期'),
      serviceAvRecorded('serve'),
    ],
    apply: (ctx) => ({ details: { services: [...list(ctx, 'services'), ctx.input] } }),
  }),
  issueCertificate: action({
    name: 'issue_certificate',
    label: '颁发、送达行政许可证件',
    from: ['decided', 'served'],
    to: 'certified',
    roles: ['officer'],
    input: CertificateInput,
    guards: [
      certificateApplicable,
      (ctx) =>
        notBefore(ctx.input.issuedOn, d<PermitDecision>(ctx, 'decision')?.decidedOn, '颁证日期'),
      (ctx) => notAfterToday(ctx, ctx.input.issuedOn, '颁证日期'),
    ],
    apply: async (ctx) => ({ details: { certificate: await certificateRecord(ctx) } }),
  }),
};
