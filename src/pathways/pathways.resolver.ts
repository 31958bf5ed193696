import { Args, ArgsType, Field, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { Roles } from '../auth/roles.decorator.js';
import { buildChecklist } from '../checklist/domain/checklist.js';
import { PageArgs } from '../common/graphql/connection.js';
import { IdArgs } from '../common/graphql/id.args.js';
import { LocaleArgs } from '../guideline/dto/evaluate-guideline.args.js';
import { GuidelineService } from '../guideline/guideline.service.js';
import { SuggestionModel } from '../guideline/models/guideline-evaluation.model.js';
import { Patient } from '../patients/models/patient.model.js';
import { PatientsService } from '../patients/patients.service.js';
import { ChecklistItemModel } from './models/checklist-item.model.js';
import { PathwayEventConnection } from './models/pathway-event.model.js';
import { Pathway } from './models/pathway.model.js';
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
  pathway(@Args() { id }: IdArgs): Promise<Pathway> {
    return this.pathways.get(id);
  }

  @ResolveField(() => Patient)
  @Roles(...READERS)
  patient(@Parent() pathway: Pathway): Promise<Patient> {
    return this.patients.get(pathway.patientId);
  }

  @ResolveField(() => [SuggestionModel], { description: 'The guideline on this pathway\'s facts: equals evaluateGuideline(facts).' })
  @Roles(...READERS)
  nextSteps(@Parent() pathway: Pathway, @Args() { locale }: LocaleArgs): SuggestionModel[] {
    return this.guideline.evaluate(pathway.facts, locale).suggestions;
  }

  @ResolveField(() => [ChecklistItemModel], { description: "The consultation checklist of the current stage." })
  @Roles(...READERS)
  checklist(@Parent() pathway: Pathway, @Args() { locale }: LocaleArgs): ChecklistItemModel[] {
    return buildChecklist(pathway.facts, pathway.checklistRecord, locale);
  }

  @ResolveField(() => PathwayEventConnection, { description: 'Who recorded what, when and why, in order.' })
  @Roles('CLINICIAN', 'AUDITOR')
  timeline(@Parent() pathway: Pathway, @Args() { first, after }: PageArgs): Promise<PathwayEventConnection> {
    return this.pathways.timeline(pathway, first, after);
  }
}

@Resolver(() => Patient)
export class PatientPathwaysResolver {
  constructor(private readonly pathwaysService: PathwaysService) {}

  @ResolveField(() => [Pathway], { description: "The patient's pathways, newest first." })
  @Roles(...READERS)
  pathways(@Parent() patient: Patient, @Args() { openOnly }: PatientPathwaysArgs): Promise<Pathway[]> {
    return this.pathwaysService.listForPatient(patient.id, openOnly);
  }
}
