// 南昌市: 实施方案 of 2019-07-22 with its task table. Adds three review outcomes, a 3+2 working-day
// review, a 3-working-day withdrawal and the widest catalogue (every 一般程序 penalty).
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
import { nc } from '../profile.sources.ts';

const AV_ALWAYS = nc(
  '二（二）7（2）',
  '对查封扣押财产、强制拆除等直接涉及人身自由、生命健康、重大财产权益的现场执法活动和执法办案场所，要推行全程音像记录',
);
const AV_CIRCUMSTANCES = nc(
  '二（二）7（2）',
  '对现场执法、调查取证、举行听证、留置送达和公告送达等容易引发争议的行政执法过程，要根据实际情况进行音像记录',
);
const COERCION_ACTS = nc(
  '二（三）12（3）',
  '限制公民人身自由的；查封公民、法人或者其他组织涉案场所、设施的；扣押公民、法人或者其他组织涉案财物的；冻结、划拨公民、法人或者其他组织的存款、汇款的；强制拆除建筑物、构筑物、设施的；申请人民法院强制执行的',
);
const EXTENSION = nc('二（三）14（3）', '经分管领导批准，可以延长2个工作日');

export const NANCHANG: Profile = {
  id: 'nanchang',
  name: '江西省南昌市',
  version: '2026.1',
  effectiveFrom: '2019-07-22',
  validUntil: null,
  inherits: null,
  sources: ['nanchang'],
  rules: {
    filing: { emergencyStartApproval: null },
    disclosure: {
      permitDecision: cited(
        workingDays(7),
        nc(
          '二（一）5（1）',
          '行政许可、行政处罚的执法决定信息要在执法决定作出之日起7个工作日内公开',
        ),
      ),
      penaltyDecision: cited(
        workingDays(7),
        nc(
          '二（一）5（1）',
          '行政许可、行政处罚的执法决定信息要在执法决定作出之日起7个工作日内公开',
        ),
      ),
      otherDecision: cited(
        workingDays(20),
        nc('二（一）5（1）', '执法决定作出之日起20个工作日内，向社会公布执法机关'),
      ),
      withdrawal: cited(
        workingDays(3),
        nc(
          '二（一）5（1）',
          '应当自撤销、确认违法和要求重新作出决定之日起3个工作日内从信息公示平台撤下原行政执法决定信息',
        ),
      ),
      withdrawalExplanationRequired: null,
      correctionAnswer: null,
      correctionAnswerInWriting: null,
      preDisclosureUpdate: cited(
        PROMPTLY,
        nc('二（一）3', '并及时根据法律、法规、规章及机构职能调整变化情况进行动态调整'),
      ),
      decisionChangeUpdate: null,
      inspectionResults: cited(
        workingDays(20),
        nc('二（一）5（2）', '“双随机”抽查结果正常的，自抽查结束之日起20个工作日内向社会公示'),
      ),
      annualReport: cited(
        { month: 1, day: 31 },
        nc('二（一）5', '应当于每年1月31日前公开本部门上年度行政执法总体情况有关数据'),
      ),
    },
    review: {
      timeLimit: cited(workingDays(3), nc('二（三）14（3）', '应当在3个工作日内审核完毕')),
      extension: cited(workingDays(2), EXTENSION),
      extensionApprover: cited('deputy_head', EXTENSION),
      outcomes: [
        outcome(
          'agree',
          '同意',
          { isAgreement: true },
          nc('二（三）15（1）', '出具同意的审核意见'),
        ),
        outcome(
          'not_yet_agree',
          '暂不同意',
          { isReasonRequired: true },
          nc('二（三）15（2）', '出具暂不同意的审核意见,并说明理由'),
        ),
        outcome(
          'disagree',
          '不同意',
          { isReasonRequired: true },
          nc('二（三）15（3）', '出具不同意的审核意见,并说明理由'),
        ),
      ],
      disagreementPath: cited(
        'resubmit',
        nc(
          '二（三）15',
          '行政执法承办机构要对法制审核机构提出的暂不同意和不同意的审核意见进行研究，作出相应处理后再次报送法制审核',
        ),
      ),
      body: cited(
        { primary: 'legal_unit', fallback: null, forGovernmentNameDecisions: 'justice_bureau' },
        nc(
          '二（三）14（1）',
          '重大行政执法决定拟由市政府作出的,承办案件的部门在报送政府审批前,送市司法局进行审核…本部门审批前应当送本部门法制审核机构进行审核',
        ),
      ),
      reviewerRatio: cited(
        5,
        nc('二（三）11（1）', '原则上各行政执法部门的法制审核人员不少于本单位执法人员总数的5％'),
      ),
      writtenOpinion: null,
      opinionArchived: null,
      lawyerOpinionRecorded: null,
    },
    majorCatalog: {
      entries: [
        major(
          'nc-penalty-ordinary',
          '一般程序作出的行政处罚决定',
          'penalty',
          fact('ordinary_procedure'),
          nc('二（三）12（1）', '下列行政处罚属于重大行政执法决定：一般程序作出的行政处罚决定'),
        ),
        major(
          'nc-permit-government-name',
          '以人民政府名义作出的行政许可',
          'permit',
          fact('in_government_name'),
          nc('二（三）12（2）', '下列行政许可属于重大行政执法决定：人民政府名义作出的'),
        ),
        major(
          'nc-permit-safety',
          '准予从事直接涉及公共安全、生态环境保护以及直接关系人身健康、生命财产安全等特定活动',
          'permit',
          fact('safety_ecology_health_activity'),
          nc(
            '二（三）12（2）',
            '准予从事直接涉及公共安全、生态环境保护以及直接关系人身健康、生命财产安全等特定活动的',
          ),
        ),
        major(
          'nc-permit-limited-resources',
          '准予从事有限自然资源开发利用、公共资源配置以及特定行业市场准入',
          'permit',
          fact('limited_resources_or_market_access'),
          nc(
            '二（三）12（2）',
            '准予从事有限自然资源开发利用、公共资源配置以及直接关系公共利益的特定行业市场准入的',
          ),
        ),
        major(
          'nc-permit-refusal',
          '不予行政许可、不予变更、不予延续、撤销或者注销行政许可',
          'permit',
          [
            {
              type: 'permit_action',
              actions: ['deny', 'deny_change', 'deny_renewal', 'revoke', 'cancel'],
            },
          ],
          nc(
            '二（三）12（2）',
            '作出不予行政许可、不予行政许可变更、不予行政许可延续、撤销或者注销行政许可的',
          ),
        ),
        major(
          'nc-coercion-government-name',
          '以人民政府名义作出的行政强制',
          'coercion',
          fact('in_government_name'),
          nc('二（三）12（3）', '下列行政强制属于重大行政执法决定：人民政府名义作出的'),
        ),
        major(
          'nc-coercion-acts',
          '限制人身自由、查封场所设施、扣押财物、冻结划拨存款汇款、强制拆除、申请法院强制执行',
          'coercion',
          [
            {
              type: 'coercion_act',
              acts: [
                'restrict_liberty',
                'seal',
                'seize',
                'freeze',
                'transfer',
                'demolition',
                'court_enforcement',
              ],
            },
          ],
          COERCION_ACTS,
        ),
        major(
          'nc-expropriation-house',
          '对集体所有土地或者国有土地上的房屋进行征收征用',
          'expropriation',
          [
            {
              type: 'expropriation_object',
              objects: ['house_on_collective_land', 'house_on_state_land'],
            },
          ],
          nc('二（三）12（4）', '对集体所有土地或者国有土地上的房屋进行征收征用的'),
        ),
        major(
          'nc-expropriation-disputed',
          '征收对象涉及人数较多或者对征收补偿方案分歧较大',
          'expropriation',
          fact('many_parties_or_disputed_compensation'),
          nc('二（三）12（4）', '行政征收对象涉及人数较多或者对征收补偿方案分歧较大的'),
        ),
        major(
          'nc-expropriation-impact',
          '对本地经济社会发展有重大影响或者可能影响社会稳定的征收征用',
          'expropriation',
          fact('major_local_impact'),
          nc('二（三）12（4）', '其他对本地经济社会发展有重大影响或者可能影响社会稳定的'),
        ),
      ],
      extension: cited(
        'agency_list',
        nc('二（三）12', '在上述审核范围的基础上增加本部门重大执法决定法制审核事项的种类和范围'),
      ),
    },
    av: {
      alwaysRecord: [
        avAct('seal_seize_property', AV_ALWAYS),
        avAct('forced_demolition', AV_ALWAYS),
        avAct('liberty_health_property_sites', AV_ALWAYS),
      ],
      asCircumstances: [
        avAct('on_site_enforcement', AV_CIRCUMSTANCES),
        avAct('investigation', AV_CIRCUMSTANCES),
        avAct('hearing', AV_CIRCUMSTANCES),
        avAct('leave_service', AV_CIRCUMSTANCES),
        avAct('notice_service', AV_CIRCUMSTANCES),
      ],
      exemptions: null,
      notifyPartyAtStart: null,
      interruptionExplained: null,
      uploadDeadline: null,
      officerMayNotKeepCopies: null,
      sameTargetStoredTogether: cited(
        true,
        nc('二（二）9', '通过技术手段对同一执法对象的文字记录、音像记录进行集中储存'),
      ),
    },
    archive: {
      caseFileDeadline: cited(
        { mode: 'per_archive_rules' },
        nc('二（二）8', '按照有关法律法规和档案管理规定归档保存执法全过程记录资料'),
      ),
      yearlyTransfer: null,
      partyAccessNeedsHeadApproval: null,
      inspectionVideoRetention: null,
    },
  },
};
