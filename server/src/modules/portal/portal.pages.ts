// The portal's decision pages and credential verification, as pure functions from data to HTML.
import { CATEGORY_LABELS } from '../disclosure/disclosure.project.ts';
import { MAX_PAGE } from '../disclosure/disclosure.schemas.ts';
import { DISCLOSURE_CATEGORIES } from '../disclosure/disclosure.tables.ts';
import type { DecisionView } from '../disclosure/disclosure.view.ts';
import { html, layout, queryString, type SafeHtml } from './portal.html.ts';

export interface SearchForm {
  q?: string | undefined;
  agency?: string | undefined;
  category?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
}

const STATUS_LABELS = { published: '公示中', corrected: '已更正', withdrawn: '已撤下' } as const;

function chinaDateTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000)
    .toISOString()
    .slice(0, 16)
    .replace('T', ' ');
}

function searchForm(form: SearchForm, agencies: { id: string; name: string }[]): SafeHtml {
  return html`<form class="search" method="get" action="/decisions" role="search">
    <div class="wide">
      <label for="q">关键词（文号、当事人、事项名称、正文）</label>
      <input
        id="q"
        name="q"
        type="search"
        maxlength="100"
        value="${form.q ?? ''}"
        placeholder="如：薛市监罚〔2026〕15号、食品"
      />
    </div>
    <div>
      <label for="agency">执法主体</label
      ><select id="agency" name="agency">
        <option value="">全部</option>
        ${agencies.map((a) => html`<option value="${a.id}" ${form.agency === a.id ? html` selected` : ''}>${a.name}</option>`)}
      </select>
    </div>
    <div>
      <label for="category">类别</label
      ><select id="category" name="category">
        <option value="">全部</option>
        ${DISCLOSURE_CATEGORIES.map((c) => html`<option value="${c}" ${form.category === c ? html` selected` : ''}>${CATEGORY_LABELS[c]}</option>`)}
      </select>
    </div>
    <div>
      <label for="from">决定日期自</label
      ><input id="from" name="from" type="date" value="${form.from ?? ''}" />
    </div>
    <div>
      <label for="to">至</label><input id="to" name="to" type="date" value="${form.to ?? ''}" />
    </div>
    <div class="wide"><button type="submit">查询</button></div>
  </form>`;
}

function decisionItem(d: DecisionView): SafeHtml {
  return html`<article class="item">
    <h3><a href="/decisions/${d.id}">${d.docNo}</a></h3>
    <p>
      ${d.party}${d.partyCreditCode ? html`（统一社会信用代码 ${d.partyCreditCode}）` : ''} ·
      ${d.categoryLabel} · ${d.power}
    </p>
    <p class="meta">${d.agency} · 决定日期 ${d.decidedOn} · ${STATUS_LABELS[d.status]}</p>
    ${d.status === 'withdrawn' ? html`<p class="notice">已于 ${chinaDateTime(d.withdrawal?.at ?? d.publishedAt)} 撤下：${d.withdrawal?.reason ?? ''}</p>` : html`<p>${d.result}</p>`}
  </article>`;
}

export function homePage(input: {
  agencies: { id: string; name: string }[];
  latest: DecisionView[];
  total: number;
  totalIsLowerBound: boolean;
}): string {
  return layout({
    title: '首页',
    body: html`<h1>行政执法公示</h1>
      <p>查询行政执法决定，核验执法人员证件，了解各执法主体的职责、依据、程序和监督方式。</p>
      ${searchForm({}, input.agencies)}
      <h2>执法主体</h2>
      <ul>
        ${input.agencies.map((a) => html`<li><a href="/agencies/${a.id}">${a.name}</a></li>`)}
      </ul>
      <h2>执法证件核验</h2>
      <form method="get" action="/verify">
        <label for="no">执法证号</label>
        <input
          id="no"
          name="no"
          inputmode="numeric"
          maxlength="40"
          required
          pattern="[A-Za-z0-9-]+"
        />
        <button type="submit">核验</button>
      </form>
      <h2>最新公示（共 ${countText(input)}）</h2>
      ${input.latest.map(decisionItem)}
      <p><a href="/decisions">查看全部执法决定</a></p>`,
  });
}

