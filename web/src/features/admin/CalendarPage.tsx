// Working calendar: the years whose holiday arrangements are loaded, one year's days, and (for
// administrators) the import of a year's arrangement file (JSON, see the server's calendar
// examples). An import recomputes the open deadlines it affects; the answer says how many.
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import type { paths } from '../../api/schema';
import { ErrorAlert, QueryState } from '../../shared/QueryState.tsx';
import { formatDateTime } from '../../shared/labels.ts';
import { notifySuccess } from '../../shared/notify.ts';
import { hasRole, useSession } from '../auth/session.ts';
import { FilePicker } from './FilePicker.tsx';

type CalendarFile =
  paths['/api/calendar/years/{year}']['put']['requestBody']['content']['application/json'];

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

function weekday(date: string): string {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? '';
}

function YearDays(props: { year: number }) {
  const year = useQuery({
    queryKey: ['calendar', props.year],
    queryFn: () =>
      call(api.GET('/api/calendar/years/{year}', { params: { path: { year: props.year } } })),
  });
  return (
    <QueryState query={year}>
      {(data) => (
        <>
          <Typography.Paragraph>
            依据：{data.source}
            <br />
            <Typography.Text type="secondary">
              校验值 {data.checksum.slice(0, 16)}… · 载入于 {formatDateTime(data.loadedAt)}
            </Typography.Text>
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey="date"
            pagination={false}
            scroll={{ x: 480 }}
            dataSource={data.days}
            columns={[
              { title: '日期', dataIndex: 'date', width: 130 },
              { title: '星期', width: 80, render: (_: unknown, d) => weekday(d.date) },
              { title: '节日', dataIndex: 'name' },
              {
                title: '安排',
                width: 110,
                render: (_: unknown, d) =>
                  d.kind === 'holiday' ? (
                    <Tag color="red">放假</Tag>
                  ) : (
                    <Tag color="blue">调休上班</Tag>
                  ),
              },
            ]}
          />
        </>
      )}
    </QueryState>
  );
}

function ImportCard() {
  const queryClient = useQueryClient();
  const [parseError, setParseError] = useState<string | null>(null);
  const load = useMutation({
    mutationFn: (file: CalendarFile) =>
      call(
        api.PUT('/api/calendar/years/{year}', {
          params: { path: { year: file.year } },
          body: file,
        }),
      ),
    onSuccess: async (result) => {
      notifySuccess(`已导入 ${result.year} 年节假日安排`);
      await queryClient.invalidateQueries({ queryKey: ['calendar'] });
    },
  });
  const details =
    load.error instanceof ApiError && Array.isArray(load.error.details)
      ? load.error.details.flatMap((d: unknown) => {
          if (typeof d !== 'object' || d === null) return [];
          const r = d as Record<string, unknown>;
          return typeof r.reason === 'string'
            ? [`${typeof r.field === 'string' ? `${r.field}：` : ''}${r.reason}`]
            : [];
        })
      : [];
  return (
    <Card title="导入年度节假日安排" style={{ marginBottom: 16 }}>
      <Typography.Paragraph>
        按国务院办公厅每年发布的节假日安排通知填写 JSON
        文件（含年度、依据、放假日期段和调休上班日）， 导入后会重新计算受影响的未结期限。
      </Typography.Paragraph>
      <Space wrap>
        <FilePicker
          label="选择节假日安排文件（JSON）"
          accept=".json,application/json"
          onChange={(file) => {
            setParseError(null);
            load.reset();
            if (!file) return;
            void file.text().then((text) => {
              try {
                const parsed = JSON.parse(text) as CalendarFile;
                if (typeof parsed.year !== 'number') {
                  setParseError('文件中缺少年度（year）');
                  return;
                }
                load.mutate(parsed);
              } catch {
                setParseError('文件不是有效的 JSON');
              }
            });
          }}
        />
        {load.isPending ? (
          <Button loading icon={<UploadOutlined />}>
            正在导入
          </Button>
        ) : null}
      </Space>
      {parseError ? (
        <Alert type="error" showIcon role="alert" message={parseError} style={{ marginTop: 12 }} />
      ) : null}
      {load.error ? (
        <div style={{ marginTop: 12 }}>
          <ErrorAlert error={load.error} title="未能导入" />
          {details.length > 0 ? (
            <ul aria-label="文件的问题">
              {details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {load.data ? (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          role="status"
          message={
            load.data.isChanged
              ? `${load.data.year} 年：放假 ${load.data.holidayCount} 天，调休上班 ${load.data.workdayCount} 天`
              : `${load.data.year} 年的安排与已导入的相同，未作改动`
          }
          description={`重新计算未结期限 ${load.data.deadlinesExamined} 个，其中到期日改变 ${load.data.deadlinesChanged} 个。`}
        />
      ) : null}
    </Card>
  );
}

export default function CalendarPage() {
  const session = useSession();
  const years = useQuery({
    queryKey: ['calendar', 'years'],
    queryFn: () => call(api.GET('/api/calendar/years')),
  });
  const [chosen, setChosen] = useState<number | null>(null);
  return (
    <>
      <Typography.Title level={3}>工作日历</Typography.Title>
      {hasRole(session.data, 'admin') ? <ImportCard /> : null}
      <QueryState query={years}>
        {({ items: list }) => {
          const year = chosen ?? list.at(-1)?.year ?? null;
          return (
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={10}>
                <Card title="已载入的年度">
                  <Table
                    size="small"
                    rowKey="year"
                    pagination={{ pageSize: 8, hideOnSinglePage: true, size: 'small' }}
                    dataSource={[...list].sort((a, b) => b.year - a.year)}
                    rowClassName={(r) => (r.year === year ? 'ant-table-row-selected' : '')}
                    onRow={(r) => ({ onClick: () => setChosen(r.year) })}
                    columns={[
                      { title: '年度', dataIndex: 'year', width: 80 },
                      {
                        title: '来源',
                        render: (_: unknown, r) =>
                          r.origin === 'shipped' ? (
                            <Tag>随系统提供</Tag>
                          ) : (
                            <Tag color="blue">导入</Tag>
                          ),
                      },
                      { title: '放假日', dataIndex: 'holidayCount', width: 80 },
                      { title: '调休上班', dataIndex: 'workdayCount', width: 90 },
                    ]}
                  />
                </Card>
              </Col>
              <Col xs={24} lg={14}>
                <Card
                  title="年度安排"
                  extra={
                    <Space>
                      <label htmlFor="calendar-year">年度</label>
                      <Select
                        id="calendar-year"
                        style={{ width: 110 }}
                        value={year ?? undefined}
                        onChange={(value: number) => setChosen(value)}
                        options={list.map((y) => ({ value: y.year, label: `${y.year} 年` }))}
                      />
                    </Space>
                  }
                >
                  {year !== null ? (
                    <YearDays year={year} />
                  ) : (
                    <Typography.Text>尚未载入任何年度。</Typography.Text>
                  )}
                </Card>
              </Col>
            </Row>
          );
        }}
      </QueryState>
    </>
  );
}
