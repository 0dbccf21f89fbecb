import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';

const useStyles = makeStyles({
  frame: {
    maxHeight: '420px',
    overflow: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
    marginTop: tokens.spacingVerticalS,
  },
});

export interface DocumentPreviewProps {
  /** The .docx to show. */
  bytes: Uint8Array;
  fileName: string;
}

/**
 * The document as it will print, in the page, before anything is downloaded: docx-preview renders
 * the .docx to HTML. It is loaded only when a preview is asked for (its own chunk, «preview»).
 */
export function DocumentPreview({ bytes, fileName }: DocumentPreviewProps) {
  const styles = useStyles();
  const body = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<'loading' | 'shown' | 'failed'>('loading');

  useEffect(() => {
    let cancelled = false;
    const target = body.current;
    if (!target) return;
    setStatus('loading');
    void import(/* webpackChunkName: "preview" */ 'docx-preview')
      .then(({ renderAsync }) => {
        if (cancelled) return undefined;
        target.replaceChildren();
        return renderAsync(bytes, target, undefined, {
          inWrapper: true,
          ignoreLastRenderedPageBreak: true,
          renderHeaders: true,
          renderFooters: true,
          useBase64URL: true,
        });
      })
      .then(() => {
        if (!cancelled) setStatus('shown');
      })
      .catch(() => {
        if (!cancelled) setStatus('failed');
      });
    return () => {
      cancelled = true;
    };
  }, [bytes]);

  return (
    <section aria-label={`Просмотр «${fileName}»`} data-testid="document-preview">
      {status === 'loading' && <p role="status">Готовится просмотр…</p>}
      {status === 'failed' && <p role="alert">Просмотр не удался; документ можно скачать и открыть в Word.</p>}
      <div ref={body} className={styles.frame} />
    </section>
  );
}
