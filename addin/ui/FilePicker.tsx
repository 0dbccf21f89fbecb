import { makeStyles, tokens } from '@fluentui/react-components';
import { useId, useRef } from 'react';

export interface FilePickerProps {
  label: string;
  multiple?: boolean;
  disabled?: boolean;
  onFiles(files: File[]): void;
}

const useStyles = makeStyles({
  input: { position: 'absolute', width: '1px', height: '1px', opacity: 0, overflow: 'hidden' },
  button: {
    display: 'inline-flex',
    alignItems: 'center',
    minHeight: '32px',
    padding: `0 ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightSemibold,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorBrandBackgroundHover },
  },
  focusRing: { ':focus-within': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' } },
  disabled: { opacity: 0.6, cursor: 'default' },
});

/** A native file input behind a button-looking label: keyboard, screen readers and drag-and-drop onto it work. */
export function FilePicker({ label, multiple, disabled, onFiles }: FilePickerProps) {
  const styles = useStyles();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <span className={styles.focusRing}>
      <input
        ref={input}
        id={id}
        className={styles.input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={multiple}
        disabled={disabled}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          // Choosing the same file again after a fix must fire change again.
          if (input.current) input.current.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
      <label htmlFor={id} className={`${styles.button} ${disabled ? styles.disabled : ''}`}>
        {label}
      </label>
    </span>
  );
}
