import { Module } from '@nestjs/common';
import { GuidelineResolver } from './guideline.resolver.js';
import { GuidelineService } from './guideline.service.js';

@Module({
  providers: [GuidelineResolver, GuidelineService],
  exports: [GuidelineService],
})
export class GuidelineModule {}
