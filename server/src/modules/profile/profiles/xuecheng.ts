// 山东省枣庄市薛城区: 薛政办发〔2017〕74号 with its three 办法 (信息公示 / 全过程记录 / 法制审核).
// It predates the national guideline: its 20 working days for permit and penalty decisions are
// laxer than the national 7, so the resolver applies 7 unless an administrator records otherwise.
import {
  avAct,
  avExemption,
  cited,
  days,
  fact,
  hours,
  major,
  outcome,
  PROMPTLY,
  workingDays,
  type Profile,
} from '../profile.model.ts';
import { xc } from '../profile.sources.ts';

const PUBLISH = cited(
  workingDays(20),
  xc('附件1 第十四条', '行政执法机关应当将行政执法信息自信息形成之日起20个工作日内予以公示'),
);
const CORRECTION = xc('附件1 第十五条', '行政执法机关应当及时予以更正并书面答复申请人');
const WITHDRAWAL = xc('附件1 第十六条', '行政执法机关应当及时撤销原行政执法信息,并作必要的说明');
const EXTENSION = xc('附件3 第十三条', '案件复杂的,经负责人批准,可以延长3日');
const OPINION = xc(
  '附件3 第十三条',
  '法制机构进行重大行政执法决定法制审核时应当出具书面审核意见,并存入执法案卷',
);
const INVESTIGATION_AV = xc(
  '附件2 第十三条',
  '行政执法机关采取现场检查(勘验)、抽样调查和听证取证方式的,应当同时进行音像记录,遇到紧急情况除外',
);
const COERCION_AV = xc(
  '附件2 第十四条',
  '行政执法机关依法实施限制公民人身自由,查封场所、设施或者财物,扣押财物的,应当同时进行音像记录',
);
const STORAGE = '附件2 第三十一条';
const OTHER = '(四)其他对当事人或者社会公共利益有重大影响的';