/** A search total, which is only a lower bound when the search stopped counting. */
function countText(input: { total: number; totalIsLowerBound: boolean }): string {
  return input.totalIsLowerBound ? `${input.total} 条以上` : `${input.total} 条`;
}

export function decisionsPage(input: {
  form: SearchForm;
  agencies: { id: string; name: string }[];
  total: number;
  totalIsLowerBound: boolean;
  items: DecisionView[];
  pageSize: number;
}): string {
  const page = input.form.page ?? 1;
  // The API serves no page past MAX_PAGE, so the pager never promises one.
  const pages = Math.min(MAX_PAGE, Math.max(1, Math.ceil(input.total / input.pageSize)));
  const link = (p: number) => `/decisions${queryString({ ...input.form, page: p })}`;
  return layout({
    title: '执法决定查询',
    body: html`<h1>执法决定查询</h1>
      ${searchForm(input.form, input.agencies)}
      <p role="status">
        共找到 ${countText(input)}${input.form.q ? html`与“${input.form.q}”有关的` : ''}执法决定。
      </p>
      ${input.items.map(decisionItem)}
      <nav class="pager" aria-label="分页">
        ${page > 1 ? html`<a href="${link(page - 1)}" rel="prev">上一页</a>` : ''}
        <span>第 ${page} / ${pages} 页</span>
        ${page < pages ? html`<a href="${link(page + 1)}" rel="next">下一页</a>` : ''}
      </nav>`,
  });
}

export function decisionPage(d: DecisionView): string {
  const proofSize = d.ledgerIndex + 1;
  return layout({
    title: d.docNo,
    description: `${d.agency} ${d.categoryLabel} ${d.docNo}`,
    body: html`<h1>${d.docNo}</h1>
      ${
        d.status === 'withdrawn'
          ? html`<div class="notice" role="note">
              <p>
                <strong>本决定信息已撤下。</strong
                >撤下时间：${chinaDateTime(d.withdrawal?.at ?? d.publishedAt)}
              </p>
              <p>撤下理由：${d.withdrawal?.reason ?? ''}</p>
            </div>`
          : ''
      }
      ${d.status === 'corrected' && d.correctedAt ? html`<p class="notice">本信息已于 ${chinaDateTime(d.correctedAt)} 更正。</p>` : ''}
      <dl class="fields">
        <dt>执法主体</dt>
        <dd><a href="/agencies/${d.agencyId}">${d.agency}</a></dd>
        <dt>类别</dt>
        <dd>${d.categoryLabel}</dd>
        <dt>事项名称</dt>
        <dd>${d.power}</dd>
        <dt>当事人</dt>
        <dd>${d.party}</dd>
        ${
          d.partyCreditCode
            ? html`<dt>统一社会信用代码</dt>
                <dd>${d.partyCreditCode}</dd>`
            : ''
        }
        <dt>主要事实</dt>
        <dd>${d.facts}</dd>
        <dt>依据</dt>
        <dd>${d.legalBasis}</dd>
        <dt>处理结果</dt>
        <dd>${d.result}</dd>
        <dt>决定日期</dt>
        <dd>${d.decidedOn}</dd>
        <dt>公示时间</dt>
        <dd>${chinaDateTime(d.publishedAt)}</dd>
        <dt>公示截止</dt>
        <dd>${d.displayUntil ?? '长期'}</dd>
        <dt>状态</dt>
        <dd>${STATUS_LABELS[d.status]}</dd>
      </dl>
      <h2>防篡改核验</h2>
      <p>
        本条信息的每一次公示、更正、撤下都记入全过程记录账本（SM3 默克尔树，RFC
        6962）。最近一次记录的账本序号为 ${d.ledgerIndex}。
      </p>
      <ul>
        <li>
          <a href="/api/public/decisions/${d.id}/record"
            >公示记录（账本条目全文，可重新计算哈希）</a
          >
        </li>
        <li>
          <a href="/api/ledger/proof/inclusion?index=${d.ledgerIndex}&amp;treeSize=${proofSize}"
            >包含性证明（树规模 ${proofSize}）</a
          >
        </li>
        <li>
          <a href="/api/ledger/head">当前签名树头（SM2 签名）</a>；以
          <code>/api/ledger/proof/consistency?first=${proofSize}&amp;second=当前规模</code>
          核验一致性
        </li>
      </ul>
      <h2>更正申请</h2>
      <p>
        认为公示信息有误的，可通过开放接口
        <code>POST /api/public/correction-requests</code> 提交书面更正申请，获得受理编号和答复期限。
      </p>`,
  });
}

