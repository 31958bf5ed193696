import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import type { ActingUser } from '../auth/role.js';
import { OperationName } from '../common/graphql/operation-name.decorator.js';
import { PageArgs } from '../common/graphql/connection.js';
import { IdArgs } from '../common/graphql/id.args.js';
import { PatientByIdentifierArgs } from './dto/patient-by-identifier.args.js';
import { RegisterPatientInput } from './dto/register-patient.input.js';
import { PatientConnection } from './models/patient-connection.model.js';
import { Patient } from './models/patient.model.js';
import { RegisterPatientPayload } from './models/register-patient.payload.js';
import { PatientsService } from './patients.service.js';

@Resolver(() => Patient)
export class PatientsResolver {
  constructor(private readonly patientsService: PatientsService) {}

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
  patient(@Args() { id }: IdArgs): Promise<Patient> {
    return this.patientsService.get(id);
  }

  @Query(() => Patient, { description: 'The patient the EHR knows by this identifier.' })
  @Roles('CLINICIAN', 'AUDITOR', 'INTEGRATION', 'ADMIN')
  patientByIdentifier(@Args() { system, value }: PatientByIdentifierArgs): Promise<Patient> {
    return this.patientsService.getByIdentifier(system, value);
  }

  @Query(() => PatientConnection)
  @Roles('CLINICIAN', 'AUDITOR', 'ADMIN')
  patients(@Args() { first, after }: PageArgs): Promise<PatientConnection> {
    return this.patientsService.list(first, after);
  }
}
