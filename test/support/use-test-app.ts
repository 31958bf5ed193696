import { afterAll, beforeAll } from '@jest/globals';
import { TestApp, type TestAppOptions } from './test-app.js';

/**
 * One TestApp for the enclosing `describe`: started in a beforeAll, closed in an afterAll. The
 * returned object stands for that app once it has started, so use it in tests and in later hooks.
 */
export function useTestApp(options: TestAppOptions = {}): TestApp {
  let started: TestApp | undefined;
  beforeAll(async () => {
    started = await TestApp.start(options);
  });
  afterAll(() => started?.close());
  return new Proxy({} as TestApp, {
    get(_target, property) {
      if (!started) throw new Error('The test app starts in beforeAll: use it in tests and hooks only');
      const value: unknown = Reflect.get(started, property, started);
      return typeof value === 'function' ? value.bind(started) : value;
    },
  });
}
