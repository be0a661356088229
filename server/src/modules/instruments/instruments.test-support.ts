// A penalty case as far as it goes — filed, investigated, notified, heard, discussed, decided,
// served, paid, closed — for filling every template without a database, and the extra data an
// officer supplies for the fields a case never holds (seizure terms, hearing place …).
import type { Fields } from './instruments.fields.ts';
import type { InstrumentCaseData } from './instruments.fill.ts';
import type { InstrumentKind } from './instruments.templates.ts';

export function sampleCase(overrides: Partial<InstrumentCaseData> = {}): InstrumentCaseData {
  return {
    caseId: '00000000-0000-4000-8000-000000000001',
    caseNo: '区市场监管局案〔2026〕1号',
    kind: 'penalty',
    procedure: 'ordinary',
    state: 'closed',
    title: '某餐饮公司涉嫌经营超过保质期食品案',
    facts: '2026年3月12日，执法人员在日常检查中发现当事人后厨存放超过保质期的食品原料若干。',
    source: 'inspection',
    sourceDetail: '日常监督检查发现',
    registeredOn: '2026-03-12',
    filedOn: '2026-03-13',
    decidedOn: '2026-05-10',
    details: {
      filing: { approvedOn: '2026-03-13', approvedBy: '孙志强' },
      transcripts: [
        {
          transcriptKind: 'on_site',
          madeOn: '2026-03-12',
          place: '当事人经营场所后厨',
          officers: [],
          content: '后厨冷库内存放超过保质期的牛肉两箱。',
          partySigned: true,
        },
        {
          transcriptKind: 'inquiry',
          madeOn: '2026-03-15',
          place: '区市场监管局询问室',
          officers: [],
          content: '问：冷库内的牛肉是否超过保质期？答：是。',
          partySigned: false,
          refusalNote: '当事人拒绝签名，执法人员已注明',
        },
        {
          transcriptKind: 'inspection',
          madeOn: '2026-03-12',
          place: '当事人经营场所',
          officers: [],
          content: '检查了冷库、操作间。',
          partySigned: true,
        },
      ],
      preservation: {
        preservedOn: '2026-03-12',
        items: '超过保质期牛肉两箱',
        decideBy: '2026-03-23',
        outcome: 'confiscate',
      },
      notice: {
        servedOn: '2026-04-20',
        proposed: {
          types: ['fine', 'confiscation'],
          fineYuan: 50000,
          confiscationYuan: 1200,
          isMitigated: false,
          legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项',
          reasons:
            '当事人经营超过保质期的食品，违反《中华人民共和国食品安全法》第三十四条第（十）项。',
        },
        isHearingEligible: true,
        hearingRequestDueOn: '2026-04-27',
      },
      defences: [
        {
          receivedOn: '2026-04-22',
          content: '当事人称系员工疏忽。',
          review: '经复核，当事人的申辩不能免除其责任，不予采纳。',
          isAccepted: false,
        },
      ],
      hearing: {
        requestedOn: '2026-04-24',
        noticeServedOn: '2026-04-25',
        hearingOn: '2026-05-08',
        heldOn: '2026-05-08',
        record: '听证主持人宣布听证开始……当事人对事实无异议。',
      },
      collectiveDecision: {
        heldOn: '2026-05-09',
        participants: ['孙志强', '吴敏', '周丽华'],
        minutes: '经集体讨论，一致同意按告知内容作出处罚。',
      },
      decision: {
        decidedOn: '2026-05-10',
        penalty: {
          types: ['fine', 'confiscation'],
          fineYuan: 50000,
          confiscationYuan: 1200,
          isMitigated: false,
          legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项',
          reasons:
            '当事人经营超过保质期的食品，违反《中华人民共和国食品安全法》第三十四条第（十）项。',
        },
      },
      services: [
        {
          method: 'direct',
          servedOn: '2026-05-11',
          receiptNo: 'SD-001',
          paymentDueOn: '2026-05-26',
        },
      ],
      reminders: [{ servedOn: '2026-05-28' }],
      enforcement: { appliedOn: '2026-06-15', means: 'court' },
      payments: [{ paidOn: '2026-06-20', amountYuan: 51200 }],
      closing: { closedOn: '2026-06-25', summary: '处罚决定已执行完毕，申请结案。' },
      notFiled: { reason: '违法事实不能成立', on: '2026-03-13' },
    },
    agency: {
      id: '00000000-0000-4000-8000-0000000000a1',
      name: '枣庄市薛城区市场监督管理局',
      regionName: '枣庄市薛城区',
    },
    parties: [
      {
        kind: 'organisation',
        name: '枣庄市薛城区味美餐饮有限公司',
        idCardNo: null,
        creditCode: '91370403MA3C8K2N7X',
        legalRepresentative: '孙某',
        address: '枣庄市薛城区临城街道泰山路18号',
        phone: '0632-4411234',
      },
    ],
    officers: [
      { name: '王建国', role: 'lead', credentialNo: '37040001001' },
      { name: '李秀英', role: 'assist', credentialNo: '37040001002' },
    ],
    power: {
      name: '对经营超过保质期食品的行政处罚',
      legalBasis: [{ law: '中华人民共和国食品安全法', article: '第一百二十四条' }],
    },
    evidence: [{ kind: 'photo', originalName: '后厨冷库照片.jpg', step: 'investigate' }],
    actions: [
      { action: 'approve_filing', actorName: '孙志强', actedOn: '2026-03-13' },
      { action: 'decline_filing', actorName: '孙志强', actedOn: '2026-03-13' },
      { action: 'close', actorName: '孙志强', actedOn: '2026-06-25' },
    ],
    issued: [{ kind: 'penalty_decision', title: '行政处罚决定书', docNo: '薛市监罚决〔2026〕1号' }],
    // Five working days from Monday 20 April, as the guards count them; both over by now.
    partyPeriods: {
      defence: {
        period: { amount: 5, unit: 'working_days' },
        dueOn: '2026-04-27',
        hasLapsed: true,
      },
      hearing: {
        period: { amount: 5, unit: 'working_days' },
        dueOn: '2026-04-27',
        hasLapsed: true,
      },
    },
    ...overrides,
  };
}

