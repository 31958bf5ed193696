import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsIn } from 'class-validator';
import {
  NSAID_RISK_FACTORS,
  PAIN_LOCATIONS,
  PATHWAY_STAGES,
  RED_FLAGS,
  RISK_FACTORS,
  TREATMENTS,
  type NsaidRiskFactor,
  type PainLocation,
  type PathwayStage,
  type RedFlag,
  type RiskFactor,
  type Treatment,
} from '../../contract/vocabulary.js';
import { NsaidRiskFactorEnum, PainLocationEnum, PathwayStageEnum, RedFlagEnum, RiskFactorEnum, TreatmentEnum } from '../guideline.enums.js';
import { InRange, OptionalBoolean, OptionalList } from './fact-field.decorators.js';

/**
 * The facts of one hip at one moment (docs/clinical/guideline.md, "Facts"). The same shape is
 * the stateless query's input and a stored pathway's derived facts. Every fact but the stage is
 * optional: absent means unknown.
 */
@InputType('HipFactsInput')
@ObjectType('HipFacts')
export class HipFactsModel {
  @Field(() => PathwayStageEnum)
  @IsIn(PATHWAY_STAGES)
  stage!: PathwayStage;

  @InRange('ageYears') ageYears?: number;
  @InRange('bmi') bmi?: number;
  @OptionalList(PainLocationEnum, PAIN_LOCATIONS, 'Where the pain is.') painLocations?: PainLocation[];
  @OptionalBoolean('Pain brought on by use of the hip.') activityRelatedPain?: boolean;
  @OptionalBoolean('Pain at rest or at night.') painAtRest?: boolean;
  @InRange('morningStiffnessMinutes') morningStiffnessMinutes?: number;
  @InRange('internalRotationDegrees') internalRotationDegrees?: number;
  @InRange('flexionDegrees') flexionDegrees?: number;
  @OptionalBoolean('Internal rotation provokes the pain.') painOnInternalRotation?: boolean;
  @OptionalBoolean('Antalgic gait.') limping?: boolean;
  @OptionalBoolean('Trouble dressing, socks or shoes.') difficultyWithFootwear?: boolean;
  @InRange('painScore') painScore?: number;
  @InRange('oxfordHipScore') oxfordHipScore?: number;
  @OptionalBoolean('The clinician screened for red flags.') redFlagsScreened?: boolean;
  @OptionalList(RedFlagEnum, RED_FLAGS, 'Red flags present.') redFlags?: RedFlag[];
  @OptionalList(RiskFactorEnum, RISK_FACTORS, 'Risk factors present.') riskFactors?: RiskFactor[];
  @OptionalBoolean('RX of hip and pelvis done (a dated result recorded).') xrayPerformed?: boolean;
  @InRange('kellgrenLawrenceGrade') kellgrenLawrenceGrade?: number;
  @OptionalList(TreatmentEnum, TREATMENTS, 'Treatments that count now.') treatments?: Treatment[];
  @InRange('conservativeTreatmentWeeks') conservativeTreatmentWeeks?: number;
  @OptionalList(NsaidRiskFactorEnum, NSAID_RISK_FACTORS, 'NSAID risk factors present.') nsaidRiskFactors?: NsaidRiskFactor[];
  @OptionalBoolean('Pain, stiffness or reduced function substantially affect quality of life.') qualityOfLifeSubstantiallyAffected?: boolean;
  @OptionalBoolean('Non-surgical treatment is not suitable for this patient.') nonSurgicalTreatmentUnsuitable?: boolean;
  @OptionalBoolean('Currently smokes or uses nicotine.') smoker?: boolean;
  @OptionalBoolean('Diabetes with poor glycaemic control.') diabetesUncontrolled?: boolean;
  @OptionalBoolean('Surgery options, benefits and risks discussed and documented.') sharedDecisionDocumented?: boolean;
  @InRange('weeksSinceSurgery') weeksSinceSurgery?: number;
  @InRange('postoperativeOxfordHipScore') postoperativeOxfordHipScore?: number;
}
