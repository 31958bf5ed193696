import { Global, Module } from '@nestjs/common';
import { Environment } from '../config/environment.js';
import { openDatabase } from './database-connection.js';
import { migrateDatabase } from './migrations.js';
import { PrismaService } from './prisma.service.js';

@Global()
@Module({
  providers: [
    {
      provide: PrismaService,
      inject: [Environment],
      useFactory: async (environment: Environment) => {
        const connection = await openDatabase(environment);
        try {
          await migrateDatabase(connection);
        } catch (error) {
          await connection.close();
          throw error;
        }
        return new PrismaService(connection);
      },
    },
  ],
  exports: [PrismaService],
})
export class DatabaseModule {}
