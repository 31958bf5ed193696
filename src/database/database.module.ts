import { Global, Module } from '@nestjs/common';
import { Environment } from '../config/environment.js';
import { openDatabase } from './database-connection.js';
import { hasPendingMigrations, migrateDatabase } from './migrations.js';
import { PrismaService } from './prisma.service.js';

@Global()
@Module({
  providers: [
    {
      provide: PrismaService,
      inject: [Environment],
      useFactory: async (environment: Environment) => {
        const connection = await openDatabase(environment, {
          timeouts: { connectMs: environment.DATABASE_CONNECT_TIMEOUT_MS, statementMs: environment.DATABASE_STATEMENT_TIMEOUT_MS },
        });
        const prisma = new PrismaService(connection, {
          transactionTimeoutMs: environment.DATABASE_TRANSACTION_TIMEOUT_MS,
          transactionMaxWaitMs: environment.DATABASE_CONNECT_TIMEOUT_MS,
        });
        try {
          if (await hasPendingMigrations(prisma)) await migrateDatabase(connection);
        } catch (error) {
          await prisma.onModuleDestroy();
          throw error;
        }
        return prisma;
      },
    },
  ],
  exports: [PrismaService],
})
export class DatabaseModule {}
