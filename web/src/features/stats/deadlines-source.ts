// The running deadlines of an agency (GET /api/agencies/:agencyId/deadlines?status=due|overdue),
// read without the generated types: the deadlines routes arrive in a later server version, and
// until then the server answers 404 and the statistics fall back to the review and publication
// queues. Only the fields the chart uses are read.
import { fetchOk } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';

export interface RunningDeadline {
  label: string;
  dueOn: string | null;
  isOverdue: boolean;
}

const PAGE_SIZE = 200;
const MAX_PAGES = 10;

function parseItems(
  body: unknown,
  isOverdue: boolean,
): { total: number; items: RunningDeadline[] } {
  if (typeof body !== 'object' || body === null) return { total: 0, items: [] };
  const record = body as Record<string, unknown>;
  const items = Array.isArray(record.items) ? record.items : [];
  return {
    total: typeof record.total === 'number' ? record.total : items.length,
    items: items.flatMap((item: unknown) => {
      if (typeof item !== 'object' || item === null) return [];
      const i = item as Record<string, unknown>;
      if (typeof i.label !== 'string') return [];
      return [
        {
          label: i.label,
          dueOn: typeof i.dueOn === 'string' ? i.dueOn : null,
          isOverdue: isOverdue || i.state === 'overdue',
        },
      ];
    }),
  };
}

async function byStatus(agencyId: string, status: 'due' | 'overdue') {
  const all: RunningDeadline[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const response = await fetchOk(
      `/api/agencies/${encodeURIComponent(agencyId)}/deadlines?status=${status}&page=${page}&pageSize=${PAGE_SIZE}`,
    );
    const { total, items } = parseItems(await response.json(), status === 'overdue');
    all.push(...items);
    if (all.length >= total || items.length === 0) break;
  }
  return all;
}

/** The agency's due and overdue deadlines, or null when this server has no deadlines endpoint. */
export async function runningDeadlines(agencyId: string): Promise<RunningDeadline[] | null> {
  try {
    const [due, overdue] = await Promise.all([
      byStatus(agencyId, 'due'),
      byStatus(agencyId, 'overdue'),
    ]);
    return [...overdue, ...due];
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