export const XUECHENG: Profile = {
  id: 'xuecheng',
  name: '山东省枣庄市薛城区',
  version: '2026.1',
  effectiveFrom: '2017-10-20',
  // The 办法 state their own expiry; no successor document is among the sources.
  validUntil: cited(
    '2022-10-19',
    xc('附件2 第三十六条、附件3 第十九条', '本办法自公布之日起施行,有效期至2022年10月19日'),
  ),
  inherits: null,
  sources: ['xuecheng'],
  rules: {
    filing: {
      emergencyStartApproval: cited(
        hours(24),
        xc('附件2 第八条', '情况紧急的,可以先启动行政执法程序,并在行政执法程序启动后24小时内补报'),
      ),
    },
    disclosure: {
      permitDecision: PUBLISH,
      penaltyDecision: PUBLISH,
      otherDecision: PUBLISH,
      withdrawal: cited(PROMPTLY, WITHDRAWAL),
      withdrawalExplanationRequired: cited(true, WITHDRAWAL),
      correctionAnswer: cited(PROMPTLY, CORRECTION),
      correctionAnswerInWriting: cited(true, CORRECTION),
      preDisclosureUpdate: cited(
        days(7),
        xc('附件1 第十四条', '应当自相关内容变更之日起7日内更新公示内容'),
      ),
      decisionChangeUpdate: null,
      // 第十四条's 20 working days cover all 行政执法信息, among them 第八条's inspection results.
      inspectionResults: cited(
        workingDays(20),
        xc(
          '附件1 第八条、第十四条',
          '(一)检查、抽查、检验、检测的结果…行政执法机关应当将行政执法信息自信息形成之日起20个工作日内予以公示',
        ),
      ),
      annualReport: null,
    },
    review: {
      timeLimit: cited(days(5), xc('附件3 第十三条', '应当在5日内审核完毕')),
      extension: cited(days(3), EXTENSION),
      extensionApprover: cited('head', EXTENSION),
      outcomes: [
        outcome('agree', '同意', { isAgreement: true }, xc('附件3 第十一条', '提出同意的审核意见')),
        outcome(
          'return',
          '退回补充',
          { isReasonRequired: true },
          xc('附件3 第十一条', '提出具体审核意见,退回执法机构'),
        ),
        outcome(
          'disagree',
          '不同意',
          { isReasonRequired: true },
          xc('附件3 第十一条', '提出不同意的审核意见,并写明理由'),
        ),
      ],
      disagreementPath: cited(
        're_review_once_then_collective',
        xc(
          '附件3 第十二条',
          '可以提出书面申请,要求复审一次。经复审,执法机构仍不同意法制机构审核意见的,法制机构应当及时提请本机关负责人会议集体讨论决定',
        ),
      ),
      body: cited(
        { primary: 'legal_unit', fallback: null, forGovernmentNameDecisions: null },
        xc(
          '附件3 第三条',
          '行政执法机关的法制机构(以下简称法制机构)负责对本机关拟作出的重大行政执法决定的合法性、适当性进行法制审核',
        ),
      ),
      reviewerRatio: null,
      writtenOpinion: cited(true, OPINION),
      opinionArchived: cited(true, OPINION),
      lawyerOpinionRecorded: null,
    },
    majorCatalog: {
      entries: [
        major(
          'xc-penalty-suspend',
          '责令停产停业',
          'penalty',
          [{ type: 'penalty_kind', kinds: ['suspend_business'] }],
          xc('附件3 第五条', '(一)责令停产停业的'),
        ),
        major(
          'xc-penalty-revoke',
          '对法人或者其他组织吊销许可证或者执照',
          'penalty',
          [
            { type: 'penalty_kind', kinds: ['revoke_licence'] },
            { type: 'party_type', partyTypes: ['organisation'] },
          ],
          xc('附件3 第五条', '(二)对法人或者其他组织吊销许可证或者执照的'),
        ),
        major(
          'xc-penalty-fine',
          '对公民处以5000元以上罚款，对法人或者其他组织处以5万元以上罚款',
          'penalty',
          [{ type: 'fine_at_least', thresholds: { citizen: 5000, organisation: 50000 } }],
          xc('附件3 第五条', '(三)对公民处以5000元以上罚款,对法人或者其他组织处以5万元以上罚款的'),
        ),
        major(
          'xc-penalty-other',
          '其他有重大影响的行政处罚',
          'penalty',
          fact('other_major_impact'),
          xc('附件3 第五条', OTHER),
        ),
        major(
          'xc-permit-hearing-law',
          '法律、法规、规章规定应当举行听证的行政许可',
          'permit',
          fact('hearing_required_by_law'),
          xc('附件3 第六条', '(一)法律、法规、规章规定应当举行听证的'),
        ),
        major(
          'xc-permit-hearing-public-interest',
          '行政执法机关认为需要听证并且涉及公共利益的行政许可',
          'permit',
          [
            { type: 'fact', fact: 'hearing_deemed_needed' },
            { type: 'fact', fact: 'public_interest' },
          ],
          xc('附件3 第六条', '行政执法机关认为需要听证并且涉及公共利益的'),
        ),
        major(
          'xc-permit-limited-resources',
          '有限自然资源开发利用、公共资源配置以及特定行业市场准入等需要赋予特定权利的行政许可',
          'permit',
          fact('limited_resources_or_market_access'),
          xc(
            '附件3 第六条',
            '(二)有限自然资源开发利用、公共资源配置以及直接关系公共利益的特定行业的市场准入等,需要赋予特定权利的',
          ),
        ),
        major(
          'xc-permit-other',
          '其他有重大影响的行政许可',
          'permit',
          fact('other_major_impact'),
          xc('附件3 第六条', OTHER),
        ),
        major(
          'xc-coercion-seizure',
          '查封、扣押涉案面积300平方米以上或者涉案价值10万元以上',
          'coercion',
          [
            { type: 'coercion_act', acts: ['seal', 'seize'] },
            { type: 'seized_at_least', areaSquareMetres: 300, valueYuan: 100000 },
          ],
          xc(
            '附件3 第七条',
            '(一)查封、扣押涉案场所、设施或者财物,涉案面积300平方米以上或者涉案价值10万元以上的',
          ),
        ),
        major(
          'xc-coercion-disposal',
          '拍卖或者依法处理查封、扣押的场所、设施或者财物',
          'coercion',
          [{ type: 'coercion_act', acts: ['auction_or_dispose'] }],
          xc('附件3 第七条', '(二)拍卖或者依法处理查封、扣押的场所、设施或者财物的'),
        ),
        major(
          'xc-coercion-freeze-transfer',
          '冻结、划拨存款、汇款',
          'coercion',
          [{ type: 'coercion_act', acts: ['freeze', 'transfer'] }],
          xc('附件3 第七条', '(三)冻结、划拨存款、汇款的'),
        ),
        major(
          'xc-coercion-demolition',
          '强制拆除建筑物、构筑物',
          'coercion',
          [{ type: 'coercion_act', acts: ['demolition'] }],
          xc('附件3 第七条', '(四)强制拆除建筑物、构筑物的'),
        ),
        major(
          'xc-coercion-other',
          '其他有重大影响的行政强制',
          'coercion',
          fact('other_major_impact'),
          xc('附件3 第七条', '(五)其他对当事人或者社会公共利益有重大影响的'),
        ),
      ],
      extension: cited(
        'agency_list_with_filing',
        xc(
          '附件3 第八条',
          '需要对本办法规定的审核范围进行调整的,应当报本级政府法制机构(区政府法制办公室)备案后执行',
        ),
      ),
    },
    av: {
      alwaysRecord: [
        avAct(
          'fixed_site_acceptance',
          xc('附件2 第七条', '行政执法机关有固定受理地点的,应当安装视频监控系统,实时记录办理过程'),
        ),
        avAct('site_inspection', INVESTIGATION_AV),
        avAct('survey', INVESTIGATION_AV),
        avAct('sampling', INVESTIGATION_AV),
        avAct('hearing', INVESTIGATION_AV),
        avAct('restrict_liberty', COERCION_AV),
        avAct('seal', COERCION_AV),
        avAct('seize', COERCION_AV),
        avAct('leave_service', xc('附件2 第二十四条', '并采用音像记录等方式记录送达过程')),
        avAct('notice_service', xc('附件2 第二十六条', '留存书面公告,进行音像记录')),
        avAct(
          'remove_obstruction_restore',
          xc('附件2 第二十九条', '采取排除妨碍、恢复原状强制执行方式的,应当同时进行音像记录'),
        ),
      ],
      asCircumstances: [
        avAct(
          'investigation',
          xc('附件2 第十三条', '行政执法机关采取其他调查取证方式的,可以根据执法需要进行音像记录'),
        ),
        avAct(
          'summary_penalty',
          xc(
            '附件2 第二十一条',
            '对容易引起行政争议的简易程序执法行为,行政执法机关应当进行音像记录',
          ),
        ),
        avAct(
          'rectification_check',
          xc(
            '附件2 第二十七条',
            '依法责令改正的,应当按期对改正情况进行核查并进行文字记录,可以根据执法需要进行音像记录',
          ),
        ),
      ],
      exemptions: [
        avExemption(
          'emergency',
          xc('附件2 第十三条、第十四条', '应当同时进行音像记录,遇到紧急情况除外'),
        ),
      ],
      notifyPartyAtStart: null,
      interruptionExplained: null,
      uploadDeadline: cited(
        hours(24),
        xc(STORAGE, '应当在24小时内按要求将信息储存至本单位专用存储器'),
      ),
      officerMayNotKeepCopies: cited(
        true,
        xc(STORAGE, '音像记录制作完成后,行政执法人员不得自行保管'),
      ),
      sameTargetStoredTogether: null,
    },
    archive: {
      caseFileDeadline: cited(days(30), xc(STORAGE, '应当自行政执法行为终结之日起30日内')),
      yearlyTransfer: null,
      partyAccessNeedsHeadApproval: cited(
        true,
        xc(
          '附件2 第三十二条',
          '当事人根据需要申请查阅、复制相关执法全过程记录信息的,经行政机关负责人同意,可以查阅、复制',
        ),
      ),
      inspectionVideoRetention: null,
    },
  },
};
