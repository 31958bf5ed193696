import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsUrl, Matches, MaxLength } from 'class-validator';
import { FHIR_ID } from '../../cds-hooks/domain/fhir-resources.js';

@ArgsType()
export class LaunchPatientArgs {
  @Field({ description: "The launch's `iss`: the EHR's FHIR base URL, which must be a trusted EHR's (CDS_TRUSTED_EHRS) or under one." })
  @IsUrl({ require_tld: false, protocols: ['https', 'http'], require_protocol: true }, { message: 'an absolute http(s) URL' })
  @MaxLength(500)
  iss!: string;

  @Field({ description: "The launch's `patient`: the FHIR Patient's id on that server." })
  @Matches(FHIR_ID, { message: 'a FHIR id: 1 to 64 characters of A-Z a-z 0-9 - .' })
  patient!: string;

  @Field({ nullable: true, description: 'The access token the launch gave for the FHIR server (from the page address fragment).' })
  @IsOptional()
  @Matches(/^[\x21-\x7e]{1,4096}$/, { message: 'a bearer token: 1 to 4096 visible ASCII characters' })
  fhirAccessToken?: string;
}
