// The agency an administration page works on. Administrators see every agency (their role has no
// agency); heads see their own. The choice lives in the URL (?agency=…) so a page can be shared
// and the browser's back button keeps it.
import { useQuery } from '@tanstack/react-query';
import { Form, Select } from 'antd';
import { useSearchParams } from 'react-router';
import { api, call, type GetResponse } from '../../api/client.ts';

export type Agency = GetResponse<'/api/agencies'>[number];

export function useAgencies() {
  return useQuery({
    queryKey: ['agencies'],
    queryFn: () => call(api.GET('/api/agencies')),
    staleTime: 60_000,
  });
}

/** The selected agency (from ?agency=, else the first one the user may see) and a setter. */
export function useSelectedAgency(): {
  agency: Agency | undefined;
  agencies: ReturnType<typeof useAgencies>;
  select: (agencyId: string) => void;
} {
  const agencies = useAgencies();
  const [params, setParams] = useSearchParams();
  const wanted = params.get('agency');
  const list = agencies.data ?? [];
  const agency = list.find((a) => a.id === wanted) ?? list[0];
  const select = (agencyId: string) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set('agency', agencyId);
        return next;
      },
      { replace: true },
    );
  return { agency, agencies, select };
}

export function AgencySelect(props: {
  agencies: readonly Agency[];
  value: string | undefined;
  onChange: (agencyId: string) => void;
}) {
  return (
    <Form.Item label="执法主体" htmlFor="agency-select" style={{ marginBottom: 16 }}>
      <Select
        id="agency-select"
        showSearch
        optionFilterProp="label"
        style={{ width: '100%', maxWidth: 420 }}
        value={props.value}
        onChange={props.onChange}
        options={props.agencies.map((a) => ({ value: a.id, label: a.name }))}
      />
    </Form.Item>
  );
}
