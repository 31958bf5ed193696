import { Global, Module } from '@nestjs/common';
import { Clock } from './clock.js';

/** Providers every module shares: the one Clock (tests override it with a fixed one). */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class CommonModule {}
