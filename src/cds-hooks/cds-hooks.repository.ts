import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../database/prisma.service.js';
import { keyOfParts, sharedStatement } from '../database/shared-statement.js';
import type { IssuedCard } from '../pathways/domain/pathway-commands.js';

/** The one owner of the CDS Hooks tables: the cards issued (cds_card) and the JWT ids accepted (cds_token_id). */
@Injectable()
export class CdsHooksRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Records cards as issued, in one statement; a card issued before keeps its first row (the same
   * uuid is the same pathway version, suggestion and rule set).
   */
  async recordIssuedCards(cards: readonly IssuedCard[], issuedAt: Date): Promise<void> {
    const rows = cards.map(
      (card) =>
        Prisma.sql`(${card.uuid}::uuid, ${card.pathwayId}::uuid, ${card.pathwayVersion}::int, ${card.code}, ${card.ruleSetVersion}, ${issuedAt})`,
    );
    await this.prisma.$executeRaw`
      INSERT INTO cds_card (uuid, pathway_id, pathway_version, code, rule_set_version, issued_at)
      VALUES ${Prisma.join(rows)}
      ON CONFLICT DO NOTHING`;
  }

  /** The issued cards among these uuids, by uuid: one query. */
  async findIssuedCards(uuids: readonly string[]): Promise<Map<string, IssuedCard>> {
    const rows = await this.prisma.cdsCard.findMany({ where: { uuid: { in: [...uuids] } } });
    return new Map(
      rows.map((row) => [
        row.uuid,
        { uuid: row.uuid, pathwayId: row.pathwayId, pathwayVersion: row.pathwayVersion, code: row.code, ruleSetVersion: row.ruleSetVersion },
      ]),
    );
  }

  /**
   * Records a JWT id as used until `expiresAt`; false when it was used before (by this instance or
   * another). Every call makes one, so the claims made together share one statement, straight to the
   * driver; in such a batch a token id sent twice is claimed by its first call only.
   */
  readonly claimTokenId = sharedStatement((claims: readonly TokenIdClaim[]) => this.claimTokenIds(claims));

  private async claimTokenIds(claims: readonly TokenIdClaim[]): Promise<boolean[]> {
    const firstClaims = new Map<string, TokenIdClaim>();
    for (const claim of claims) if (!firstClaims.has(tokenIdKey(claim))) firstClaims.set(tokenIdKey(claim), claim);
    const rows = [...firstClaims.values()].map(({ issuer, jti, expiresAt }) => Prisma.sql`(${issuer}, ${jti}, ${expiresAt}::timestamptz)`);
    const claimed = await this.prisma.queryDirect<{ issuer: string; jti: string }>(Prisma.sql`
      INSERT INTO cds_token_id (issuer, jti, expires_at) VALUES ${Prisma.join(rows)}
      ON CONFLICT DO NOTHING RETURNING issuer, jti`);
    const claimedKeys = new Set(claimed.map(tokenIdKey));
    return claims.map((claim) => firstClaims.get(tokenIdKey(claim)) === claim && claimedKeys.has(tokenIdKey(claim)));
  }

  /** Forgets the JWT ids of tokens expired before `now`: those tokens are refused as expired anyway. */
  async deleteExpiredTokenIds(now: Date): Promise<void> {
    await this.prisma.cdsTokenId.deleteMany({ where: { expiresAt: { lt: now } } });
  }
}

export interface TokenIdClaim {
  issuer: string;
  jti: string;
  expiresAt: Date;
}

function tokenIdKey({ issuer, jti }: { issuer: string; jti: string }): string {
  return keyOfParts(issuer, jti);
}
