// Vocabulary of audio/video records (server: profile/profile.vocabulary.ts) with the Chinese the
// user reads, and the conversion of the AV form into the server's AvMetadata.
import type { Dayjs } from 'dayjs';

export const AV_ACTS: Record<string, string> = {
  on_site_enforcement: '现场执法',
  investigation: '调查取证',
  site_inspection: '现场检查',
  inspection_with_contact: '与行政相对人直接接触或者直接进入其场所的行政检查',
  evidence_preservation: '证据先行登记保存',
  sampling: '抽样取证',
  survey: '勘验',
  hearing: '听证',
  leave_service: '留置送达',
  notice_service: '公告送达',
  summary_penalty: '适用简易程序的行政处罚',
  coercion: '实施行政强制',
  seal: '查封场所、设施或者财物',
  seize: '扣押财物',
  seal_seize_property: '查封扣押财产',
  restrict_liberty: '限制公民人身自由',
  forced_demolition: '强制拆除',
  remove_obstruction_restore: '排除妨碍、恢复原状的强制执行',
  liberty_health_property_sites:
    '直接涉及人身自由、生命健康、重大财产权益的现场执法活动和执法办案场所',
  inspection_after_commitment_permit: '采用告知承诺方式取得行政许可后的检查',
  fixed_site_acceptance: '固定受理地点的申请受理',
  rectification_check: '责令改正后的核查',
};

export const AV_EXEMPTIONS: Record<string, string> = {
  high_risk_site: '易燃易爆、无菌等高风险现场（场所）可不作视音频记录',
  emergency: '遇到紧急情况的除外',
};

export const STEPS: { value: string; label: string }[] = [
  { value: 'investigate', label: '调查取证' },
  { value: 'on_site', label: '现场执法' },
  { value: 'inspection', label: '现场检查' },
  { value: 'hearing', label: '听证' },
  { value: 'service', label: '送达' },
  { value: 'execution', label: '执行' },
  { value: 'other', label: '其他' },
];

export const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export interface AvFormValues {
  act?: string;
  device: string;
  officerIds: string[];
  period: [Dayjs, Dayjs];
  place: string;
  isPartyNotified: boolean;
  isContinuous: boolean;
  interruptions?: {
    period: [Dayjs, Dayjs];
    reason: string;
    reasonStatedIn: 'recording' | 'written';
  }[];
}

export function toAvMetadata(v: AvFormValues) {
  return {
    ...(v.act ? { act: v.act } : {}),
    device: v.device.trim(),
    officerIds: v.officerIds,
    startedAt: v.period[0].toISOString(),
    endedAt: v.period[1].toISOString(),
    place: v.place.trim(),
    isPartyNotified: v.isPartyNotified,
    isContinuous: v.isContinuous,
    interruptions: v.isContinuous
      ? []
      : (v.interruptions ?? []).map((i) => ({
          startedAt: i.period[0].toISOString(),
          endedAt: i.period[1].toISOString(),
          reason: i.reason.trim(),
          reasonStatedIn: i.reasonStatedIn,
        })),
  };
}
