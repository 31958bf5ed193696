import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import type { ActingUser } from '../auth/role.js';
import { OperationName } from '../common/graphql/operation-name.decorator.js';
import {
  DocumentSharedDecisionInput,
  PlanFollowUpInput,
  RecordClinicalExamInput,
  RecordNoAnalgesiaNeededInput,
  RecordNsaidRiskFactorsInput,
  RecordPatientReportedOutcomesInput,
  RecordPostoperativeOutcomeInput,
  RecordRedFlagScreeningInput,
  RecordRiskFactorsInput,
  RecordSurgeryInput,
  RecordSurgicalIndicationInput,
  RecordSurgicalRiskFactorsInput,
  RecordXrayOrderedInput,
  RecordXrayResultInput,
  StartTreatmentInput,
  StopTreatmentInput,
} from './dto/clinical-recording.inputs.js';
import { OpenPathwayInput } from './dto/open-pathway.input.js';
import {
  ChangeStageInput,
  GiveSuggestionFeedbackInput,
  MarkChecklistItemNotApplicableInput,
  MarkEnteredInErrorInput,
} from './dto/pathway-decision.inputs.js';
import { PathwayWritePayload } from './models/pathway-write.payload.js';
import { PathwaysService } from './pathways.service.js';

/** Every write to a pathway; each names its roles, the service does the rest. */
@Resolver()
export class PathwayRecordingResolver {
  constructor(private readonly pathways: PathwaysService) {}

  @Mutation(() => PathwayWritePayload, { description: 'Open a pathway for a hip (one open pathway per hip), in stage CLINICAL_EXAM.' })
  @Roles('CLINICIAN')
  openPathway(@Args('input') input: OpenPathwayInput, @CurrentUser() user: ActingUser, @OperationName() operation: string) {
    return this.pathways.open(operation, input, user);
  }

  @Mutation(() => PathwayWritePayload)
  @Roles('CLINICIAN')
  recordClinicalExam(@Args('input') input: RecordClinicalExamInput, @CurrentUser() user: ActingUser, @OperationName() operation: string) {
    return this.pathways.execute(operation, input, user);
  }

  @Mutation(() => PathwayWritePayload)
  @Roles('CLINICIAN')
  recordRedFlagScreening(@Args('input') input: RecordRedFlagScreeningInput, @CurrentUser() user: ActingUser, @OperationName() operation: string) {
    return this.pathways.execute(operation, input, user);
  }

  @Mutation(() => PathwayWritePayload)
  @Roles('CLINICIAN')
  recordRiskFactors(@Args('input') input: RecordRiskFactorsInput, @CurrentUser() user: ActingUser, @OperationName() operation: string) {
    return this.pathways.execute(operation, input, user);
  }

  @Mutation(() => PathwayWritePayload)
  @Roles('CLINICIAN')
  recordXrayOrdered(@Args('input') input: RecordXrayOrderedInput, @CurrentUser() user: ActingUser, @OperationName() operation: string) {
    return this.pathways.execute(operation, input, user);
  }

  @Mutation(() => PathwayWritePayload)
  @Roles('CLINICIAN')
  recordXrayResult(@Args('input') input: RecordXrayResultInput, @CurrentUser() user: ActingUser, @OperationName() operation: string) {
    return this.pathways.execute(operation, input, user);
  }

  @Mutation(() => PathwayWritePayload)
  @Roles('CLINICIAN')
  startTreatment(@Args('input') input: StartTreatmentInput, @CurrentUser() user: ActingUser, @OperationName() operation: string) {
    return this.pathways.execute(operation, input, user);
  }

  @Mutation(() => PathwayWritePayload)
  @Roles('CLINICIAN')
  stopTreatment(@Args('input') input: StopTreatmentInput, @CurrentUser() user: ActingUser, @OperationName() operation: string) {
    return this.pathways.execute(operation, input, user);
  }

  @Mutation(() => PathwayWritePayload)
  @Roles('CLINICIAN')
  recordNsaidRiskFactors(@Args('input') input: RecordNsaidRiskFactorsInput, @CurrentUser() user: ActingUser, @OperationName() operation: string) {
    return this.pathways.execute(operation, input, user);
  }

