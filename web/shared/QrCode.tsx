/**
 * A QR code as SVG (@rc-component/qrcode, what antd's QRCode draws with): the resident app shows
 * pickup and sign-in codes without loading antd.
 */
import { QRCodeSVG } from '@rc-component/qrcode';

export function QrCode({
  value,
  size = 148,
  className,
  testId,
}: {
  value: string;
  size?: number;
  className?: string;
  testId?: string;
}) {
  return (
    <div className={className} data-testid={testId} style={{ width: size, height: size }}>
      <QRCodeSVG value={value} size={size} level="M" />
    </div>
  );
}
