#!/usr/bin/env node
// Entry point of the `cocreate` command: runs the compiled bundle (dist/server), building it first
// when it is missing or older than the sources (see build-server.mjs).
import { ensureServerBuilt } from './build-server.mjs';

await import(await ensureServerBuilt());
