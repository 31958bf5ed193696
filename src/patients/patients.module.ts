import { Module } from '@nestjs/common';
import { PatientRepository } from './patient.repository.js';
import { PatientsResolver } from './patients.resolver.js';
import { PatientsService } from './patients.service.js';

@Module({
  providers: [PatientsResolver, PatientsService, PatientRepository],
  exports: [PatientsService, PatientRepository],
})
export class PatientsModule {}
