// The XLSX/CSV import of the powers catalogue. The server checks every row first and refuses the
// whole file when any row is wrong (422 IMPORT_ROWS_INVALID, details = each problem's sheet, row,
// column and reason); the table below shows every one of them. Nothing is written in that case.
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { fetchOk, type GetResponse } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import type { paths } from '../../api/schema';
import { ErrorAlert } from '../../shared/QueryState.tsx';
import { notifySuccess } from '../../shared/notify.ts';
import { FilePicker } from './FilePicker.tsx';

type ImportResult =
  paths['/api/agencies/{agencyId}/powers/import']['post']['responses'][200]['content']['application/json'];
type Issue = { sheet: string; row: number; column: string; reason: string };

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function isIssue(value: unknown): value is Issue {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.row === 'number' && typeof v.reason === 'string';
}

/** The row problems a refused import carries, if the refusal is of that kind. */
export function importIssues(error: unknown): Issue[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return error.details.filter(isIssue).map((i) => ({
    sheet: typeof i.sheet === 'string' ? i.sheet : '',
    row: i.row,
    column: typeof i.column === 'string' ? i.column : '',
    reason: i.reason,
  }));
}

function mediaTypeOf(file: File): string {
  if (file.name.toLowerCase().endsWith('.csv')) return 'text/csv';
  if (file.name.toLowerCase().endsWith('.xlsx')) return XLSX_TYPE;
  return file.type || 'application/octet-stream';
}

function countsText(title: string, counts: ImportResult['powers']): string {
  const { created, updated, unchanged } = counts;
  return `${title}：新增 ${created.length} 项，更新 ${updated.length} 项，未变 ${unchanged.length} 项`;
}

export function PowersImport(props: { agencyId: string; agencyName: string }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const run = useMutation({
    mutationFn: async (v: { file: File; dryRun: boolean }): Promise<ImportResult> => {
      const url = `/api/agencies/${encodeURIComponent(props.agencyId)}/powers/import${
        v.dryRun ? '?dryRun=true' : ''
      }`;
      const response = await fetchOk(url, {
        method: 'POST',
        headers: { 'content-type': mediaTypeOf(v.file) },
        body: v.file,
      });
      return (await response.json()) as ImportResult;
    },
    onSuccess: async (result) => {
      notifySuccess(
        result.dryRun
          ? '校验通过，文件可以导入'
          : `导入完成：新增 ${result.powers.created.length} 项权力事项`,
      );
      await queryClient.invalidateQueries({ queryKey: ['powers', props.agencyId] });
    },
  });
  const issues = importIssues(run.error);
  const result = run.data;
  return (
    <Card title="批量导入权力清单" style={{ marginBottom: 16 }}>
      <Typography.Paragraph>
        导入到：<strong>{props.agencyName}</strong>。请使用导入模板填写（XLSX 或 CSV，表头为第 1
        行）。系统先校验全部行，任何一行有问题都不会写入数据。
      </Typography.Paragraph>
      <Space wrap align="center" style={{ marginBottom: 16 }}>
        <Button icon={<DownloadOutlined />} href="/api/powers/import-template" download>
          下载导入模板
        </Button>
        <FilePicker
          label="选择 XLSX 或 CSV 文件"
          accept=".xlsx,.csv"
          onChange={(chosen) => {
            setFile(chosen);
            run.reset();
          }}
        />
        <Checkbox checked={dryRun} onChange={(event) => setDryRun(event.target.checked)}>
          只校验，不导入
        </Checkbox>
        <Button
          type="primary"
          icon={<UploadOutlined />}
          disabled={file === null}
          loading={run.isPending}
          onClick={() => {
            if (file) run.mutate({ file, dryRun });
          }}
        >
          {dryRun ? '校验文件' : '开始导入'}
        </Button>
      </Space>
      {run.error ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <ErrorAlert error={run.error} title="文件未导入" />
          {issues.length > 0 ? (
            <Table
              size="small"
              rowKey={(i) => `${i.sheet}-${i.row}-${i.column}-${i.reason}`}
              pagination={issues.length > 20 ? { pageSize: 20 } : false}
              scroll={{ x: 640 }}
              dataSource={issues}
              aria-label="导入文件的问题"
              data-testid="import-issues"
              columns={[
                { title: '工作表', dataIndex: 'sheet', width: 140 },
                { title: '行号', dataIndex: 'row', width: 80 },
                {
                  title: '列',
                  dataIndex: 'column',
                  width: 140,
                  render: (c: string) => c || '整行',
                },
                { title: '问题', dataIndex: 'reason' },
              ]}
            />
          ) : null}
        </Space>
      ) : null}
      {result ? (
        <Alert
          type="success"
          showIcon
          role="status"
          message={result.dryRun ? '校验通过（未写入）' : '导入成功'}
          description={
            <>
              <div>{countsText('权力事项', result.powers)}</div>
              <div>{countsText('随机抽查事项', result.randomCheckItems)}</div>
            </>
          }
        />
      ) : null}
    </Card>
  );
}

export type PowerList = GetResponse<'/api/agencies/{agencyId}/powers'>;
