// Administration home: links to the administration pages. Each page lives in this folder and is
// registered in ./routes.tsx.
import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router';

const SECTIONS = [
  { to: '/admin/org', title: '组织机构', text: '执法主体、内设机构与委托执法' },
  { to: '/admin/users', title: '用户与角色', text: '账号、角色授权与密码重置' },
  { to: '/admin/people', title: '执法人员与证件', text: '人员、执法证（含二维码）与资格' },
  { to: '/admin/powers', title: '权责清单', text: '执法职权、随机抽查事项与表格导入' },
  { to: '/admin/profiles', title: '制度配置', text: '地方规定，执法主体对规则的调整与理由' },
  { to: '/admin/calendar', title: '工作日历', text: '法定节假日与调休安排的导入' },
  { to: '/admin/instruments', title: '文书模板', text: '文书的法定必备内容与本机关文号格式' },
];

export default function AdminHomePage() {
  return (
    <>
      <Typography.Title level={3}>系统管理</Typography.Title>
      <Row gutter={[16, 16]}>
        {SECTIONS.map((section) => (
          <Col key={section.to} xs={24} md={12} xl={8}>
            <Link to={section.to}>
              <Card hoverable title={section.title}>
                {section.text}
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
