// Every refusal the system can give, in one place: a stable code other systems may depend on, the
// HTTP status, and the Chinese message a user reads. The OpenAPI document lists these too.

export const ERROR_CODES = {
  // Generic request problems
  VALIDATION_FAILED: { status: 400, message: '请求参数不符合要求' },
  MALFORMED_JSON: { status: 400, message: '请求体不是有效的 JSON' },
  INVALID_ID: { status: 400, message: '标识符格式不正确' },
  BODY_TOO_LARGE: { status: 413, message: '请求体过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的请求内容类型' },
  NOT_FOUND: { status: 404, message: '请求的资源不存在' },
  METHOD_NOT_ALLOWED: { status: 405, message: '不支持该请求方法' },
  CONFLICT: { status: 409, message: '数据与现有记录冲突' },
  DUPLICATE: { status: 409, message: '记录已存在，不能重复创建' },
  REFERENCE_INVALID: { status: 422, message: '引用的记录不存在或不可用' },
  INTERNAL_ERROR: { status: 500, message: '服务器内部错误，请稍后重试' },

  // Sessions and authorisation
  INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  FORBIDDEN: { status: 403, message: '无权执行此操作' },
  OUT_OF_SCOPE: { status: 403, message: '无权访问其他执法主体的数据' },
  LOGIN_THROTTLED: { status: 429, message: '登录失败次数过多，请稍后再试' },
  ACCOUNT_DISABLED: { status: 403, message: '账号已停用' },

  // Organisations and people
  INVALID_ID_CARD: { status: 400, message: '居民身份证号码不正确（校验位不符或日期无效）' },
  INVALID_CREDIT_CODE: { status: 400, message: '统一社会信用代码不正确（校验位不符）' },
  INVALID_PHONE: { status: 400, message: '电话号码格式不正确' },
  INVALID_DATE_RANGE: { status: 400, message: '日期区间不正确：结束日期不能早于开始日期' },
  UNIT_CYCLE: { status: 422, message: '内设机构不能以自身或下级机构为上级' },
  ROLE_SCOPE_INVALID: { status: 422, message: '角色的适用范围不正确' },
  QUALIFICATION_REQUIRED: { status: 422, message: '该角色要求具备法律职业资格' },
  LAW_AREA_NOT_IN_AGENCY: {
    status: 422,
    message: '执法证的执法领域超出所属执法主体的职权范围',
  },
  PHOTO_INVALID: { status: 400, message: '照片须为 JPEG 或 PNG 图片' },
  PERSON_REQUIRED: { status: 422, message: '该角色须关联本执法主体的人员' },
  CREDENTIAL_REQUIRED: { status: 422, message: '执法人员角色须关联持有执法证的人员' },
  WEAK_PASSWORD: {
    status: 400,
    message: '密码至少 10 位，且须包含大写字母、小写字母、数字、符号中的至少三类',
  },

  // Calendar and deadlines
  CALENDAR_NOT_LOADED: { status: 422, message: '该年度的节假日安排尚未导入，无法计算工作日' },
  CALENDAR_FILE_INVALID: { status: 400, message: '节假日安排文件格式不正确' },
  DEADLINE_NOT_OPEN: { status: 409, message: '该期限已结束，不能再变更' },

  // Powers catalogue (权力清单, 随机抽查事项清单) and its bulk import
  POWER_INVALID: { status: 422, message: '权力事项内容不符合要求' },
  POWER_CODE_TAKEN: { status: 409, message: '本执法主体已有相同编码的权力事项' },
  POWER_REPEALED: { status: 409, message: '该权力事项已废止，不能再修改或废止' },
  RANDOM_CHECK_CODE_TAKEN: { status: 409, message: '本执法主体已有相同编码的随机抽查事项' },
  RANDOM_CHECK_ITEM_REPEALED: { status: 409, message: '该随机抽查事项已废止，不能再修改或废止' },
  IMPORT_FILE_INVALID: {
    status: 400,
    message: '导入文件无法识别，请使用系统提供的模板（XLSX 或 CSV）',
  },
  IMPORT_EMPTY: { status: 422, message: '导入文件中没有数据行' },
  IMPORT_TOO_MANY_ROWS: { status: 422, message: '导入文件的数据行过多，请分批导入' },
  IMPORT_ROWS_INVALID: { status: 422, message: '导入文件中有不符合要求的内容，未导入任何数据' },

  // Jurisdiction profiles (辖区规则包) and agencies' rule overrides
  OVERRIDE_REASON_REQUIRED: { status: 400, message: '调整辖区规则必须填写理由' },
  RULE_VALUE_INVALID: { status: 422, message: '规则取值的类型或单位不符合该规则的要求' },
  RULE_LOOSEN_FORBIDDEN: { status: 403, message: '放宽辖区规则须由系统管理员办理' },
  RULE_LOOSEN_LIMIT: {
    status: 422,
    message: '只能放宽至本地规范性文件规定的原值，且该值须宽于国家规定',
  },
  RULE_OVERRIDE_NOT_ACTIVE: { status: 409, message: '该规则当前没有本机关的调整，无需撤销' },

  // Ledger (全过程记录账本)
  LEDGER_RANGE_INVALID: {
    status: 422,
    message: '请求的序号或规模超出账本当前范围（序号须小于规模，规模不得大于当前规模）',
  },
  TREE_HEAD_NOT_FOUND: { status: 404, message: '该规模的签名树头不存在' },

  // Cases (案件办理)
  CASE_NOT_FOUND: { status: 404, message: '案件不存在' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** A refusal with a stable code. Services throw it; the error handler answers with it. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, options: { message?: string; details?: unknown } = {}) {
    const entry = ERROR_CODES[code];
    super(options.message ?? entry.message);
    this.code = code;
    this.status = entry.status;
    this.details = options.details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
