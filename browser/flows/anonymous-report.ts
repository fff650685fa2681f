/**
 * 匿名上报 keeps its promise: a resident of 百子庵村 reports anonymously, placing the report with the
 * phone's position (the place is shown by name before submitting); the 高基庙镇 dispatcher's triage
 * list, the case detail and its timeline show no name or phone of the reporter anywhere, and the
 * detail tells the dispatcher where the location came from.
 */
import path from 'node:path';
import type { BrowserTest } from '../harness';
import { apiResidentSignIn, apiSignIn, phoneInVillageGrid, pickProblem, submitReport } from '../helpers';

const PHONE = '13800000004';

export const anonymousReport: BrowserTest = {
  name: 'anonymous report: no name or phone of the reporter in the console’s list, detail or timeline; the location source is shown',
  slug: 'h-anonymous-report',
  async run({ page, baseUrl }) {
    const out = path.resolve('browser/.out');
    const mobile = await phoneInVillageGrid(page, baseUrl, '421081107212'); // 百子庵村
    const m = await mobile.newPage();
    try {
      m.setDefaultTimeout(15_000);
      await apiResidentSignIn(m, PHONE);
      const me = (await (await m.request.get('/api/me')).json()) as { user: { displayName: string } };
      const name = me.user.displayName;
      await m.goto('/m/report');
      await pickProblem(m, '占道经营', '占道经营');
      await m.locator('#cc-m-description').fill('路口水果摊占道经营，早晚高峰堵车');
      // no location chosen: the form says what to do instead of assuming one
      await m.getByTestId('m-report-submit').click();
      const error = await m.getByTestId('m-report-error').innerText();
      if (!error.includes('使用当前位置')) throw new Error(`expected to be asked for a location, got: ${error}`);
      await m.getByTestId('m-gps').click();
      await m.getByTestId('m-location-name').getByText('百子庵').waitFor();
      await m.getByTestId('m-anonymous').click();
      await submitReport(m);
      const number = (await m.getByTestId('m-case-number').innerText()).trim();
      const id = m.url().split('/').pop()!;

      const noReporter = async (where: string) => {
        const text = await page.locator('body').innerText();
        for (const s of [name, PHONE, PHONE.slice(-4)])
          if (text.includes(s)) throw new Error(`${where} shows the anonymous reporter (${s})`);
      };
      await apiSignIn(page, 'gaojimiao');
      await page.goto('/admin/triage');
      await page.locator(`tr[data-number="${number}"]`).waitFor();
      await noReporter('the triage list');
      await page.goto(`/admin/cases/${id}`);
      await page.getByTestId('case-timeline').getByText('匿名群众').waitFor();
      await page.getByTestId('case-location-source').getByText('手机定位').waitFor();
      await page.getByTestId('case-reporter').getByText('匿名').waitFor();
      await noReporter('the case detail and timeline');
      await page.screenshot({ path: path.join(out, 'h1-anonymous-case.png'), fullPage: true });
    } finally {
      await mobile.close();
    }
  },
};
