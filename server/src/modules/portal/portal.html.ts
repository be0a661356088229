// HTML building blocks of the public portal: a tagged template that escapes every interpolated
// value (only values wrapped by `raw` or produced by `html` pass through), and the page layout —
// mobile first, readable without JavaScript or external files, with a skip link and landmarks.

const SAFE = Symbol('safe-html');

export interface SafeHtml {
  [SAFE]: true;
  value: string;
}

function isSafe(value: unknown): value is SafeHtml {
  return typeof value === 'object' && value !== null && SAFE in value;
}

export function raw(value: string): SafeHtml {
  return { [SAFE]: true, value };
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

type Interpolation = SafeHtml | string | number | null | undefined | false | Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (isSafe(value)) return value.value;
  return escapeHtml(String(value));
}

/** `html\`<p>${text}</p>\`` escapes `text`; nested `html` results are kept as markup. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return raw(out);
}

/** A query string from parameters, leaving out empty ones. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

// Colours meet WCAG AA contrast on white (#1f2328 text 15:1, #0b57a4 links 7:1, #8a1c1c 8:1).
const STYLE = `
*{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;line-height:1.7;color:#1f2328;background:#fff}
a{color:#0b57a4}
a:focus,button:focus,input:focus,select:focus{outline:3px solid #f0a500;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
.skip:focus{left:.5rem}
header{background:#8a1c1c;color:#fff;padding:.75rem max(1rem,calc((100% - 58rem)/2))}
header a{color:#fff;text-decoration:none;font-weight:600}
header nav a{margin-right:1rem;font-weight:400;text-decoration:underline}
main{max-width:60rem;margin:0 auto;padding:1rem}
footer{max-width:60rem;margin:2rem auto;padding:1rem;border-top:1px solid #d0d7de;font-size:.875rem;color:#57606a}
h1{font-size:1.5rem;line-height:1.3}
h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d0d7de}
form.search{display:grid;gap:.5rem;grid-template-columns:1fr}
label{font-weight:600;display:block}
input,select,button{font:inherit;padding:.5rem;border:1px solid #57606a;border-radius:4px;width:100%;background:#fff;color:#1f2328}
button{background:#0b57a4;color:#fff;border-color:#0b57a4;cursor:pointer}
.item{border-bottom:1px solid #d0d7de;padding:.75rem 0}
.item h3{font-size:1.05rem;margin:.25rem 0}
.meta{color:#57606a;font-size:.875rem}
dl.fields{display:grid;grid-template-columns:1fr;gap:.25rem 1rem}
dl.fields dt{font-weight:600}
dl.fields dd{margin:0 0 .5rem}
.notice{border-left:4px solid #8a1c1c;background:#fff5f5;padding:.75rem 1rem}
.ok{color:#116329;font-weight:700}
.bad{color:#8a1c1c;font-weight:700}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid #d0d7de;padding:.4rem;text-align:left;vertical-align:top}
.table{overflow-x:auto}
ol.flow{list-style:none;padding:0;margin:0}
ol.flow li{border:2px solid #0b57a4;border-radius:6px;padding:.5rem .75rem;margin:0 0 1.6rem;position:relative;max-width:28rem}
ol.flow li:not(:last-child)::after{content:"↓";position:absolute;left:1.5rem;bottom:-1.6rem;font-size:1.1rem;color:#0b57a4}
.pager a,.pager span{margin-right:1rem}
td.num{text-align:right;font-variant-numeric:tabular-nums}
caption{text-align:left;color:#57606a;font-size:.875rem}
figure.qr{margin:1rem 0;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
figure.qr img{width:10rem;height:10rem;border:1px solid #d0d7de}
ul.officers{padding-left:1.2rem;margin:0}
@media (min-width:40rem){
 header{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:baseline;gap:.5rem 2rem}
 header nav a{margin:0 0 0 1rem}
 form.search{grid-template-columns:2fr 1fr 1fr 1fr}
 form.search .wide{grid-column:1/-1}
 dl.fields{grid-template-columns:10rem 1fr}
}`;

export function layout(page: { title: string; body: SafeHtml; description?: string }): string {
  const document = html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${page.title} - 行政执法公示平台</title>
        <meta
          name="description"
          content="${page.description ?? '行政执法主体、人员、职责、依据、程序与执法决定信息公示'}"
        />
        <link
          rel="alternate"
          type="application/atom+xml"
          title="最新公示的行政执法决定"
          href="/feed.atom"
        />
        <style>
          ${raw(STYLE)}
        </style>
      </head>
      <body>
        <a class="skip" href="#main">跳到正文</a>
        <header>
          <a href="/">行政执法公示平台</a>
          <nav aria-label="主导航">
            <a href="/decisions">执法决定</a><a href="/verify">执法证件核验</a
            ><a href="/reports/annual">年度统计</a><a href="/feed.atom">订阅</a>
          </nav>
        </header>
        <main id="main">${page.body}</main>
        <footer>
          <p>
            本平台依据《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》公开行政执法信息。自然人姓名已作隐名处理，身份证件号码、电话号码、住址等个人信息不予公开。
          </p>
          <p>
            开放数据：<a href="/api/public/decisions">执法决定（JSON）</a>，请求头 Accept: text/csv
            时为 CSV。
          </p>
        </footer>
      </body>
    </html>`;
  return document.value;
}
