#!/usr/bin/env node
// The `chainkit` command; the code lives in src/cli.ts (built to dist/cli.js).
import { main } from '../dist/cli.js';

const { code } = await main(process.argv.slice(2));
if (code !== 0) process.exit(code);
