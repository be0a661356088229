// 上海市普陀区曹杨新村街道: 曹办〔2020〕7号. The street office implements the Shanghai document
// ("(SH)" in DOMAIN §6): every rule its own text does not state is Shanghai's, cited to Shanghai.
import { cited, workingDays, type Profile } from '../profile.model.ts';
import { cy } from '../profile.sources.ts';
import { SHANGHAI } from './shanghai.ts';

const base = SHANGHAI.rules;

// Item 7 sets 7 working days for 行政执法决定 without distinguishing permits and penalties from
// other decisions. DOMAIN §6 reads "other decisions" as Shanghai's 20; the text is stricter, and
// the stricter reading is the one that cannot make a street office late under its own document.
const PUBLISH = cited(
  workingDays(7),
  cy(
    '二（三）第7项',
    '在行政执法决定作出之日起7个工作日内，通过信息共享方式，由公示平台向社会公示',
  ),
);

export const CAOYANG: Profile = {
  id: 'caoyang',
  name: '上海市普陀区曹杨新村街道',
  version: '2026.1',
  effectiveFrom: '2020-09-11',
  validUntil: null,
  inherits: 'shanghai',
  sources: ['caoyang', 'shanghai'],
  rules: {
    filing: { ...base.filing },
    disclosure: {
      ...base.disclosure,
      permitDecision: PUBLISH,
      penaltyDecision: PUBLISH,
      otherDecision: PUBLISH,
    },
    review: {
      ...base.review,
      timeLimit: cited(
        workingDays(5),
        cy('四（二）第21项', '审核机构自收到相关材料之日起5个工作日内'),
      ),
      extension: cited(workingDays(3), cy('四（二）第21项', '情况复杂的，审核期限延长3个工作日')),
      disagreementPath: cited(
        'negotiate_then_head',
        cy(
          '四（四）第23项',
          '对法制审核意见有异议的，应当列明理由和依据并与法制审核机构（人员）协商沟通，经协商沟通不能达成一致意见的，将双方意见一并报送至街道负责人处理',
        ),
      ),
      body: cited(
        { primary: 'judicial_office', fallback: null, forGovernmentNameDecisions: null },
        cy('四（一）第20项', '司法所为街道重大执法决定法制审核工作机构'),
      ),
      writtenOpinion: cited(
        true,
        cy('四（二）第21项', '对重大执法决定进行合法性、合理性审核并出具书面审核意见'),
      ),
      lawyerOpinionRecorded: cited(
        true,
        cy(
          '四（一）第20项',
          '审核机构应当组织公职律师或者外聘法律顾问参与，并将其意见采纳情况予以记录',
        ),
      ),
    },
    majorCatalog: { ...base.majorCatalog },
    av: { ...base.av },
    archive: {
      ...base.archive,
      caseFileDeadline: cited(
        { mode: 'per_archive_rules' },
        cy('三（三）第18项', '要按照档案管理要求，规范记录资料的归档和档案管理'),
      ),
      yearlyTransfer: cited(
        true,
        cy('三（三）第18项', '于归档期间将上一年度行政执法档案移送街道档案室统一保管'),
      ),
    },
  },
};
