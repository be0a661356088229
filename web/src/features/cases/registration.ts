// What registering a case (案源登记) offers and sends: kinds with their procedures, sources, and
// the party as the API takes it. Shared by the registration page and its party fields.
import type { paths } from '../../api/schema';

export type CreateBody =
  paths['/api/agencies/{agencyId}/cases']['post']['requestBody']['content']['application/json'];
export type Kind = CreateBody['kind'];
export type Source = CreateBody['source'];

export const PROCEDURES: Record<Kind, { value: string; label: string }[]> = {
  penalty: [
    { value: 'ordinary', label: '一般程序' },
    { value: 'summary', label: '简易程序' },
  ],
  permit: [
    { value: 'grant', label: '许可申请' },
    { value: 'change', label: '变更' },
    { value: 'renew', label: '延续' },
    { value: 'revoke', label: '撤销、撤回' },
    { value: 'cancel', label: '注销' },
  ],
  coercion: [
    { value: 'measure', label: '行政强制措施' },
    { value: 'execution', label: '行政强制执行' },
  ],
  inspection: [
    { value: 'routine', label: '日常检查' },
    { value: 'random', label: '双随机抽查' },
    { value: 'commitment', label: '告知承诺后核查' },
  ],
  expropriation: [{ value: 'ordinary', label: '征收征用' }],
};

export const KINDS: { value: Kind; label: string }[] = [
  { value: 'penalty', label: '行政处罚' },
  { value: 'permit', label: '行政许可' },
  { value: 'coercion', label: '行政强制' },
  { value: 'inspection', label: '行政检查' },
  { value: 'expropriation', label: '行政征收征用' },
];

export const SOURCES: { value: Source; label: string }[] = [
  { value: 'inspection', label: '监督检查发现' },
  { value: 'complaint', label: '投诉举报' },
  { value: 'referral', label: '上级交办' },
  { value: 'transfer', label: '其他机关移送' },
  { value: 'application', label: '当事人申请' },
  { value: 'random_check', label: '双随机抽查' },
  { value: 'other', label: '其他' },
];

export interface PartyValues {
  kind: 'person' | 'organisation';
  name: string;
  number?: string;
  legalRepresentative?: string;
  address?: string;
  phone?: string;
}

export interface Values {
  agencyId: string;
  kind: Kind;
  procedure: string;
  source: Source;
  sourceDetail?: string;
  powerId?: string;
  title: string;
  facts?: string;
  parties: PartyValues[];
  officers: { personId: string; role: 'lead' | 'assist' }[];
}

export const blank = (value: string | undefined) => (value?.trim() ? value.trim() : null);

export function toParty(p: PartyValues): CreateBody['parties'][number] {
  return p.kind === 'person'
    ? {
        kind: 'person',
        name: p.name,
        idCardNo: blank(p.number),
        address: blank(p.address),
        phone: blank(p.phone),
      }
    : {
        kind: 'organisation',
        name: p.name,
        creditCode: p.number?.trim() ?? '',
        legalRepresentative: blank(p.legalRepresentative),
        address: blank(p.address),
        phone: blank(p.phone),
      };
}
