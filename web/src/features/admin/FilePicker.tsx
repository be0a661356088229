// A file chooser in Chinese: the browser's own file input labels itself in the browser's UI
// language ("Choose File"), so it stays hidden and a button opens it; the chosen name is shown.
import { PaperClipOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useRef, useState } from 'react';

export function FilePicker(props: {
  label: string;
  accept: string;
  onChange: (file: File | null) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState<string | null>(null);
  return (
    <Space size={8}>
      <input
        ref={input}
        type="file"
        accept={props.accept}
        hidden
        aria-hidden
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0] ?? null;
          setName(file?.name ?? null);
          props.onChange(file);
          // Choosing the same file again (after fixing it) must fire a change too.
          event.target.value = '';
        }}
      />
      <Button icon={<PaperClipOutlined />} onClick={() => input.current?.click()}>
        {props.label}
      </Button>
      <Typography.Text type={name ? undefined : 'secondary'}>
        {name ?? '未选择文件'}
      </Typography.Text>
    </Space>
  );
}
