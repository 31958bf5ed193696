import { Global, Module } from '@nestjs/common';
import { AuditLogService } from './audit-log.service.js';
import { AuditedWriteService } from './audited-write.service.js';

@Global()
@Module({
  providers: [AuditLogService, AuditedWriteService],
  exports: [AuditLogService, AuditedWriteService],
})
export class AuditModule {}
