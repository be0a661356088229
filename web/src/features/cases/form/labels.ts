// Chinese labels of enum values the action schemas carry without labels of their own. A value
// not listed here is shown as the server sent it.
export const ENUM_LABELS: Record<string, string> = {
  // 笔录种类
  on_site: '现场笔录',
  inquiry: '询问笔录',
  inspection: '检查笔录',
  survey: '勘验笔录',
  sampling: '抽样取证凭证',
  // 放弃陈述申辩的方式
  waiver_statement: '当事人签署书面声明',
  waiver_transcript: '记入笔录并由当事人签名',
  // 处罚种类 (《行政处罚法》第九条)
  warning: '警告',
  criticism: '通报批评',
  fine: '罚款',
  confiscation: '没收违法所得、没收非法财物',
  suspend_permit: '暂扣许可证件',
  lower_qualification: '降低资质等级',
  revoke_permit: '吊销许可证件',
  restrict_activity: '限制开展生产经营活动',
  suspend_business: '责令停产停业',
  close: '责令关闭',
  restrict_practice: '限制从业',
  detention: '行政拘留',
  // 送达方式
  direct: '直接送达',
  mail: '邮寄送达',
  leave: '留置送达',
  notice: '公告送达',
  electronic: '电子送达',
  // 执行方式
  court: '申请人民法院强制执行',
  self: '自行强制执行',
  // 其他
  lead: '主办',
  assist: '协办',
  agency: '行政机关',
  party: '当事人',
  recording: '在录音录像中说明',
  written: '书面说明',
  approve: '批准',
  reject: '不予批准',
  grant: '准予',
  deny: '不予',
  yes: '是',
  no: '否',
};

export function enumLabel(value: unknown, labels?: Record<string, string>): string {
  const key = String(value);
  return labels?.[key] ?? ENUM_LABELS[key] ?? key;
}
