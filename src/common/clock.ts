import { Injectable } from '@nestjs/common';

/** The one source of "now", so that a whole write or read shares one instant. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
