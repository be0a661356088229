// National baseline: 国办发〔2018〕118号. Every local profile is compared with these values and
// the stricter one applies. Quotes are in the traditional characters the stored text uses.
import {
  avAct,
  cited,
  fact,
  major,
  outcome,
  PROMPTLY,
  workingDays,
  type Profile,
} from '../profile.model.ts';
import { n } from '../profile.sources.ts';

export const NATIONAL: Profile = {
  id: 'national',
  name: '全国（国务院办公厅指导意见）',
  version: '2026.1',
  effectiveFrom: '2018-12-05',
  validUntil: null,
  inherits: null,
  sources: ['national'],
  rules: {
    filing: { emergencyStartApproval: null },
    disclosure: {
      permitDecision: cited(
        workingDays(7),
        n('二（六）', '行政許可、行政處罰的執法決定資訊要在執法決定作出之日起7個工作日內公開'),
      ),
      penaltyDecision: cited(
        workingDays(7),
        n('二（六）', '行政許可、行政處罰的執法決定資訊要在執法決定作出之日起7個工作日內公開'),
      ),
      otherDecision: cited(
        workingDays(20),
        n('二（六）', '行政執法機關要在執法決定作出之日起20個工作日內,向社會公佈'),
      ),
      withdrawal: cited(PROMPTLY, n('二（六）', '應當及時從資訊公示平臺撤下原行政執法決定資訊')),
      withdrawalExplanationRequired: null,
      correctionAnswer: cited(PROMPTLY, n('二', '發現公開的行政執法資訊不準確的,要及時予以更正')),
      correctionAnswerInWriting: null,
      preDisclosureUpdate: cited(
        PROMPTLY,
        n('二（四）', '並及時根據法律法規及機構職能變化情況進行動態調整'),
      ),
      decisionChangeUpdate: null,
      inspectionResults: null,
      annualReport: cited(
        { month: 1, day: 31 },
        n('二（六）', '應當於每年1月31日前公開本機關上年度行政執法總體情況有關數據'),
      ),
    },
    review: {
      // The guideline leaves the time limit to each agency (明確…審核的方式、時限、責任).
      timeLimit: null,
      extension: null,
      extensionApprover: null,
      outcomes: [
        outcome(
          'agree',
          '同意',
          { isAgreement: true },
          n('四（十三）', '提出同意或者存在問題的書面審核意見'),
        ),
        outcome('problems', '存在问题', {}, n('四（十三）', '提出同意或者存在問題的書面審核意見')),
      ],
      disagreementPath: cited(
        'coordination',
        n('四（十四）', '建立健全法制審核機構與行政執法承辦機構對審核意見不一致時的協調機制'),
      ),
      body: cited(
        { primary: 'designated_unit', fallback: null, forGovernmentNameDecisions: null },
        n('四（十一）', '各級行政執法機關要明確具體負責本單位重大執法決定法制審核的工作機構'),
      ),
      reviewerRatio: cited(
        5,
        n('四（十一）', '原則上各級行政執法機關的法制審核人員不少於本單位執法人員總數的5%'),
      ),
      writtenOpinion: cited(true, n('四（十三）', '提出同意或者存在問題的書面審核意見')),
      opinionArchived: null,
      lawyerOpinionRecorded: null,
    },
    majorCatalog: {
      entries: [
        major(
          'n-major-public-interest',
          '涉及重大公共利益',
          'any',
          fact('major_public_interest'),
          n('四（十二）', '凡涉及重大公共利益'),
        ),
        major(
          'n-major-social-impact',
          '可能造成重大社会影响或引发社会风险',
          'any',
          fact('major_social_impact_or_risk'),
          n('四（十二）', '可能造成重大社會影響或引發社會風險'),
        ),
        major(
          'n-major-rights',
          '直接关系行政相对人或者第三人重大权益',
          'any',
          fact('major_rights'),
          n('四（十二）', '直接關係行政相對人或第三人重大權益'),
        ),
        major(
          'n-after-hearing',
          '经过听证程序作出行政执法决定',
          'any',
          fact('decided_after_hearing'),
          n('四（十二）', '經過聽證程式作出行政執法決定'),
        ),
        major(
          'n-complex',
          '案件情况疑难复杂、涉及多个法律关系',
          'any',
          fact('complex_or_multiple_legal_relations'),
          n('四（十二）', '案件情況疑難複雜、涉及多個法律關係的,都要進行法制審核'),
        ),
      ],
      extension: cited('agency_list', n('四（十二）', '制定重大執法決定法制審核目錄清單')),
    },
    av: {
      alwaysRecord: [
        avAct('seal_seize_property', n('三（八）', '對查封扣押財産、強制拆除等直接涉及人身自由')),
        avAct('forced_demolition', n('三（八）', '對查封扣押財産、強制拆除等直接涉及人身自由')),
        avAct(
          'liberty_health_property_sites',
          n(
            '三（八）',
            '直接涉及人身自由、生命健康、重大財産權益的現場執法活動和執法辦案場所,要推行全程音像記錄',
          ),
        ),
      ],
      asCircumstances: [
        avAct(
          'on_site_enforcement',
          n(
            '三（八）',
            '對現場執法、調查取證、舉行聽證、留置送達和公告送達等容易引發爭議的行政執法過程,要根據實際情況進行音像記錄',
          ),
        ),
        avAct(
          'investigation',
          n(
            '三（八）',
            '對現場執法、調查取證、舉行聽證、留置送達和公告送達等容易引發爭議的行政執法過程',
          ),
        ),
        avAct(
          'hearing',
          n(
            '三（八）',
            '對現場執法、調查取證、舉行聽證、留置送達和公告送達等容易引發爭議的行政執法過程',
          ),
        ),
        avAct(
          'leave_service',
          n(
            '三（八）',
            '對現場執法、調查取證、舉行聽證、留置送達和公告送達等容易引發爭議的行政執法過程',
          ),
        ),
        avAct(
          'notice_service',
          n(
            '三（八）',
            '對現場執法、調查取證、舉行聽證、留置送達和公告送達等容易引發爭議的行政執法過程',
          ),
        ),
      ],
      exemptions: null,
      notifyPartyAtStart: null,
      interruptionExplained: null,
      uploadDeadline: null,
      officerMayNotKeepCopies: null,
      sameTargetStoredTogether: cited(
        true,
        n('三（九）', '通過技術手段對同一執法對象的文字記錄、音像記錄進行集中儲存'),
      ),
    },
    archive: {
      // DOMAIN §6 shows "—" (no time limit); the text does say how: per archive regulations.
      caseFileDeadline: cited(
        { mode: 'per_archive_rules' },
        n('三（九）', '按照有關法律法規和檔案管理規定歸檔保存執法全過程記錄資料'),
      ),
      yearlyTransfer: null,
      partyAccessNeedsHeadApproval: null,
      inspectionVideoRetention: null,
    },
  },
};
