// Every action a case view offers carries the JSON Schema of its input, each field titled in
// Chinese, so the workbench builds the form without knowing the workflow; the schema is the one
// the server validates with, so a body built from it is accepted and one breaking it is refused.
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../../test/test-app.ts';
import { demoRecordId } from '../powers/powers.demo.ts';
import { inputSchemaOf } from './cases.action-forms.ts';
import { WORKFLOWS } from './workflows/index.ts';

type JsonSchema = {
  title?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
};

function untitled(schema: JsonSchema, path: string): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(schema.properties ?? {})) {
    if (!value.title) out.push(`${path}.${key}`);
    out.push(...untitled(value, `${path}.${key}`));
  }
  if (schema.items) out.push(...untitled(schema.items, path));
  for (const branch of schema.anyOf ?? []) out.push(...untitled(branch, path));
  return out;
}

describe('action forms', () => {
  it('titles every field of every action of every workflow in Chinese', () => {
    const missing = WORKFLOWS.flatMap((w) =>
      w.actions.flatMap((a) =>
        untitled(inputSchemaOf(a) as JsonSchema, `${w.kind}/${w.procedure}/${a.name}`),
      ),
    );
    expect(missing).toEqual([]);
  });

  it('offers each available action with its input schema on the case view', async () => {
    const t = await createDemoApp();
    const cookie = await t.login('officer1');
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/agencies/${t.ids.agencies.market}/cases`,
      headers: { cookie },
      payload: {
        kind: 'penalty',
        procedure: 'summary',
        source: 'inspection',
        sourceDetail: null,
        powerId: demoRecordId('power', t.ids.agencies.market, 'XC-SCJG-CF-001'),
        handlingUnitId: null,
        title: '表单测试案',
        facts: null,
        parties: [],
        officers: [{ personId: t.ids.people.officer1, role: 'lead' }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const view = created.json<{
      id: string;
      availableActions: { name: string; label: string; inputSchema: JsonSchema }[];
    }>();
    const onSpot = view.availableActions.find((a) => a.name === 'decide_on_spot');
    expect(onSpot?.inputSchema.properties?.decidedOn?.title).toBe('决定日期');
    expect(onSpot?.inputSchema.properties?.penalty?.properties?.fineYuan?.title).toBe(
      '罚款金额（元）',
    );
    expect(JSON.stringify(onSpot?.inputSchema)).not.toContain('~kind');

    // The same schema the server validates with: a field it does not declare is refused.
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${view.id}/actions/decide_on_spot`,
      headers: { cookie },
      payload: { input: { decidedOn: '2026-03-02', unknownField: 1 } },
    });
    expect(refused.statusCode).toBe(400);

    const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    expect(doc.body).toContain('inputSchema');
    // Builds its own demo app.
  }, 120_000);
});
