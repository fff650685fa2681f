/** `cocreate classify`: CSV `id,title,body` on standard input → CSV `id,label,probability` on standard output. */
import { loadConfig } from '../../server/config';
// The two files it needs, not the module's index (which loads retraining, similarity and the service).
import { classifyCsvStream } from '../../server/modules/classifier/classifier.csv';
import { loadModel } from '../../server/modules/classifier/classifier.loader';

export async function classifyCommand(_args: string[] = []): Promise<number> {
  const config = loadConfig();
  const m = await loadModel(config.classifier.modelPath);
  if (!m.ok) {
    console.error(`分类模型不可用 Classifier model unavailable: ${m.message}`);
    return 1;
  }
  const r = await classifyCsvStream(process.stdin, process.stdout, m.model);
  if (!r.ok) {
    console.error(`输入无效 Invalid input: ${r.message}`);
    return 2;
  }
  return 0;
}
