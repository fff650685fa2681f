/**
 * Classifier benchmark: cold-start load time, model size, and single-thread throughput at the
 * training set's average length (~400 chars).   npx tsx bench/classifier.bench.ts [--n 20000]
 * Texts are synthetic (sentences below, seeded); if ../shared/data/complaints-train.csv exists the
 * real messages are timed too.
 */
const coldStart = performance.now();
const { loadModel, predictLabel, suggestLabels } = await import('../src/server/modules/classifier/index');
const { parseCsv } = await import('../src/server/modules/classifier/classifier.csv-parser');
const { seededRandom } = await import('../src/server/modules/classifier/classifier.metrics');
const { existsSync, statSync, readFileSync } = await import('node:fs');
const os = await import('node:os');
const path = await import('node:path');
const { fileURLToPath } = await import('node:url');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const modelPath = path.join(root, 'models/classifier/department.model.json');
const loadStarted = performance.now();
const loaded = await loadModel(modelPath);
const loadMs = performance.now() - loadStarted;
const coldMs = performance.now() - coldStart;
if (!loaded.ok) throw new Error(`${loaded.code} ${JSON.stringify(loaded.details)}`);
const model = loaded.value;

const SENTENCES = [
  '我们小区门口的垃圾站长期无人清运，夏天臭味熏天，蚊蝇滋生，严重影响居民生活。',
  '学校要求学生周末到校补课，每月收取补课费八百元，家长们敢怒不敢言。',
  '公司已经连续三个月拖欠员工工资，也没有为我们缴纳养老保险和医疗保险。',
  '县城到乡镇的班车经常不按时发车，司机还随意加价，超载现象十分严重。',
  '医院收费不透明，住院一周花费两万多元，医保报销后自付比例仍然很高。',
  '开发商承诺的学区房迟迟不能交房，房产证也办不下来，业主多次维权无果。',
  '景区门票价格一再上涨，导游带游客进购物店，强迫消费，损害游客权益。',
  '希望相关部门尽快调查处理，给老百姓一个满意的答复，谢谢领导！',
  '附近工厂夜间排放废气，刺鼻气味让人无法入睡，老人和小孩经常咳嗽。',
  '村里的道路坑坑洼洼，下雨天泥泞不堪，学生上学非常不方便。',
];

function syntheticTexts(n: number, targetChars: number): Array<{ title: string; body: string }> {
  const random = seededRandom(2024);
  return Array.from({ length: n }, () => {
    let body = '';
    while (body.length < targetChars - 20) body += SENTENCES[Math.floor(random() * SENTENCES.length)];
    return { title: SENTENCES[Math.floor(random() * SENTENCES.length)].slice(0, 18), body };
  });
}

function throughput(
  label: string,
  texts: Array<{ title: string; body: string }>,
  fn: (t: { title: string; body: string }) => unknown,
): number {
  for (let i = 0; i < Math.min(500, texts.length); i++) fn(texts[i]); // warm-up
  const started = performance.now();
  for (const t of texts) fn(t);
  const seconds = (performance.now() - started) / 1000;
  const avg = texts.reduce((s, t) => s + t.title.length + t.body.length, 0) / texts.length;
  const rate = texts.length / seconds;
  console.log(`${label}: ${texts.length} texts, avg ${avg.toFixed(0)} chars, ${rate.toFixed(0)} texts/s`);
  return rate;
}

const nArg = process.argv.indexOf('--n');
const n = nArg >= 0 ? Number(process.argv[nArg + 1]) : 20_000;
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}`);
console.log(
  `model: ${(statSync(modelPath).size / 1e6).toFixed(2)} MB, ${model.buckets.length} features, ${model.labels.length} labels`,
);
console.log(
  `cold start (import module + jieba + read/parse/index model): ${coldMs.toFixed(0)} ms; loadModel alone ${loadMs.toFixed(0)} ms`,
);
const synthetic = syntheticTexts(n, 400);
throughput('predictLabel, synthetic', synthetic, (t) => predictLabel(model, t));
throughput('suggestLabels top-3 with reasons, synthetic', synthetic.slice(0, Math.ceil(n / 10)), (t) =>
  suggestLabels(model, t),
);

const csv = path.join(root, '../shared/data/complaints-train.csv');
if (existsSync(csv)) {
  const [header, ...rows] = parseCsv(readFileSync(csv, 'utf8'));
  const real = rows.map((r) => ({ title: r[header.indexOf('title')], body: r[header.indexOf('body')] }));
  throughput('predictLabel, real messages (x3)', [...real, ...real, ...real], (t) => predictLabel(model, t));
}
