// The documents profile values cite, and the helpers data files use to cite them. A seed citation
// names its file in ./sources/, where the pinning test finds the quote.
import type { LawCitation, SeedCitation } from './profile.values.ts';

export interface SourceDocument {
  key: SourceKey;
  /** 文号, or the title where the document has none. */
  document: string;
  title: string;
  issuer: string;
  issuedOn: string;
  seedFile: string;
  /** The national document is stored in traditional characters and quoted as written. */
  script: 'simplified' | 'traditional';
}

export type SourceKey = 'national' | 'shanghai' | 'caoyang' | 'nanchang' | 'xuecheng';

export const SOURCE_DOCUMENTS: Record<SourceKey, SourceDocument> = {
  national: {
    key: 'national',
    document: '国办发〔2018〕118号',
    title:
      '国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见',
    issuer: '国务院办公厅',
    issuedOn: '2018-12-05',
    seedFile: '004_f9dec19fdf3ff554.txt',
    script: 'traditional',
  },
  shanghai: {
    key: 'shanghai',
    document: '沪府办发〔2019〕15号',
    title:
      '上海市全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度实施方案（含附件1—3）',
    issuer: '上海市人民政府办公厅',
    issuedOn: '2019-06-20',
    seedFile: '000_d0346fa063cfc89e.txt',
    script: 'simplified',
  },
  caoyang: {
    key: 'caoyang',
    document: '曹办〔2020〕7号',
    title:
      '曹杨新村街道全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度实施方案',
    issuer: '上海市普陀区曹杨新村街道办事处',
    issuedOn: '2020-09-11',
    seedFile: '001_356ee4ed81df5483.txt',
    script: 'simplified',
  },
  nanchang: {
    key: 'nanchang',
    document: '南昌市“三项制度”实施方案（2019）',
    title:
      '南昌市全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度实施方案（含工作任务分解表）',
    issuer: '南昌市人民政府办公厅',
    issuedOn: '2019-07-22',
    seedFile: '002_58fb68bcd603272c.txt',
    script: 'simplified',
  },
  xuecheng: {
    key: 'xuecheng',
    document: '薛政办发〔2017〕74号',
    title:
      '薛城区人民政府办公室关于推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的意见（含附件1—3）',
    issuer: '薛城区人民政府办公室',
    issuedOn: '2017-10-20',
    seedFile: '003_4221616f6ac2b050.txt',
    script: 'simplified',
  },
};

function citer(key: SourceKey) {
  const doc = SOURCE_DOCUMENTS[key];
  return (article: string, quote: string): SeedCitation => ({
    type: 'seed',
    document: doc.document,
    article,
    quote,
    seedFile: doc.seedFile,
  });
}

/** Cites 国办发〔2018〕118号; quotes are in its traditional characters. */
export const n = citer('national');
export const sh = citer('shanghai');
export const cy = citer('caoyang');
export const nc = citer('nanchang');
export const xc = citer('xuecheng');

export const PENALTY_LAW = '《中华人民共和国行政处罚法》（2021年修订）';

/** Cites an article of a law; the laws' texts are not among the seeds, so no quote. */
function lawOf(document: string) {
  return (article: string): LawCitation => ({ type: 'law', document, article });
}

export const PERMIT_LAW = '《中华人民共和国行政许可法》';
export const COERCION_LAW = '《中华人民共和国行政强制法》';
export const HOUSE_EXPROPRIATION_REGULATION = '《国有土地上房屋征收与补偿条例》';

export const penaltyLaw = lawOf(PENALTY_LAW);
export const permitLaw = lawOf(PERMIT_LAW);
export const coercionLaw = lawOf(COERCION_LAW);
export const houseExpropriationRegulation = lawOf(HOUSE_EXPROPRIATION_REGULATION);
export const landLaw = lawOf('《中华人民共和国土地管理法》');
export const civilCode = lawOf('《中华人民共和国民法典》');
export const reviewLaw = lawOf('《中华人民共和国行政复议法》');
export const litigationLaw = lawOf('《中华人民共和国行政诉讼法》');
export const noiseLaw = lawOf('《中华人民共和国噪声污染防治法》');
/** 市场监管总局's procedural rules for penalties: where 《行政处罚法》 sets no number. */
export const marketPenaltyProcedure = lawOf('《市场监督管理行政处罚程序规定》');
