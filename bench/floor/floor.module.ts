import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Controller, Get, type DynamicModule, Inject, Module } from '@nestjs/common';
import { Args, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { GraphQLModule } from '@nestjs/graphql';
import type { PathwayStage } from '../../src/contract/vocabulary.js';
import { PathwayStageEnum } from '../../src/guideline/guideline.enums.js';
import { SuggestionModel } from '../../src/guideline/models/guideline-evaluation.model.js';
import { HipFactsModel } from '../../src/guideline/models/hip-facts.model.js';
import { ChecklistItemModel } from '../../src/pathways/models/checklist-item.model.js';

/*
 * The floor of `npm run bench:compare`: the least a NestJS + Apollo + Fastify app does to answer the
 * sidebar's query. The types mirror the service's (its own leaf types and enums, reused), but no field
 * has a resolver of its own: the one Query resolver returns a sidebar answer captured from the service.
 */

@ObjectType('Pathway')
class FloorPathway {
  @Field(() => ID)
  id!: string;

  @Field(() => PathwayStageEnum)
  stage!: PathwayStage;

  @Field(() => Int)
  version!: number;

  @Field(() => HipFactsModel)
  facts!: HipFactsModel;

  @Field(() => [SuggestionModel])
  nextSteps!: SuggestionModel[];

  @Field(() => [ChecklistItemModel])
  checklist!: ChecklistItemModel[];
}

@ObjectType('Patient')
export class FloorPatient {
  @Field(() => ID)
  id!: string;

  @Field(() => [FloorPathway])
  pathways!: FloorPathway[];
}

const SIDEBAR_ANSWER = Symbol('SIDEBAR_ANSWER');

@Resolver(() => FloorPatient)
class FloorResolver {
  constructor(@Inject(SIDEBAR_ANSWER) private readonly answer: FloorPatient) {}

  @Query(() => FloorPatient)
  patientByIdentifier(@Args('system') _system: string, @Args('value') _value: string): FloorPatient {
    return this.answer;
  }
}

/** For waitUntilReady, as the service's readiness probe. */
@Controller('health')
class FloorHealthController {
  @Get('ready')
  ready(): { status: string } {
    return { status: 'ok' };
  }
}

@Module({})
export class FloorModule {
  /** Serves `answer` (the `patientByIdentifier` of a sidebar answer) to every query. */
  static register(answer: FloorPatient): DynamicModule {
    return {
      module: FloorModule,
      imports: [GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, path: '/graphql', autoSchemaFile: true, graphiql: false })],
      controllers: [FloorHealthController],
      providers: [FloorResolver, { provide: SIDEBAR_ANSWER, useValue: answer }],
    };
  }
}