export function verifyFormPage(): string {
  return layout({
    title: '执法证件核验',
    body: html`<h1>执法证件核验</h1>
      <p>输入执法人员出示的行政执法证号，或扫描证件上的二维码，核验证件是否有效。</p>
      <form method="get" action="/verify">
        <label for="no">执法证号</label>
        <input
          id="no"
          name="no"
          inputmode="numeric"
          maxlength="40"
          required
          pattern="[A-Za-z0-9-]+"
        />
        <button type="submit">核验</button>
      </form>`,
  });
}

export function verifyPage(c: {
  credentialNo: string;
  name: string;
  agency: string;
  agencyId: string;
  credentialKind: string;
  lawAreas: string[];
  issuingAuthority: string;
  issuedOn: string;
  expiresOn: string;
  validity: string;
  validityLabel: string;
  checkedOn: string;
}): string {
  const isValid = c.validity === 'valid';
  return layout({
    title: `执法证件核验 ${c.credentialNo}`,
    body: html`<h1>执法证件核验</h1>
      <p role="status" class="${isValid ? 'ok' : 'bad'}">
        ${isValid ? '✓ 证件有效' : `✗ 证件${c.validityLabel}，持证人不得从事行政执法活动`}
      </p>
      <dl class="fields">
        <dt>姓名</dt>
        <dd>${c.name}</dd>
        <dt>执法主体</dt>
        <dd><a href="/agencies/${c.agencyId}">${c.agency}</a></dd>
        <dt>证件种类</dt>
        <dd>${c.credentialKind}</dd>
        <dt>证号</dt>
        <dd>${c.credentialNo}</dd>
        <dt>执法领域</dt>
        <dd>${c.lawAreas.join('、')}</dd>
        <dt>发证机关</dt>
        <dd>${c.issuingAuthority}</dd>
        <dt>有效期</dt>
        <dd>${c.issuedOn} 至 ${c.expiresOn}</dd>
        <dt>状态</dt>
        <dd>${c.validityLabel}</dd>
        <dt>核验日期</dt>
        <dd>${c.checkedOn}</dd>
      </dl>
      <figure class="qr">
        <img
          src="/verify/${encodeURIComponent(c.credentialNo)}/qr.svg"
          width="160"
          height="160"
          alt="证号 ${c.credentialNo} 的核验二维码"
        />
        <figcaption>
          扫描二维码即可打开本核验页（<a
            href="/verify/${encodeURIComponent(c.credentialNo)}/qr.png"
            download
            >下载二维码图片</a
          >）
        </figcaption>
      </figure>
      <p>如对执法人员的执法行为有异议，可向其所属执法主体或司法行政部门反映。</p>`,
  });
}

export function errorPage(status: number, message: string): string {
  return layout({
    title: status === 404 ? '未找到' : '无法完成请求',
    body: html`<h1>${status === 404 || status === 410 ? '未找到相关信息' : '无法完成请求'}</h1>
      <p role="alert">${message}</p>
      <p><a href="/">返回首页</a></p>`,
  });
}
