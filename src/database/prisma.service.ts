import type { OnModuleDestroy } from '@nestjs/common';
import { PrismaClient } from '../generated/prisma/client.js';
import type { DatabaseConnection, DatabaseKind } from './database-connection.js';

/** The one owner of the Prisma client, over PostgreSQL or embedded PGlite. */
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  readonly databaseKind: DatabaseKind;

  constructor(private readonly connection: DatabaseConnection) {
    super({ adapter: connection.adapterFactory });
    this.databaseKind = connection.kind;
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
    await this.connection.close();
  }
}

export type PrismaTransaction = Parameters<Parameters<PrismaService['$transaction']>[0]>[0];
