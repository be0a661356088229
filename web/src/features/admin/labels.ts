// Chinese labels for the codes the administration endpoints return.
export const ROLE_LABELS: Record<string, string> = {
  officer: '执法人员',
  reviewer: '法制审核人员',
  head: '机关负责人',
  supervisor: '监督人员',
  archivist: '档案管理员',
  admin: '系统管理员',
};

export const AGENCY_KIND_LABELS: Record<string, string> = {
  department: '政府工作部门',
  street_office: '街道办事处',
  township: '乡镇人民政府',
  justice_bureau: '司法行政部门',
  government: '人民政府',
};

export const UNIT_KIND_LABELS: Record<string, string> = {
  internal: '内设机构',
  legal: '法制机构',
  judicial_office: '司法所',
  archive: '档案机构',
};

export const ENTRUSTMENT_STATUS_LABELS: Record<string, string> = {
  active: '有效',
  ended: '已终止',
  revoked: '已撤销',
};

export const CREDENTIAL_KIND_LABELS: Record<string, string> = {
  enforcement: '行政执法证',
  supervision: '行政执法监督证',
};

/** What a credential means today (validity), with the tag colour that shows it. */
export const CREDENTIAL_VALIDITY: Record<string, { label: string; color: string }> = {
  valid: { label: '有效', color: 'success' },
  suspended: { label: '暂扣', color: 'warning' },
  revoked: { label: '注销', color: 'error' },
  expired: { label: '已过期', color: 'default' },
};

export const QUALIFICATION_KIND_LABELS: Record<string, string> = {
  legal_professional: '法律职业资格',
  public_lawyer: '公职律师',
  legal_adviser: '法律顾问',
};

export const POWER_STATUS_LABELS: Record<string, string> = {
  active: '有效',
  repealed: '已废止',
};

export function labelOf(labels: Record<string, string>, code: string): string {
  return labels[code] ?? code;
}
