#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so one package serves source and binary alike.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
