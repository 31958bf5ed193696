import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AccessLogService } from '../audit/access-log/access-log.service.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import type { ActingUser } from '../auth/role.js';
import { OperationName } from '../common/graphql/operation-name.decorator.js';
import { PageArgs } from '../common/graphql/connection.js';
import { IdArgs } from '../common/graphql/id.args.js';
import { RegisterPatientInput } from './dto/register-patient.input.js';
import { PatientConnection } from './models/patient-connection.model.js';
import { Patient } from './models/patient.model.js';
import { RegisterPatientPayload } from './models/register-patient.payload.js';
import { PatientsService } from './patients.service.js';

@Resolver(() => Patient)
export class PatientsResolver {
  constructor(
    private readonly patientsService: PatientsService,
    private readonly accessLog: AccessLogService,
  ) {}

  @Mutation(() => RegisterPatientPayload)
  @Roles('CLINICIAN', 'ADMIN')
  registerPatient(
    @Args('input') input: RegisterPatientInput,
    @CurrentUser() user: ActingUser,
    @OperationName() operation: string,
  ): Promise<RegisterPatientPayload> {
    return this.patientsService.register(operation, input, user);
  }

  @Query(() => Patient)
  @Roles('CLINICIAN', 'AUDITOR', 'INTEGRATION', 'ADMIN')
  async patient(@Args() { id }: IdArgs, @CurrentUser() user: ActingUser, @OperationName() operation: string): Promise<Patient> {
    const patient = await this.patientsService.get(id);
    this.accessLog.record(user, [patient.id], operation);
    return patient;
  }

  @Query(() => PatientConnection)
  @Roles('CLINICIAN', 'AUDITOR', 'ADMIN')
  async patients(
    @Args() { first, after }: PageArgs,
    @CurrentUser() user: ActingUser,
    @OperationName() operation: string,
  ): Promise<PatientConnection> {
    const page = await this.patientsService.list(first, after);
    this.accessLog.record(
      user,
      page.edges.map((edge) => edge.node.id),
      operation,
    );
    return page;
  }
}
