import { Args, ArgsType, Context, Field, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { Roles } from '../auth/roles.decorator.js';
import { buildChecklist } from '../checklist/domain/checklist.js';
import { PageArgs } from '../common/graphql/connection.js';
import type { RequestLoaders } from '../common/graphql/request-loaders.js';
import { IdArgs } from '../common/graphql/id.args.js';
import { LocaleArgs } from '../guideline/dto/evaluate-guideline.args.js';
import { GuidelineService } from '../guideline/guideline.service.js';
import { SuggestionModel } from '../guideline/models/guideline-evaluation.model.js';
import { Patient } from '../patients/models/patient.model.js';
import { PatientsService } from '../patients/patients.service.js';
import { ChecklistItemModel } from './models/checklist-item.model.js';
import { PathwayEventConnection } from './models/pathway-event.model.js';
import { Pathway } from './models/pathway.model.js';
import type { PathwayView } from './pathway-view.js';
import { PathwaysService } from './pathways.service.js';

@ArgsType()
class PatientPathwaysArgs {
  @Field({ defaultValue: false, description: 'Only pathways that are not closed.' })
  @IsOptional()
  @IsBoolean()
  openOnly: boolean = false;
}

const READERS = ['CLINICIAN', 'AUDITOR', 'INTEGRATION'] as const;

@Resolver(() => Pathway)
export class PathwaysResolver {
  constructor(
    private readonly pathways: PathwaysService,
    private readonly patients: PatientsService,
    private readonly guideline: GuidelineService,
  ) {}

  @Query(() => Pathway)
  @Roles(...READERS)
  pathway(@Args() { id }: IdArgs): Promise<PathwayView> {
    return this.pathways.get(id);
  }

  @ResolveField(() => Patient)
  @Roles(...READERS)
  patient(@Parent() pathway: PathwayView, @Context('loaders') loaders: RequestLoaders): Promise<Patient> {
    return loaders.of(this.patientsById).load(pathway.patientId);
  }

  @ResolveField(() => [SuggestionModel], { description: "The guideline on this pathway's facts: equals evaluateGuideline(facts)." })
  @Roles(...READERS)
  nextSteps(@Parent() pathway: PathwayView, @Args() { locale }: LocaleArgs): SuggestionModel[] {
    return this.guideline.evaluate(pathway.facts, locale).suggestions;
  }

  @ResolveField(() => [ChecklistItemModel], { description: 'The consultation checklist of the current stage.' })
  @Roles(...READERS)
  checklist(@Parent() pathway: PathwayView, @Args() { locale }: LocaleArgs): ChecklistItemModel[] {
    return buildChecklist(pathway.facts, pathway.checklistRecord, locale);
  }

  @ResolveField(() => PathwayEventConnection, { description: 'Who recorded what, when and why, in order.' })
  @Roles('CLINICIAN', 'AUDITOR')
  timeline(@Parent() pathway: PathwayView, @Args() { first, after }: PageArgs): Promise<PathwayEventConnection> {
    return this.pathways.timeline(pathway, first, after);
  }

  private readonly patientsById = (ids: readonly string[]) => this.patients.getMany(ids);
}

@Resolver(() => Patient)
export class PatientPathwaysResolver {
  constructor(private readonly pathwaysService: PathwaysService) {}

  @ResolveField(() => [Pathway], { description: "The patient's pathways, newest first." })
  @Roles(...READERS)
  pathways(
    @Parent() patient: Patient,
    @Args() { openOnly }: PatientPathwaysArgs,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<PathwayView[]> {
    return loaders.of(openOnly ? this.openPathwaysOf : this.pathwaysOf).load(patient.id);
  }

  private readonly pathwaysOf = (patientIds: readonly string[]) => this.pathwaysService.listForPatients(patientIds, false);
  private readonly openPathwaysOf = (patientIds: readonly string[]) => this.pathwaysService.listForPatients(patientIds, true);
}
