// Atom (RFC 4287) feed of the newest publication events: new, corrected and withdrawn decisions.
import type { DecisionView } from '../disclosure/disclosure.view.ts';
import { escapeHtml } from './portal.html.ts';

function updatedOf(d: DecisionView): string {
  return d.withdrawal?.at ?? d.correctedAt ?? d.publishedAt;
}

export function atomFeed(baseUrl: string, decisions: DecisionView[]): string {
  const x = escapeHtml;
  const updated = decisions.map(updatedOf).sort().at(-1) ?? new Date(0).toISOString();
  const entries = decisions.map((d) => {
    const title =
      d.status === 'withdrawn'
        ? `【已撤下】${d.docNo}`
        : `${d.docNo} ${d.party} ${d.categoryLabel}`;
    const summary =
      d.status === 'withdrawn'
        ? `撤下理由：${d.withdrawal?.reason ?? ''}`
        : `${d.agency}：${d.result}（${d.power}）`;
    return `<entry>
<id>urn:uuid:${d.id}</id>
<title>${x(title)}</title>
<link rel="alternate" type="text/html" href="${x(`${baseUrl}/decisions/${d.id}`)}"/>
<published>${d.publishedAt}</published>
<updated>${updatedOf(d)}</updated>
<author><name>${x(d.agency)}</name></author>
<category term="${d.category}" label="${x(d.categoryLabel)}"/>
<summary>${x(summary)}</summary>
</entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
<id>${x(`${baseUrl}/feed.atom`)}</id>
<title>行政执法公示平台 · 最新公示的行政执法决定</title>
<link rel="self" type="application/atom+xml" href="${x(`${baseUrl}/feed.atom`)}"/>
<link rel="alternate" type="text/html" href="${x(`${baseUrl}/decisions`)}"/>
<updated>${updated}</updated>
${entries.join('\n')}
</feed>
`;
}
