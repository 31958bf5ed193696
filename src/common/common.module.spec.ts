import { describe, expect, it } from '@jest/globals';
import { Clock } from './clock.js';
import { CommonModule } from './common.module.js';

describe('CommonModule.register', () => {
  it('provides the Clock to every module, or the one it is given instead', () => {
    expect(CommonModule.register()).toMatchObject({ global: true, providers: [Clock], exports: [Clock] });
    const fixed = { now: () => new Date('2026-06-15T10:00:00Z') };
    expect(CommonModule.register([{ provide: Clock, useValue: fixed }]).providers).toEqual([{ provide: Clock, useValue: fixed }]);
  });

  it('refuses to override a provider that is not shared, naming it', () => {
    expect(() => CommonModule.register([{ provide: 'PatientsService', useValue: {} }])).toThrow(
      'Only shared providers can be overridden, not PatientsService',
    );
  });
});
