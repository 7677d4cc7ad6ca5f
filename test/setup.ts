// Run before each test file (vitest setupFiles): the temporary folders a test file makes
// with tmpDir() are removed when it ends, whether its tests passed or not.
import { afterAll } from 'vitest';
import { removeTmpDirs } from './helpers.js';

afterAll(() => removeTmpDirs());
