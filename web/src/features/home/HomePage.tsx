// The home page: one panel for each role the user holds, in the order they act on a case.
import { Col, Row, Typography } from 'antd';
import { agenciesWithRole, hasRole, useSession } from '../auth/session.ts';
import {
  AdminPanel,
  ArchivistPanel,
  HeadPanel,
  OfficerPanel,
  ReviewerPanel,
  SupervisorPanel,
} from './panels.tsx';

export default function HomePage() {
  const session = useSession().data;
  const panels = [
    ...agenciesWithRole(session, 'officer').map((a) => (
      <OfficerPanel key={`o-${a.id}`} agencyId={a.id} agencyName={a.name} />
    )),
    ...agenciesWithRole(session, 'reviewer').map((a) => (
      <ReviewerPanel key={`r-${a.id}`} agencyId={a.id} agencyName={a.name} />
    )),
    ...agenciesWithRole(session, 'head').map((a) => (
      <HeadPanel key={`h-${a.id}`} agencyId={a.id} agencyName={a.name} />
    )),
    ...agenciesWithRole(session, 'archivist').map((a) => (
      <ArchivistPanel key={`a-${a.id}`} agencyId={a.id} agencyName={a.name} />
    )),
    ...(hasRole(session, 'supervisor') ? [<SupervisorPanel key="s" />] : []),
    ...(hasRole(session, 'admin') ? [<AdminPanel key="admin" />] : []),
  ];
  return (
    <>
      <Typography.Title level={3}>您好，{session?.user.displayName}</Typography.Title>
      <Row gutter={[16, 16]}>
        {panels.map((panel) => (
          <Col key={panel.key} xs={24} xl={panels.length > 1 ? 12 : 24}>
            {panel}
          </Col>
        ))}
      </Row>
    </>
  );
}