/** What an officer types for fields no case step records. */
export const OFFICER_DATA: Partial<Record<InstrumentKind, Fields>> = {
  sampling_receipt: {
    time: '2026年3月12日10时',
    place: '当事人经营场所冷库',
    samplingMethod: '随机抽取',
    items: '牛肉样品 2 份，每份 500 克',
    partySignature: '当事人已核对并签名',
  },
  seizure_decision: {
    seizureReason: '涉嫌经营超过保质期的食品，依据《中华人民共和国食品安全法》第一百一十条',
    seizureTerm: '三十日，自2026年3月12日至2026年4月10日',
    seizurePlace: '当事人冷库内牛肉两箱',
  },
  rectification_order: {
    rectification: '立即停止经营超过保质期的食品',
    rectifyBy: '2026年3月20日前',
  },
  hearing_notice: { hearingPlace: '区市场监管局听证室', hearingHost: '吴敏' },
  hearing_transcript: {
    hearingPlace: '区市场监管局听证室',
    hearingHost: '吴敏',
    partySignature: '当事人已核对并签名',
  },
  defence_transcript: {
    time: '2026年4月22日',
    place: '区市场监管局',
    partySignature: '当事人已签名',
  },
  legal_review_opinion: {
    reviewBody: '枣庄市薛城区市场监督管理局法制审核机构',
    reviewProposal: '罚款人民币50,000元；没收违法所得人民币1,200元',
    reviewChecklist: '主体合法；事实清楚；证据确凿；程序合法；适用依据正确；裁量适当',
    reviewOpinion: '同意',
    reviewer: '陈静',
    reviewedOn: '2026年5月9日',
  },
  collective_discussion_record: { conclusion: '同意作出行政处罚决定' },
  on_spot_penalty_decision: { time: '2026年3月12日10时', place: '泰山路18号门前' },
  service_receipt: { place: '当事人经营场所' },
  inspection_notice: {
    inspectionTime: '2026年3月12日',
    inspectionRequirements: '请提供进货查验记录',
  },
};
