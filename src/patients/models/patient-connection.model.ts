import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/graphql/connection.js';
import { Patient } from './patient.model.js';

@ObjectType()
export class PatientConnection extends Connection(Patient, 'Patient') {}
