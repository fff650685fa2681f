#!/usr/bin/env node
// The browser suite (npm run test:browser): builds the web apps if needed, starts the demo on a free
// port with a fresh data directory, and drives Chromium through the flows in browser/flows.
import { register } from 'tsx/esm/api';

register();
const { runSuite } = await import('../browser/suite.ts');
process.exitCode = await runSuite();
