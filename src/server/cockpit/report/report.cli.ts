/** `cocreate cockpit report --place CODE --month YYYY-MM --out FILE.pdf`: output in Chinese and English. */
import { writeFileSync } from 'node:fs';
import { flag, openDeps } from '../../../cli/commands/shared';
import { loadServerModules } from '../../assembly';
import { AppError } from '../../platform/errors';
import { cockpitPlace } from '../cockpit.service';
import { monthDays, systemReport } from './report.service';

export async function cockpitReport(args: string[] = []): Promise<number> {
  const [place, month, out] = [flag(args, 'place'), flag(args, 'month'), flag(args, 'out')];
  if (!place || !month || !out) {
    console.error(
      '请给出 --place、--month 与 --out Give --place, --month and --out, e.g. npx cocreate cockpit report --place 421081 --month 2026-11 --out report.pdf',
    );
    return 2;
  }
  monthDays(month); // a bad month is refused before any database is opened
  if (!/^\d{2,15}$/.test(place))
    throw new AppError('validation_failed', { summary: `--place ${place} is not a division code` });
  const { db, deps } = await openDeps({ migrate: !process.env.DATABASE_URL });
  try {
    await cockpitPlace(deps, place); // 404 naming the place when it is not in this installation's tree
    const r = await systemReport(deps, await loadServerModules(), place, month);
    writeFileSync(out, r.pdf);
    console.log(
      `已生成 Wrote ${out}: ${r.place.name} ${month}, ${r.pages} 页 pages, ${r.pdf.length.toLocaleString('en')} bytes`,
    );
    return 0;
  } finally {
    await db.close();
  }
}
