/** `cocreate classify`: CSV `id,title,body` on standard input → CSV `id,label,probability` on standard output. */
import type { Readable, Writable } from 'node:stream';
import { loadConfig } from '../../server/config';
// The two files it needs, not the module's index (which loads retraining, similarity and the service).
import { classifyCsvStream } from '../../server/modules/classifier/classifier.csv';
import { loadModel } from '../../server/modules/classifier/classifier.loader';
import { failureText } from '../failure';

/** Exit codes: 0 done; 1 the model is missing or unusable; 2 the input is not usable CSV. */
export async function runClassify(
  modelPath: string,
  input: Readable,
  output: Writable,
  err: (line: string) => void,
): Promise<number> {
  const m = await loadModel(modelPath);
  if (!m.ok) {
    err(`分类模型不可用 Classifier model unavailable: ${failureText(m)}`);
    return 1;
  }
  const r = await classifyCsvStream(input, output, m.value);
  if (!r.ok) {
    err(`输入无效 Invalid input: ${failureText(r)}`);
    return 2;
  }
  return 0;
}

export async function classifyCommand(_args: string[] = []): Promise<number> {
  const config = loadConfig();
  return runClassify(config.classifier.modelPath, process.stdin, process.stdout, (line) => console.error(line));
}
