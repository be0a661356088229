// 上海市: 沪府办发〔2019〕15号 and its three attachments (公示 / 全过程记录 / 法制审核 意见), in
// force from 2019-07-01. 曹杨新村街道 inherits these values where its own document is silent.
import {
  avAct,
  avExemption,
  cited,
  fact,
  major,
  outcome,
  workingDays,
  type Profile,
} from '../profile.model.ts';
import { sh } from '../profile.sources.ts';

const CIRCUMSTANCES = '附件2 三（二）2';
const OPINION = sh('附件3 六', '审核机构应出具同意或者存在问题的书面审核意见');

export const SHANGHAI: Profile = {
  id: 'shanghai',
  name: '上海市',
  version: '2026.1',
  effectiveFrom: '2019-07-01',
  validUntil: null,
  inherits: null,
  sources: ['shanghai'],
  rules: {
    filing: { emergencyStartApproval: null },
    disclosure: {
      permitDecision: cited(
        workingDays(7),
        sh('附件1 四（三）1', '行政许可、行政处罚的执法决定信息要在执法决定作出之日起7个工作日内'),
      ),
      penaltyDecision: cited(
        workingDays(7),
        sh('附件1 四（三）1', '行政许可、行政处罚的执法决定信息要在执法决定作出之日起7个工作日内'),
      ),
      otherDecision: cited(
        workingDays(20),
        sh('附件1 四（三）1', '行政执法单位要在行政执法决定作出之日起20个工作日内'),
      ),
      withdrawal: cited(
        workingDays(7),
        sh('附件1 五（二）3', '应自前述情况出现之日起7个工作日内,撤下原行政执法决定信息'),
      ),
      withdrawalExplanationRequired: null,
      correctionAnswer: cited(
        workingDays(5),
        sh('附件1 五（二）2', '应自收到之日起5个工作日内,进行核实并作出处理'),
      ),
      correctionAnswerInWriting: null,
      preDisclosureUpdate: cited(
        workingDays(20),
        sh('附件1 五（一）1', '自相关文件颁布、修改、废止、失效之日起20个工作日内,予以更新'),
      ),
      decisionChangeUpdate: cited(
        workingDays(20),
        sh('附件1 五（一）4', '行政执法决定被依法变更的,自变更之日起20个工作日内,予以更新'),
      ),
      inspectionResults: null,
      annualReport: cited(
        { month: 1, day: 31 },
        sh('附件1 四（三）2', '应于每年1月31日前,将本系统、本单位上年度行政执法总体情况'),
      ),
    },
    review: {
      timeLimit: cited(
        { mode: 'within_handling_period' },
        sh('附件3 六', '行政执法单位应在重大行政执法决定的办理期限内,确定法制审核的期限'),
      ),
      extension: null,
      extensionApprover: null,
      outcomes: [
        outcome('agree', '同意', { isAgreement: true }, OPINION),
        outcome('problems', '存在问题', {}, OPINION),
      ],
      disagreementPath: cited(
        'report_to_leaders',
        sh('附件3 七', '经办部门对审核意见有异议的,要按照程序,报请有关领导决定'),
      ),
      body: cited(
        {
          primary: 'legal_unit',
          fallback: 'unit_other_than_handling',
          forGovernmentNameDecisions: null,
        },
        sh(
          '附件3 四',
          '行政执法单位的法制机构为审核机构。没有法制机构的，行政执法单位应指定除经办部门',
        ),
      ),
      reviewerRatio: cited(
        5,
        sh('附件3 八', '原则上,行政执法单位的法制审核人员不少于本单位行政执法人员总数的5%'),
      ),
      writtenOpinion: cited(true, OPINION),
      opinionArchived: cited(
        true,
        sh('附件3 九（一）', '行政执法单位要将法制审核意见作为归档材料'),
      ),
      lawyerOpinionRecorded: null,
    },
    majorCatalog: {
      entries: [
        major(
          'sh-penalty-hearing',
          '符合听证条件的行政处罚决定',
          'penalty',
          fact('hearing_eligible'),
          sh('附件3 二（一）', '(一)符合听证条件的行政处罚决定、行政许可决定'),
        ),
        major(
          'sh-permit-hearing',
          '符合听证条件的行政许可决定',
          'permit',
          fact('hearing_eligible'),
          sh('附件3 二（一）', '(一)符合听证条件的行政处罚决定、行政许可决定'),
        ),
        major(
          'sh-penalty-mitigated',
          '减轻行政处罚决定',
          'penalty',
          fact('mitigated_penalty'),
          sh('附件3 二（二）', '(二)减轻行政处罚决定'),
        ),
        major(
          'sh-permit-change',
          '为了公共利益需要依法变更或者撤回行政许可决定，撤销行政许可决定',
          'permit',
          [
            {
              type: 'permit_action',
              actions: ['change_for_public_interest', 'withdraw_for_public_interest', 'revoke'],
            },
          ],
          sh('附件3 二（三）', '(三)为了公共利益需要依法变更或者撤回行政许可决定,撤销行政许可决定'),
        ),
        major(
          'sh-coercion-execution',
          '除立即代履行、加处罚款和滞纳金以外的行政强制执行决定',
          'coercion',
          [
            {
              type: 'coercion_execution_except',
              acts: ['immediate_substitute_performance', 'late_payment_penalty', 'late_fee'],
            },
          ],
          sh('附件3 二（四）', '(四)除立即代履行、加处罚款和滞纳金以外的行政强制执行决定'),
        ),
        major(
          'sh-house-expropriation',
          '国有土地上房屋征收决定',
          'expropriation',
          [{ type: 'expropriation_object', objects: ['house_on_state_land'] }],
          sh('附件3 二（五）', '(五)国有土地上房屋征收决定'),
        ),
        major(
          'sh-agency-designated',
          '国家和本市规定以及行政执法单位认定的其他重大行政执法决定',
          'any',
          fact('agency_designated'),
          sh('附件3 二（六）', '(六)国家和本市规定以及行政执法单位认定的其他重大行政执法决定'),
        ),
      ],
      extension: cited('agency_list', sh('附件3 三', '涉案金额等因素，制定法制审核目录清单')),
    },
    av: {
      alwaysRecord: [
        avAct(
          'inspection_after_commitment_permit',
          sh('附件2 三（二）1', '(1)采用告知承诺方式取得行政许可后的检查'),
        ),
        avAct('coercion', sh('附件2 三（二）1', '(2)实施行政强制、证据先行登记保存')),
        avAct('evidence_preservation', sh('附件2 三（二）1', '(2)实施行政强制、证据先行登记保存')),
      ],
      asCircumstances: [
        avAct(
          'inspection_with_contact',
          sh(CIRCUMSTANCES, '(1)与行政相对人直接接触或者直接进入行政相对人场所的行政检查'),
        ),
        avAct('survey', sh(CIRCUMSTANCES, '(2)勘验')),
        avAct('sampling', sh(CIRCUMSTANCES, '(3)抽样取证')),
        avAct('summary_penalty', sh(CIRCUMSTANCES, '(4)实施简易程序的行政处罚')),
        avAct('hearing', sh(CIRCUMSTANCES, '(5)听证')),
        avAct('leave_service', sh(CIRCUMSTANCES, '(6)留置送达、公告送达')),
        avAct('notice_service', sh(CIRCUMSTANCES, '(6)留置送达、公告送达')),
      ],
      exemptions: [
        avExemption(
          'high_risk_site',
          sh('附件2 三（二）3', '对于涉及易燃易爆、无菌等高风险现场(场所)，可不作视音频记录'),
        ),
      ],
      notifyPartyAtStart: cited(true, sh('附件2 三（二）3', '开始视音频记录时，应告知行政相对人')),
      interruptionExplained: cited(
        true,
        sh('附件2 三（二）3', '由于特殊情况中断的，应在视音频中说明中断原因'),
      ),
      uploadDeadline: null,
      officerMayNotKeepCopies: null,
      sameTargetStoredTogether: cited(
        true,
        sh('附件2 三（四）', '对同一执法对象的文字记录、音像记录进行集中储存'),
      ),
    },
    archive: {
      caseFileDeadline: cited(
        { mode: 'per_archive_rules' },
        sh('附件2 三（五）1', '行政执法单位要按照档案管理要求，规范记录资料的归档和档案管理'),
      ),
      yearlyTransfer: null,
      partyAccessNeedsHeadApproval: null,
      inspectionVideoRetention: cited(
        { amount: 6, unit: 'months' },
        sh('附件2 三（五）2', '可不对视音频记录资料进行归档,但保存时间不少于6个月'),
      ),
    },
  },
};
