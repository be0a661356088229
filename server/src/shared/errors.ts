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
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    message: '该幂等键已用于另一项内容不同的请求，本次请求未作处理；提交新的内容须使用新的幂等键',
  },
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
  ENTRUSTMENT_CLOSED: {
    status: 409,
    message: '该委托已终止或撤销，不能再变更；如需继续委托，请重新办理委托手续',
  },
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

  // Evidence (证据) and its resumable uploads (tus 1.0.0)
  TUS_VERSION_UNSUPPORTED: { status: 412, message: '不支持的 tus 协议版本（须为 1.0.0）' },
  UPLOAD_NOT_FOUND: { status: 404, message: '上传任务不存在或已终止' },
  UPLOAD_LENGTH_REQUIRED: { status: 400, message: '须以 Upload-Length 声明文件的字节数' },
  UPLOAD_METADATA_INVALID: { status: 400, message: '上传元数据（Upload-Metadata）不符合要求' },
  UPLOAD_TOO_LARGE: { status: 413, message: '文件超过允许上传的最大字节数' },
  UPLOAD_EXCEEDS_LENGTH: { status: 413, message: '上传的数据超过了声明的文件长度' },
  UPLOAD_OFFSET_MISMATCH: {
    status: 409,
    message: '续传位置与服务器已接收的字节数不符，请先查询进度（HEAD）再续传',
  },
  UPLOAD_LOCKED: {
    status: 409,
    message: '该文件正由另一请求上传，请稍后查询进度（HEAD）再续传',
  },
  UPLOAD_CHECKSUM_UNSUPPORTED: {
    status: 400,
    message: '不支持的校验算法（可用 sha1、sha256、sm3）',
  },
  UPLOAD_CHECKSUM_MISMATCH: { status: 460, message: '本次上传数据的校验和不符，数据未被接收' },
  UPLOAD_ALREADY_RECORDED: {
    status: 409,
    message: '文件已作为证据记录，不能终止或更改；更正须另行上传',
  },
  EVIDENCE_HASH_MISMATCH: {
    status: 422,
    message: '文件内容与声明的哈希值不符，上传已作废，请重新上传',
  },
  EVIDENCE_NOT_FOUND: { status: 404, message: '证据不存在' },
  EVIDENCE_HAS_NO_FILE: { status: 404, message: '该记录是未作音像记录的情况说明，没有文件' },
  EVIDENCE_BLOB_UNAVAILABLE: {
    status: 500,
    message: '证据文件缺失或与记录不符，请联系管理员运行核验（sanxiang verify）',
  },
  RANGE_NOT_SATISFIABLE: { status: 416, message: '请求的字节范围无效' },
  AV_METADATA_INVALID: { status: 400, message: '音像记录信息不符合要求' },
  AV_OFFICER_NOT_OF_AGENCY: { status: 422, message: '在场执法人员须为本案执法主体的人员' },
  AV_EXEMPTION_NOT_RECOGNISED: {
    status: 422,
    message: '本执法主体适用的规则未规定该可不作音像记录的情形',
  },

  // Access audit (调阅监督)
  ACCESS_REASON_REQUIRED: {
    status: 422,
    message: '非本案承办人员调阅案件记录，须说明调阅事由（reason）',
  },
  PARTY_ACCESS_REQUEST_NOT_FOUND: { status: 404, message: '查阅、复制申请不存在' },
  PARTY_NOT_OF_CASE: { status: 422, message: '申请人不是本案的当事人' },
  PARTY_ACCESS_EVIDENCE_INVALID: { status: 422, message: '申请查阅的证据不属于本案' },
  PARTY_ACCESS_ALREADY_DECIDED: { status: 409, message: '该申请已有负责人意见，不能重复决定' },
  PARTY_ACCESS_PERIOD_REQUIRED: {
    status: 422,
    message: '同意查阅、复制时须限定期限（validForDays）',
  },
  PARTY_ACCESS_TOKEN_INVALID: {
    status: 404,
    message: '查阅凭证无效：申请未经负责人同意或凭证不存在',
  },
  PARTY_ACCESS_EXPIRED: { status: 403, message: '查阅凭证已过期，须重新申请' },
  PARTY_ACCESS_NOT_IN_SCOPE: { status: 403, message: '该证据不在负责人同意查阅的范围内' },

  // Retention, holds and disposal (档案保管与销毁)
  LEGAL_HOLD_ACTIVE: { status: 409, message: '案件记录处于保全状态，不得销毁' },
  LEGAL_HOLD_NOT_FOUND: { status: 404, message: '保全记录不存在' },
  LEGAL_HOLD_ALREADY_RELEASED: { status: 409, message: '该保全已解除' },
  DISPOSAL_EVIDENCE_INVALID: { status: 422, message: '拟销毁的记录不属于本案' },
  DISPOSAL_ALREADY_DISPOSED: { status: 409, message: '记录已销毁' },
  DISPOSAL_CASE_NOT_CLOSED: { status: 422, message: '案件尚未终结，保管期限尚未起算，不得销毁' },
  DISPOSAL_BEFORE_RETENTION_END: {
    status: 422,
    message: '记录保管期限未满（或为永久保管），不得销毁',
  },
  DISPOSAL_PROPOSAL_NOT_FOUND: { status: 404, message: '销毁申请不存在' },
  DISPOSAL_APPROVER_IS_PROPOSER: { status: 422, message: '销毁申请人不得审批本人的申请' },
  DISPOSAL_ALREADY_APPROVED_BY_YOU: {
    status: 409,
    message: '同一人不能重复审批，销毁须经两名不同人员审批',
  },
  DISPOSAL_HEAD_APPROVAL_REQUIRED: {
    status: 422,
    message: '销毁须有一名审批人为机关负责人',
  },
  EVIDENCE_DISPOSED: {
    status: 410,
    message: '该证据文件已按规定销毁，仅保留存在证明（哈希、账本记录与销毁清册）',
  },

  // Cases (案件办理)
  CASE_NOT_FOUND: { status: 404, message: '案件不存在' },
  STEP_ROLE_REQUIRED: { status: 403, message: '该办理环节须由相应职责的人员办理' },
  CASE_ACTION_UNKNOWN: { status: 404, message: '该类案件没有这一办理环节' },
  CASE_ACTION_NOT_ALLOWED: { status: 409, message: '案件当前所处阶段不能进行该操作' },
  CASE_VERSION_CONFLICT: { status: 409, message: '案件已被他人更新，请刷新后重试' },
  CASE_PROCEDURE_UNKNOWN: { status: 400, message: '不支持的案件类型或程序' },
  OFFICERS_INSUFFICIENT: { status: 422, message: '执法人员不得少于两人，且须持有效执法证' },
  OFFICER_LAW_AREA_MISMATCH: { status: 422, message: '执法人员的执法证领域不包含本执法事项' },
  OFFICER_NOT_OF_AGENCY: { status: 422, message: '执法人员不属于本执法主体或未持执法证' },
  RECUSAL_NOT_DECLARED: { status: 422, message: '执法人员尚未作出回避声明' },
  PARTY_REQUIRED: { status: 422, message: '须登记当事人' },
  POWER_REQUIRED: { status: 422, message: '须选择所依据的权力事项' },
  FILING_APPROVAL_REQUIRED: { status: 422, message: '案件须经负责人批准立案' },
  EMERGENCY_START_NOT_PROVIDED: {
    status: 422,
    message: '本地规定未允许情况紧急时先行启动执法程序，须经负责人批准后立案',
  },
  EMERGENCY_START_NOT_PENDING: { status: 409, message: '本案不是先行启动，或已补报批准' },
  TRANSCRIPT_REQUIRED: { status: 422, message: '须先制作调查取证笔录' },
  TRANSCRIPT_INCOMPLETE: { status: 422, message: '笔录内容不完整' },
  PENALTY_INCOMPLETE: { status: 422, message: '拟作出的处罚内容不完整' },
  PRIOR_NOTICE_REQUIRED: {
    status: 422,
    message: '作出处罚决定前须告知当事人拟处罚的事实、理由、依据及其权利',
  },
  PENALTY_HEAVIER_THAN_NOTICE: {
    status: 422,
    message: '处罚不得重于事先告知的内容；加重的须重新告知，且不得因当事人陈述申辩而加重处罚',
  },
  HEARING_NOT_AVAILABLE: { status: 422, message: '拟作出的处罚不属于当事人可以要求听证的情形' },
  HEARING_REQUEST_LATE: { status: 422, message: '当事人要求听证已超过法定期限' },
  HEARING_NOTICE_TOO_LATE: { status: 422, message: '听证通知须在举行听证的七日前送达' },
  HEARING_NOT_HELD: { status: 422, message: '当事人要求听证的，须举行听证后方可作出决定' },
  HEARING_PERIOD_OPEN: { status: 422, message: '听证申请期限尚未届满' },
  STATEMENT_PERIOD_OPEN: { status: 422, message: '当事人陈述、申辩期限尚未届满' },
  DEFENCE_ALREADY_WAIVED: { status: 409, message: '已记录当事人放弃陈述、申辩' },
  COLLECTIVE_DECISION_REQUIRED: { status: 422, message: '该处罚须经行政机关负责人集体讨论决定' },
  DECISION_PERIOD_EXPIRED: { status: 422, message: '已超过作出行政处罚决定的法定期限' },
  PRESERVATION_NOT_PENDING: { status: 409, message: '没有待处理的先行登记保存证据' },
  PRESERVATION_PERIOD_EXPIRED: { status: 422, message: '先行登记保存的处理期限已届满' },
  SERVICE_RECORD_INCOMPLETE: { status: 422, message: '送达记录不完整' },
  PAYMENT_NOT_OVERDUE: { status: 422, message: '缴纳期限尚未届满，不能催告' },
  REMINDER_REQUIRED: { status: 422, message: '申请强制执行前须先催告当事人履行' },
  SUMMARY_PROCEDURE_NOT_ALLOWED: { status: 422, message: '不符合适用简易程序的条件' },
  CASE_ALREADY_SUSPENDED: { status: 409, message: '案件已处于中止状态' },
  CASE_NOT_SUSPENDED: { status: 409, message: '案件未中止' },

  // Disclosure (行政执法公示) and its public portal
  DISCLOSURE_NOT_FOUND: { status: 404, message: '公示信息不存在' },
  DECISION_DISPLAY_ENDED: { status: 410, message: '该决定信息的公示期限已满，已停止公示' },
  DECISION_NOT_DECIDED: { status: 422, message: '案件尚未作出决定，不能公示' },
  DISCLOSURE_NOT_PENDING: { status: 409, message: '该决定信息不在待签发公示状态' },
  DISCLOSURE_WITHDRAWN: { status: 409, message: '该公示信息已撤下，不能再更正或撤下' },
  DISPLAY_EARLY_END_BARRED: {
    status: 422,
    message: '受到责令停产停业、吊销许可证件等处罚的，不得提前停止公示',
  },
  DISPLAY_EARLY_END_NOT_APPLICABLE: {
    status: 422,
    message: '该决定信息没有公示期限，不适用提前停止公示',
  },
  CORRECTION_REQUEST_NOT_FOUND: { status: 404, message: '更正申请不存在，请核对受理编号' },
  CORRECTION_REQUEST_ANSWERED: { status: 409, message: '该更正申请已答复' },
  ANNUAL_REPORT_NOT_PUBLISHED: { status: 404, message: '该年度行政执法统计数据尚未公开' },
  ANNUAL_REPORT_EXISTS: { status: 409, message: '该年度统计数据已公开，不能重复生成' },
  ANNUAL_REPORT_YEAR_INVALID: { status: 422, message: '只能生成已结束年度的统计数据' },
  CREDENTIAL_NOT_FOUND: { status: 404, message: '未查询到该执法证件，请核对证件号码' },
  INSPECTION_CODE_NOT_FOUND: { status: 404, message: '未查询到该检查记录，请核对检查码' },
  INSPECTION_CASE_REQUIRED: { status: 422, message: '只有行政检查案件才有检查码' },
  PUBLIC_RATE_LIMITED: { status: 429, message: '访问过于频繁，请稍后再试' },
  CATALOGUE_CHANGE_PUBLISHED: { status: 409, message: '该变更已确认更新公示' },

  // Legal review (重大执法决定法制审核)
  LEGAL_REVIEW_REQUIRED: { status: 422, message: '重大执法决定须经法制审核后方可作出' },
  LEGAL_REVIEW_NOT_AGREED: { status: 422, message: '法制审核未通过，不得作出决定' },
  REVIEW_PROPOSAL_REQUIRED: { status: 422, message: '尚未拟定拟作出的决定，不能报送法制审核' },
  REVIEW_CASE_DECIDED: { status: 409, message: '案件已作出决定，不能再办理法制审核' },
  REVIEW_MATERIALS_INCOMPLETE: { status: 422, message: '送审材料不齐全' },
  REVIEW_ALREADY_PENDING: { status: 409, message: '已有待出具审核意见的送审，请等待审核意见' },
  REVIEW_SUBMISSION_UNCHANGED: {
    status: 422,
    message: '拟作出的决定及送审材料与上次送审相同，不能重复报送',
  },
  REVIEW_FIX_NOTE_REQUIRED: { status: 422, message: '审核未通过后再次报送的，须说明作出的处理' },
  REVIEW_BODY_NOT_FOUND: { status: 422, message: '未找到负责本案法制审核的机构' },
  REVIEW_NOT_PENDING: { status: 409, message: '没有待出具审核意见的送审' },
  REVIEW_PROPOSAL_CHANGED: {
    status: 409,
    message: '拟作出的决定在报送后已变更，须由承办机构重新报送',
  },
  REVIEW_OUTCOME_NOT_IN_PROFILE: { status: 422, message: '该审核意见种类不属于本辖区规定的种类' },
  REVIEW_REASONS_REQUIRED: { status: 422, message: '同意以外的审核意见须写明理由' },
  REVIEW_CHECKLIST_INCOMPLETE: { status: 422, message: '审核要点不完整或与审核意见不一致' },
  REVIEW_LAWYER_OPINION_REQUIRED: {
    status: 422,
    message: '须记录公职律师或法律顾问的参与意见及其采纳情况',
  },
  REVIEWER_NOT_OF_REVIEW_BODY: {
    status: 403,
    message: '只有负责本案法制审核的机构的审核人员可以出具审核意见',
  },
  REVIEWER_IS_INVESTIGATOR: { status: 403, message: '本案的调查人员不得审核本案' },
  REVIEWER_QUALIFICATION_REQUIRED: {
    status: 403,
    message: '初次从事法制审核的人员须取得法律职业资格',
  },
  REVIEW_EXTENSION_NOT_ALLOWED: { status: 422, message: '本辖区规定未设延长审核期限' },
  REVIEW_EXTENSION_LIMIT: {
    status: 422,
    message: '审核期限只能延长一次，且不得超过规定的延长期限',
  },
  REVIEW_EXTENSION_LATE: { status: 422, message: '审核期限已届满，不能再批准延长' },
  REVIEW_TIME_LIMIT_REQUIRED: {
    status: 422,
    message: '本辖区规定由机关在决定的办理期限内确定审核期限，请填写审核期限',
  },
  REVIEW_TIME_LIMIT_TOO_LONG: { status: 422, message: '审核期限不得超出作出决定的办理期限' },
  REVIEW_OBJECTION_NOT_AVAILABLE: {
    status: 422,
    message: '本辖区规定审核未通过的须研究处理后再次报送，不设异议程序',
  },
  REVIEW_NOT_DISPUTABLE: { status: 409, message: '最近的审核意见不是未通过的意见，无需提出异议' },
  REVIEW_RE_REVIEW_USED: { status: 409, message: '该决定已经书面申请复审一次，不能再次申请' },
  REVIEW_NEGOTIATION_REQUIRED: {
    status: 422,
    message: '对审核意见有异议的，须列明理由和依据并记录与审核机构的协商沟通情况',
  },
  REVIEW_RESOLUTION_NOT_AVAILABLE: { status: 409, message: '尚不具备报请负责人决定的条件' },
  REVIEW_RESOLUTION_INVALID: { status: 422, message: '该处理决定不适用于本辖区规定的程序' },
  REVIEW_CATALOG_FILING_REQUIRED: {
    status: 422,
    message: '调整审核范围须先报本级政府法制机构备案，请填写备案信息',
  },
  REVIEW_CATALOG_CODE_TAKEN: { status: 409, message: '重大执法决定目录中已有相同编码的条目' },

  // Case kinds (行政许可、行政强制、行政检查、行政征收征用)
  AV_RECORD_REQUIRED: {
    status: 422,
    message: '该执法行为应当全程音像记录：须先上传本环节的音像记录，或登记未作音像记录的理由',
  },
  POWER_KIND_MISMATCH: { status: 422, message: '所选权力事项的类别与案件类型不符' },
  DECISION_PROPOSAL_REQUIRED: { status: 422, message: '尚未拟定拟作出的决定' },
  ADVERSE_NOTICE_REQUIRED: {
    status: 422,
    message: '作出对当事人不利的决定前，须告知拟作出决定的事实、理由、依据及其陈述、申辩和听证权利',
  },
  PERMIT_EXISTING_REQUIRED: { status: 422, message: '变更、延续申请须载明所涉的行政许可' },
  PERMIT_CORRECTION_ALREADY_REQUESTED: {
    status: 409,
    message: '需要补正的全部内容应当一次告知，不能再次要求补正',
  },
  PERMIT_CORRECTION_NOTICE_LATE: {
    status: 422,
    message: '已超过告知补正的期限，自收到申请材料之日起即为受理',
  },
  PERMIT_EXTENSION_USED: { status: 409, message: '决定期限只能延长一次' },
  PERMIT_EXTENSION_LATE: { status: 422, message: '决定期限已届满，不能再批准延长' },
  PERMIT_HEARING_ANNOUNCEMENT_REQUIRED: {
    status: 422,
    message: '依法应当听证或者涉及公共利益的重大许可事项，须向社会公告并举行听证',
  },
  PERMIT_HEARING_PRESIDER_CONFLICT: {
    status: 422,
    message: '听证主持人应当由审查该行政许可申请的工作人员以外的人员担任',
  },
  PERMIT_HEARING_REQUIRED: {
    status: 422,
    message: '依法应当听证的行政许可事项，须举行听证后方可作出决定',
  },
  PERMIT_HEARING_RIGHT_NOT_NOTIFIED: {
    status: 422,
    message:
      '行政许可直接涉及申请人与他人之间重大利益关系的，须先告知申请人、利害关系人享有要求听证的权利',
  },
  PERMIT_HEARING_RECORD_NOT_CONSIDERED: {
    status: 422,
    message: '举行听证的，应当根据听证笔录作出行政许可决定',
  },
  PERMIT_OUTCOME_NOT_AVAILABLE: { status: 422, message: '该程序不能作出这种决定' },
  PERMIT_REASONS_REQUIRED: {
    status: 422,
    message: '作出不予许可等不利决定的，须说明理由，并告知申请行政复议或者提起行政诉讼的权利',
  },
  PERMIT_GROUND_MISMATCH: { status: 422, message: '所依据的情形不适用于该决定' },
  PERMIT_REVOCATION_HARMS_PUBLIC_INTEREST: {
    status: 422,
    message: '撤销行政许可可能对公共利益造成重大损害的，不予撤销',
  },
  PERMIT_COMPENSATION_REQUIRED: {
    status: 422,
    message: '撤回行政许可或者因行政机关的原因撤销行政许可的，须载明补偿或者赔偿',
  },
  SITE_CHECK_REQUIRED: { status: 422, message: '需要现场核查的，须先完成核查' },
  PERMIT_RENEWAL_DEEMED_GRANTED: {
    status: 422,
    message: '行政许可有效期届满前未作出决定的，视为准予延续，不能再决定不予延续',
  },
  PERMIT_NOT_EXPIRED: { status: 422, message: '行政许可尚未届满，不能以有效期届满为由注销' },
  PERMIT_CERTIFICATE_NOT_APPLICABLE: { status: 409, message: '该决定不颁发行政许可证件' },
  PERMIT_CERTIFICATE_NOT_ISSUED: { status: 422, message: '准予许可的，须颁发、送达行政许可证件' },
  COERCION_APPROVAL_REQUIRED: {
    status: 422,
    message: '实施行政强制措施前须报经行政机关负责人批准；情况紧急的除外',
  },
  COERCION_WITNESS_REQUIRED: {
    status: 422,
    message: '当事人不到场的，须邀请见证人到场，由见证人和执法人员在现场笔录上签名',
  },
  COERCION_PARTY_NOT_INFORMED: {
    status: 422,
    message: '须当场告知当事人采取行政强制措施的理由、依据以及当事人的权利、救济途径',
  },
  COERCION_LIST_NOT_DELIVERED: {
    status: 422,
    message: '查封、扣押决定书和清单须当场交付当事人',
  },
  COERCION_FREEZE_NOTICE_REQUIRED: {
    status: 422,
    message: '冻结存款、汇款须向金融机构交付冻结通知书',
  },
  COERCION_NOT_EMERGENCY: { status: 409, message: '该强制措施不是紧急情况下当场实施的' },
  COERCION_EMERGENCY_ALREADY_RATIFIED: { status: 409, message: '已补办批准手续' },
  COERCION_EMERGENCY_NOT_RATIFIED: {
    status: 422,
    message: '紧急情况下当场实施的强制措施，须向负责人报告并补办批准手续',
  },
  COERCION_EXTENSION_USED: { status: 409, message: '强制措施的期限只能延长一次' },
  COERCION_EXTENSION_TOO_LONG: { status: 422, message: '延长期限超过法定上限' },
  COERCION_PERIOD_EXPIRED: { status: 422, message: '强制措施期限已届满，应当解除' },
  EXECUTION_NOT_OVERDUE: { status: 422, message: '当事人的履行期限尚未届满' },
  EXECUTION_REMINDER_INCOMPLETE: { status: 422, message: '催告书内容不完整' },
  EXECUTION_REMINDER_PERIOD_OPEN: { status: 422, message: '催告的期限尚未届满' },
  EXECUTION_POWER_REQUIRED: {
    status: 422,
    message: '本机关没有行政强制执行权，须申请人民法院强制执行',
  },
  EXECUTION_MEANS_MISMATCH: { status: 422, message: '该办理环节与拟定的强制执行方式不符' },
  EXECUTION_SUBSTITUTE_INCOMPLETE: {
    status: 422,
    message: '代履行须载明代履行人、标的和费用预算',
  },
  EXECUTION_SUBSTITUTE_REMINDER_REQUIRED: { status: 422, message: '代履行三日前须催告当事人履行' },
  EXECUTION_SUPERVISOR_REQUIRED: { status: 422, message: '代履行时须派本案执法人员到场监督' },
  EXECUTION_TIME_NOT_ALLOWED: {
    status: 422,
    message: '除情况紧急外，不得在夜间或者法定节假日实施行政强制执行',
  },
  EXECUTION_DEMOLITION_NOT_READY: {
    status: 422,
    message: '强制拆除须先公告、限期当事人自行拆除',
  },
  EXECUTION_REMEDY_PERIOD_OPEN: {
    status: 422,
    message: '当事人申请行政复议或者提起行政诉讼的期限尚未届满',
  },
  COURT_APPLICATION_TOO_EARLY: { status: 422, message: '尚不能申请人民法院强制执行' },
  COURT_APPLICATION_LATE: { status: 422, message: '申请人民法院强制执行的期限已届满' },
  RANDOM_CHECK_ITEM_INVALID: { status: 422, message: '随机抽查事项不存在、已废止或不属于本机关' },
  INSPECTION_OFFICERS_NOT_DRAWN: { status: 422, message: '检查人员须从随机抽取的执法人员中产生' },
  INSPECTION_RECHECK_TOO_EARLY: { status: 422, message: '改正期限届满前不能认定逾期未整改' },
  EXPROPRIATION_STEP_NOT_APPLICABLE: { status: 409, message: '该环节不适用于本征收（征用）对象' },
  EXPROPRIATION_COMMENT_PERIOD_SHORT: { status: 422, message: '征求意见期限不得少于30日' },
  EXPROPRIATION_COMMENT_PERIOD_OPEN: { status: 422, message: '征求意见期限尚未届满' },
  EXPROPRIATION_HEARING_REQUIRED: {
    status: 422,
    message: '多数被征收人认为补偿方案不符合规定的，须组织听证会',
  },
  EXPROPRIATION_CONSULTATION_REQUIRED: { status: 422, message: '须先就补偿方案征求公众意见' },
  EXPROPRIATION_RISK_ASSESSMENT_REQUIRED: {
    status: 422,
    message: '作出决定前须进行社会稳定风险评估',
  },
  EXPROPRIATION_FUNDS_NOT_IN_PLACE: {
    status: 422,
    message: '作出房屋征收决定前，征收补偿费用应当足额到位、专户存储、专款专用',
  },
  EXPROPRIATION_COLLECTIVE_DECISION_REQUIRED: {
    status: 422,
    message: '被征收人数量较多的，须经政府常务会议讨论决定',
  },
  EXPROPRIATION_ANNOUNCEMENT_INCOMPLETE: {
    status: 422,
    message: '征收决定公告须载明补偿方案和行政复议、行政诉讼权利',
  },
  EXPROPRIATION_COMPENSATION_DECISION_REQUIRED: {
    status: 422,
    message: '对该被征收人须先作出并送达补偿决定',
  },
  EXPROPRIATION_COMPENSATION_INCOMPLETE: { status: 422, message: '尚有被征收（征用）人未获补偿' },
  EXPROPRIATION_PROPERTY_NOT_RETURNED: { status: 422, message: '被征用的财产使用后应当返还' },
  // Legal documents (文书)
  INSTRUMENT_NOT_FOUND: { status: 404, message: '文书不存在' },
  INSTRUMENT_KIND_UNKNOWN: { status: 400, message: '不支持该文书种类' },
  INSTRUMENT_KIND_NOT_FOR_CASE: { status: 422, message: '该文书不适用于本类案件' },
  INSTRUMENT_FIELD_UNKNOWN: { status: 400, message: '文书没有该栏目，或该栏目由系统填写' },
  INSTRUMENT_FIELDS_MISSING: { status: 422, message: '文书缺少法定必备内容，不能制作' },
  INSTRUMENT_NUMBERING_INVALID: {
    status: 400,
    message: '文号格式须包含 {year} 和 {seq}，可使用 {abbr}、{code}',
  },
  INSTRUMENT_FILE_REQUIRED: { status: 400, message: '请提交需要核验的文书 PDF 文件' },
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
