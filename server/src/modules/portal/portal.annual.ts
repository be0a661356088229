// The year's enforcement statistics per agency (行政执法总体情况数据, published by 31 January), as
// a table a phone can scroll sideways: one row per figure, one column per agency.
import { FIGURE_LABELS } from '../disclosure/disclosure.annual.ts';
import { html, layout } from './portal.html.ts';

export interface AnnualReportItem {
  agencyId: string;
  agency: string;
  publishedAt: string;
  dueOn: string | null;
  isLate: boolean;
  figures: Record<string, number>;
}

export function annualReportPage(input: {
  year: number;
  years: number[];
  items: AnnualReportItem[];
}): string {
  const { year, items } = input;
  return layout({
    title: `${year}年度行政执法统计数据`,
    description: `各执法主体${year}年度行政执法总体情况数据`,
    body: html`<h1>${year}年度行政执法统计数据</h1>
      <form class="search" method="get" action="/reports/annual">
        <div>
          <label for="year">年度</label
          ><select id="year" name="year">
            ${input.years.map(
              (y) =>
                html`<option value="${y}" ${y === year ? html` selected` : ''}>${y}年</option>`,
            )}
          </select>
        </div>
        <div class="wide"><button type="submit">查看</button></div>
      </form>
      ${
        items.length === 0
          ? html`<p role="status">该年度的统计数据尚未公开。</p>`
          : html`<div class="table" role="region" aria-label="统计数据表" tabindex="0">
                <table>
                  <caption>
                    单位：件（金额为元）
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">项目</th>
                      ${items.map((i) => html`<th scope="col"><a href="/agencies/${i.agencyId}">${i.agency}</a></th>`)}
                    </tr>
                  </thead>
                  <tbody>
                    ${FIGURE_LABELS.map(
                      ([key, label]) =>
                        html`<tr>
                          <th scope="row">${label}</th>
                          ${items.map((i) => html`<td class="num">${(i.figures[key] ?? 0).toLocaleString('zh-CN')}</td>`)}
                        </tr>`,
                    )}
                  </tbody>
                </table>
              </div>
              <ul>
                ${items.map(
                  (i) =>
                    html`<li>
                      ${i.agency}：${i.publishedAt.slice(0, 10)}
                      公开${
                        i.dueOn ? html`（应于 ${i.dueOn} 前公开${i.isLate ? '，已逾期' : ''}）` : ''
                      }
                    </li>`,
                )}
              </ul>`
      }
      <p>
        开放数据：<a href="/api/public/reports/annual?year=${year}">JSON</a>；以请求头 Accept:
        text/csv 请求同一地址得到 CSV，Accept:
        application/vnd.openxmlformats-officedocument.spreadsheetml.sheet 得到 XLSX 表格。
      </p>`,
  });
}
