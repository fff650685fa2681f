/**
 * The pickup desk's camera: reads the resident's pickup QR and hands its text to the desk. Typing the
 * code stays the fallback; no camera, a refused permission or a camera in use each say so (zh + en).
 */
import { CameraOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import type { CameraProblem } from './camera-problem';

type State =
  | { kind: 'idle' }
  | { kind: 'starting' }
  | { kind: 'scanning' }
  | { kind: 'problem'; problem: CameraProblem };

interface Session {
  read: boolean;
  stop: (() => void) | null;
}

const PROBLEM_KEYS = {
  camera_insecure: 'pts.cameraInsecure',
  camera_missing: 'pts.cameraMissing',
  camera_denied: 'pts.cameraDenied',
  camera_busy: 'pts.cameraBusy',
  camera_failed: 'pts.cameraFailed',
} as const;

export function PickupScanner({ onCode }: { onCode: (text: string) => void }) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const video = useRef<HTMLVideoElement>(null);
  const handler = useRef(onCode);
  handler.current = onCode;
  // One camera session at a time: the first code read ends it, and a session stopped (or replaced)
  // while its camera was still starting is stopped as soon as the camera is up.
  const session = useRef<Session | null>(null);

  const end = () => {
    session.current?.stop?.();
    session.current = null;
  };
  useEffect(() => end, []);

  const start = async () => {
    end();
    const mine: Session = { read: false, stop: null };
    session.current = mine;
    setState({ kind: 'starting' });
    try {
      const { startQrScan, CameraError } = await import('./qr-scan');
      try {
        mine.stop = await startQrScan(video.current!, (text) => {
          if (mine.read) return;
          mine.read = true;
          mine.stop?.();
          if (session.current === mine) session.current = null;
          setState({ kind: 'idle' });
          handler.current(text);
        });
        if (mine.read || session.current !== mine) mine.stop();
        else setState({ kind: 'scanning' });
      } catch (e) {
        if (session.current === mine)
          setState({ kind: 'problem', problem: e instanceof CameraError ? e.problem : 'camera_failed' });
      }
    } catch {
      setState({ kind: 'problem', problem: 'camera_failed' });
    }
  };

  const live = state.kind === 'starting' || state.kind === 'scanning';
  return (
    <div style={{ marginBottom: 16 }}>
      <Space>
        {live ? (
          <Button
            icon={<StopOutlined />}
            onClick={() => {
              end();
              setState({ kind: 'idle' });
            }}
            data-testid="pts-scan-stop"
          >
            {t('pts.scanStop')}
          </Button>
        ) : (
          <Button icon={<CameraOutlined />} onClick={() => void start()} data-testid="pts-scan-start">
            {t('pts.scanStart')}
          </Button>
        )}
      </Space>
      <video
        ref={video}
        muted
        playsInline
        data-testid="pts-scan-video"
        data-state={state.kind}
        style={{
          display: live ? 'block' : 'none',
          width: '100%',
          maxWidth: 360,
          marginTop: 12,
          borderRadius: 8,
          background: '#000',
        }}
      />
      {state.kind === 'scanning' && <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('pts.scanning')} />}
      {state.kind === 'problem' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="pts-scan-problem"
          data-problem={state.problem}
          title={t(PROBLEM_KEYS[state.problem])}
          description={t('pts.scanFallback')}
        />
      )}
    </div>
  );
}
