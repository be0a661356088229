// The evidence tab of a case page: officers upload (tus, resumable) or record why no recording
// was made; everyone who may read the case sees the list with previews and hashes.
import { Space } from 'antd';
import type { GetResponse } from '../../api/client.ts';
import { hasRole, useSession } from '../auth/session.ts';
import { EvidenceList } from './EvidenceList.tsx';
import { ExemptionForm } from './ExemptionForm.tsx';
import { UploadPanel } from './UploadPanel.tsx';

type CaseView = GetResponse<'/api/cases/{caseId}'>;

export default function EvidenceTab(props: { caseView: CaseView; reason?: string }) {
  const session = useSession();
  const officers = props.caseView.officers.map((o) => ({ value: o.personId, label: o.name }));
  const isOfficer = hasRole(session.data, 'officer');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {isOfficer ? <UploadPanel caseId={props.caseView.id} officers={officers} /> : null}
      <EvidenceList caseId={props.caseView.id} reason={props.reason} />
      {isOfficer ? <ExemptionForm caseId={props.caseView.id} officers={officers} /> : null}
    </Space>
  );
}
