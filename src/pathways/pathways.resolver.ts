import { Args, ArgsType, Context, Field, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { AccessLogService } from '../audit/access-log/access-log.service.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import type { ActingUser } from '../auth/role.js';
import { Roles } from '../auth/roles.decorator.js';
import { buildChecklist } from '../checklist/domain/checklist.js';
import { PageArgs } from '../common/graphql/connection.js';
import { OperationName } from '../common/graphql/operation-name.decorator.js';
import type { RequestLoaders } from '../common/graphql/request-loaders.js';
import { IdArgs } from '../common/graphql/id.args.js';
import { LocaleArgs } from '../guideline/dto/evaluate-guideline.args.js';
import { SuggestionModel } from '../guideline/models/guideline-evaluation.model.js';
import { PatientByIdentifierArgs } from '../patients/dto/patient-by-identifier.args.js';
import { Patient } from '../patients/models/patient.model.js';
import { PatientsService } from '../patients/patients.service.js';
import { ChecklistItemModel } from './models/checklist-item.model.js';
import { PathwayEventConnection } from './models/pathway-event.model.js';
import { Pathway } from './models/pathway.model.js';
import { PathwayEvaluations } from './pathway-evaluations.js';
import type { PathwayView } from './pathway-view.js';
import { PathwaysService } from './pathways.service.js';
import { SuggestionImpressionsService } from './suggestion-impressions.service.js';

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
    private readonly evaluations: PathwayEvaluations,
    private readonly accessLog: AccessLogService,
    private readonly impressions: SuggestionImpressionsService,
  ) {}

  @Query(() => Pathway)
  @Roles(...READERS)
  async pathway(@Args() { id }: IdArgs, @CurrentUser() user: ActingUser, @OperationName() operation: string): Promise<PathwayView> {
    const pathway = await this.pathways.get(id);
    this.accessLog.record(user, [pathway.patientId], operation);
    return pathway;
  }

  @ResolveField(() => Patient)
  @Roles(...READERS)
  patient(@Parent() pathway: PathwayView, @Context('loaders') loaders: RequestLoaders): Promise<Patient> {
    return loaders.of(this.patientsById).load(pathway.patientId);
  }

  @ResolveField(() => [SuggestionModel], { description: "The guideline on this pathway's facts: equals evaluateGuideline(facts)." })
  @Roles(...READERS)
  nextSteps(@Parent() pathway: PathwayView, @Args() { locale }: LocaleArgs): SuggestionModel[] {
    const suggestions = this.evaluations.suggestions(pathway, locale);
    this.impressions.record(
      pathway.id,
      suggestions.map((suggestion) => suggestion.code),
    );
    return suggestions;
  }

  @ResolveField(() => [ChecklistItemModel], { description: 'The consultation checklist of the current stage.' })
  @Roles(...READERS)
  checklist(@Parent() pathway: PathwayView, @Args() { locale }: LocaleArgs): ChecklistItemModel[] {
    return buildChecklist(pathway.facts, pathway.checklistRecord, locale);
  }

  @ResolveField(() => PathwayEventConnection, { description: 'Who recorded what, when and why, in order.' })
  @Roles('CLINICIAN', 'AUDITOR')
  async timeline(
    @Parent() pathway: PathwayView,
    @Args() { first, after }: PageArgs,
    @CurrentUser() user: ActingUser,
    @OperationName() operation: string,
  ): Promise<PathwayEventConnection> {
    const timeline = await this.pathways.timeline(pathway, first, after);
    this.accessLog.record(user, [pathway.patientId], operation);
    return timeline;
  }

  private readonly patientsById = (ids: readonly string[]) => this.patients.getMany(ids);
}

/** A patient read with its pathways (the sidebar's read), which `pathways` then answers from without another query. */
type PatientWithPathways = Patient & { pathwaysReadWithPatient?: PathwayView[] };

@Resolver(() => Patient)
export class PatientPathwaysResolver {
  constructor(
    private readonly pathwaysService: PathwaysService,
    private readonly accessLog: AccessLogService,
  ) {}

  /** Here, not beside `patient`: the sidebar opens with it, and the patient and its pathways are one statement. */
  @Query(() => Patient, { description: 'The patient the EHR knows by this identifier.' })
  @Roles('CLINICIAN', 'AUDITOR', 'INTEGRATION', 'ADMIN')
  async patientByIdentifier(
    @Args() { system, value }: PatientByIdentifierArgs,
    @CurrentUser() user: ActingUser,
    @OperationName() operation: string,
  ): Promise<PatientWithPathways> {
    const { patient, pathways } = await this.pathwaysService.patientWithPathwaysByIdentifier(system, value);
    this.accessLog.record(user, [patient.id], operation);
    return { ...patient, pathwaysReadWithPatient: pathways };
  }

  @ResolveField(() => [Pathway], { description: "The patient's pathways, newest first." })
  @Roles(...READERS)
  async pathways(
    @Parent() patient: PatientWithPathways,
    @Args() { openOnly }: PatientPathwaysArgs,
    @Context('loaders') loaders: RequestLoaders,
    @CurrentUser() user: ActingUser,
    @OperationName() operation: string,
  ): Promise<PathwayView[]> {
    const read = patient.pathwaysReadWithPatient;
    const pathways = read
      ? read.filter((pathway) => !openOnly || pathway.closedAt === null)
      : await loaders.of(openOnly ? this.openPathwaysOf : this.pathwaysOf).load(patient.id);
    this.accessLog.record(user, [patient.id], operation);
    return pathways;
  }

  private readonly pathwaysOf = (patientIds: readonly string[]) => this.pathwaysService.listForPatients(patientIds, false);
  private readonly openPathwaysOf = (patientIds: readonly string[]) => this.pathwaysService.listForPatients(patientIds, true);
}
