import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { FHIR_ID, FHIR_USER_REFERENCE } from '../domain/fhir-resources.js';

const FHIR_ID_RULE = 'a FHIR id: 1 to 64 of A-Z a-z 0-9 - .';
const USER_RULE = 'a reference to a Practitioner, PractitionerRole, Patient or RelatedPerson, e.g. Practitioner/123';

/** The access token the EHR grants the service for its FHIR server (CDS Hooks 2.0, "Passing the Access Token"). */
export class FhirAuthorizationInput {
  @IsString()
  @MinLength(1)
  @MaxLength(8192)
  access_token!: string;

  @IsIn(['Bearer'])
  token_type!: 'Bearer';

  @IsInt()
  @Min(0)
  expires_in!: number;

  @IsString()
  @MaxLength(2000)
  scope!: string;

  @IsString()
  @MaxLength(200)
  subject!: string;

  @IsOptional()
  @Matches(FHIR_ID, { message: FHIR_ID_RULE })
  patient?: string;
}

/** What every CDS Hooks 2.0 service call carries beside its hook and context. */
export class CdsServiceRequest {
  @IsUUID('all')
  hookInstance!: string;

  /** Required with fhirAuthorization. */
  @ValidateIf((request: CdsServiceRequest) => request.fhirServer !== undefined || request.fhirAuthorization !== undefined)
  @IsUrl(
    { require_tld: false, protocols: ['https', 'http'], require_protocol: true },
    { message: 'an absolute http(s) URL, required with fhirAuthorization' },
  )
  fhirServer?: string;

  // IsObject too: ValidateNested alone would take a list (even an empty one) for the object.
  @IsOptional()
  @IsObject({ message: 'an object' })
  @ValidateNested()
  @Type(() => FhirAuthorizationInput)
  fhirAuthorization?: FhirAuthorizationInput;

  /** FHIR resources by the keys of the service's prefetch templates; checked where read. */
  @IsOptional()
  @IsObject({ message: 'a JSON object' })
  prefetch?: Record<string, unknown>;

  @IsOptional()
  @IsObject({ message: 'a JSON object' })
  extension?: Record<string, unknown>;
}

export class PatientViewContext {
  @Matches(FHIR_USER_REFERENCE, { message: USER_RULE })
  userId!: string;

  @Matches(FHIR_ID, { message: FHIR_ID_RULE })
  patientId!: string;

  @IsOptional()
  @Matches(FHIR_ID, { message: FHIR_ID_RULE })
  encounterId?: string;
}

export class PatientViewRequest extends CdsServiceRequest {
  @IsIn(['patient-view'])
  hook!: 'patient-view';

  @IsObject({ message: 'an object' })
  @ValidateNested()
  @Type(() => PatientViewContext)
  context!: PatientViewContext;
}

export class OrderSelectContext extends PatientViewContext {
  /** The newly selected orders (`ServiceRequest/123`), among draftOrders. */
  @IsArray({ message: 'a list' })
  @ArrayNotEmpty({ message: 'a list of at least one item' })
  @ArrayMaxSize(100)
  @IsString({ each: true, message: 'a list of strings' })
  @MaxLength(200, { each: true })
  selections!: string[];

  /** A FHIR Bundle of the unsigned orders; read by the imaging check. */
  @IsObject({ message: 'a JSON object' })
  draftOrders!: Record<string, unknown>;
}

export class OrderSelectRequest extends CdsServiceRequest {
  @IsIn(['order-select'])
  hook!: 'order-select';

  @IsObject({ message: 'an object' })
  @ValidateNested()
  @Type(() => OrderSelectContext)
  context!: OrderSelectContext;
}