  @Mutation(() => PathwayWritePayload)
  @Roles('CLINICIAN')
  recordPatientReportedOutcomes(
    @Args('input') input: RecordPatientReportedOutcomesInput,
    @CurrentUser() user: ActingUser,
    @OperationName() operation: string,
  ) {
    return this.pathways.execute(operation, input, user);
  }

  @Mutation(() => PathwayWritePayload)
  @Roles('CLINICIAN')
  recordSurgicalIndication(@Args('input') input: RecordSurgicalIndicationInput, @CurrentUser() user: ActingUser, @OperationName() operation: string) {
    return this.pathways.execute(operation, input, user);
  }

  @Mutation(() => PathwayWritePayload)
  @Roles('CLINICIAN')
  recordSurgicalRiskFactors(
    @Args('input') input: RecordSurgicalRiskFactorsInput,
    @CurrentUser() user: ActingUser,
    @OperationName() operation: string,
  ) {
    return this.pathways.execute(operation, input, user);
  }

  @Mutation(() => PathwayWritePayload)
  @Roles('CLINICIAN')
  documentSharedDecision(@Args('input') input: DocumentSharedDecisionInput, @CurrentUser() user: ActingUser, @OperationName() operation: string) {
    return this.pathways.execute(operation, input, user);
  }

  @Mutation(() => PathwayWritePayload)
  @Roles('CLINICIAN')
  recordNoAnalgesiaNeeded(@Args('input') input: RecordNoAnalgesiaNeededInput, @CurrentUser() user: ActingUser, @OperationName() operation: string) {
    return this.pathways.execute(operation, input, user);
  }

  @Mutation(() => PathwayWritePayload)
  @Roles('CLINICIAN')
  planFollowUp(@Args('input') input: PlanFollowUpInput, @CurrentUser() user: ActingUser, @OperationName() operation: string) {
    return this.pathways.execute(operation, input, user);
  }

  @Mutation(() => PathwayWritePayload)
  @Roles('CLINICIAN')
  recordSurgery(@Args('input') input: RecordSurgeryInput, @CurrentUser() user: ActingUser, @OperationName() operation: string) {
    return this.pathways.execute(operation, input, user);
  }

  @Mutation(() => PathwayWritePayload)
  @Roles('CLINICIAN')
  recordPostoperativeOutcome(
    @Args('input') input: RecordPostoperativeOutcomeInput,
    @CurrentUser() user: ActingUser,
    @OperationName() operation: string,
  ) {
    return this.pathways.execute(operation, input, user);
  }

  @Mutation(() => PathwayWritePayload)
  @Roles('CLINICIAN')
  changeStage(@Args('input') input: ChangeStageInput, @CurrentUser() user: ActingUser, @OperationName() operation: string) {
    return this.pathways.execute(operation, input, user);
  }

  @Mutation(() => PathwayWritePayload)
  @Roles('CLINICIAN')
  markEnteredInError(@Args('input') input: MarkEnteredInErrorInput, @CurrentUser() user: ActingUser, @OperationName() operation: string) {
    return this.pathways.execute(operation, input, user);
  }

  @Mutation(() => PathwayWritePayload)
  @Roles('CLINICIAN')
  markChecklistItemNotApplicable(
    @Args('input') input: MarkChecklistItemNotApplicableInput,
    @CurrentUser() user: ActingUser,
    @OperationName() operation: string,
  ) {
    return this.pathways.execute(operation, input, user);
  }

  @Mutation(() => PathwayWritePayload, {
    description: 'Accept or override a suggestion shown now. EHR integrations may send it for the clinician they act for.',
  })
  @Roles('CLINICIAN', 'INTEGRATION')
  giveSuggestionFeedback(@Args('input') input: GiveSuggestionFeedbackInput, @CurrentUser() user: ActingUser, @OperationName() operation: string) {
    return this.pathways.execute(operation, input, user);
  }
}
