import { Args, Query, Resolver } from '@nestjs/graphql';
import { AccessLogService } from '../audit/access-log/access-log.service.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import type { ActingUser } from '../auth/role.js';
import { Roles } from '../auth/roles.decorator.js';
import { OperationName } from '../common/graphql/operation-name.decorator.js';
import { Patient } from '../patients/models/patient.model.js';
import { LaunchPatientArgs } from './dto/launch-patient.args.js';
import { LaunchService } from './launch.service.js';

@Resolver()
export class LaunchResolver {
  constructor(
    private readonly launch: LaunchService,
    private readonly accessLog: AccessLogService,
  ) {}

  @Query(() => Patient, { description: "The patient an EHR launch names (FHIR server and Patient id), found by the FHIR Patient's identifiers." })
  @Roles('CLINICIAN', 'AUDITOR', 'INTEGRATION', 'ADMIN')
  async launchPatient(
    @Args() { iss, patient, fhirAccessToken }: LaunchPatientArgs,
    @CurrentUser() user: ActingUser,
    @OperationName() operation: string,
  ): Promise<Patient> {
    const found = await this.launch.resolve(iss, patient, fhirAccessToken);
    this.accessLog.record(user, [found.id], operation);
    return found;
  }
}
