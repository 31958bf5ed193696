import { Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { LocalDateScalar } from '../../common/graphql/scalars.js';
import {
  NSAID_RISK_FACTORS,
  NUMERIC_FACT_RANGES,
  PAIN_LOCATIONS,
  RED_FLAGS,
  RISK_FACTORS,
  TREATMENTS,
  type NsaidRiskFactor,
  type PainLocation,
  type RedFlag,
  type RiskFactor,
  type Treatment,
} from '../../guideline/domain/hip-facts.js';
import { NsaidRiskFactorEnum, PainLocationEnum, RedFlagEnum, RiskFactorEnum, TreatmentEnum } from '../../guideline/guideline.enums.js';
import { InRange, OptionalBoolean, OptionalList } from '../../guideline/models/fact-field.decorators.js';
import type { PathwayCommand } from '../domain/pathway-commands.js';
import { ClinicalRecordingInput, DATE_ONLY, recordingCommand } from './pathway-write.input.js';

/** The recording inputs: one per kind of finding or act, fields named as in the clinical contract. */

@InputType({ description: 'Findings of a clinical exam; a finding left out keeps its earlier value.' })
export class RecordClinicalExamInput extends ClinicalRecordingInput {
  @OptionalList(PainLocationEnum, PAIN_LOCATIONS, 'Where the pain is (replaces the earlier list).') painLocations?: PainLocation[];
  @OptionalBoolean('Pain brought on by use of the hip.') activityRelatedPain?: boolean;
  @OptionalBoolean('Pain at rest or at night.') painAtRest?: boolean;
  @InRange('morningStiffnessMinutes') morningStiffnessMinutes?: number;
  @InRange('internalRotationDegrees') internalRotationDegrees?: number;
  @InRange('flexionDegrees') flexionDegrees?: number;
  @OptionalBoolean('Internal rotation provokes the pain.') painOnInternalRotation?: boolean;
  @OptionalBoolean('Antalgic gait.') limping?: boolean;
  @OptionalBoolean('Trouble dressing, socks or shoes.') difficultyWithFootwear?: boolean;

  toCommand(): PathwayCommand {
    const { clinicalDate, painLocations, activityRelatedPain, painAtRest, morningStiffnessMinutes, internalRotationDegrees, flexionDegrees, painOnInternalRotation, limping, difficultyWithFootwear } = this;
    return recordingCommand('CLINICAL_EXAM_RECORDED', clinicalDate, {
      painLocations, activityRelatedPain, painAtRest, morningStiffnessMinutes, internalRotationDegrees, flexionDegrees, painOnInternalRotation, limping, difficultyWithFootwear,
    });
  }
}

@InputType({ description: 'Red flags were screened; the list of those present replaces the earlier one ([] for none).' })
export class RecordRedFlagScreeningInput extends ClinicalRecordingInput {
  @Field(() => [RedFlagEnum])
  @IsIn(RED_FLAGS, { each: true })
  @ArrayMaxSize(RED_FLAGS.length)
  redFlags!: RedFlag[];

  toCommand(): PathwayCommand {
    return recordingCommand('RED_FLAGS_SCREENED', this.clinicalDate, { redFlags: this.redFlags });
  }
}

@InputType()
export class RecordRiskFactorsInput extends ClinicalRecordingInput {
  @OptionalList(RiskFactorEnum, RISK_FACTORS, 'Risk factors present (replaces the earlier list).') riskFactors?: RiskFactor[];
  @InRange('bmi') bmi?: number;

  toCommand(): PathwayCommand {
    return recordingCommand('RISK_FACTORS_RECORDED', this.clinicalDate, { riskFactors: this.riskFactors, bmi: this.bmi });
  }
}

@InputType({ description: 'An RX of hip and pelvis was ordered (an order alone does not make xrayPerformed true).' })
export class RecordXrayOrderedInput extends ClinicalRecordingInput {
  toCommand(): PathwayCommand {
    return recordingCommand('XRAY_ORDERED', this.clinicalDate, {});
  }
}

@InputType({ description: 'The result of an RX of hip and pelvis; clinicalDate is the date of the X-ray.' })
export class RecordXrayResultInput extends ClinicalRecordingInput {
  @InRange('kellgrenLawrenceGrade') kellgrenLawrenceGrade?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  findings?: string;

  toCommand(): PathwayCommand {
    return recordingCommand('XRAY_RESULT_RECORDED', this.clinicalDate, { kellgrenLawrenceGrade: this.kellgrenLawrenceGrade, findings: this.findings });
  }
}

@InputType({ isAbstract: true })
abstract class TreatmentInput extends ClinicalRecordingInput {
  @Field(() => TreatmentEnum)
  @IsIn(TREATMENTS)
  treatment!: Treatment;
}

@InputType({ description: 'A treatment was started (an injection: given) on clinicalDate.' })
export class StartTreatmentInput extends TreatmentInput {
  toCommand(): PathwayCommand {
    return recordingCommand('TREATMENT_STARTED', this.clinicalDate, { treatment: this.treatment });
  }
}

@InputType({ description: 'A treatment was stopped on clinicalDate.' })
export class StopTreatmentInput extends TreatmentInput {
  toCommand(): PathwayCommand {
    return recordingCommand('TREATMENT_STOPPED', this.clinicalDate, { treatment: this.treatment });
  }
}

@InputType({ description: 'NSAID risk factors present; replaces the earlier list ([] for none).' })
export class RecordNsaidRiskFactorsInput extends ClinicalRecordingInput {
  @Field(() => [NsaidRiskFactorEnum])
  @IsIn(NSAID_RISK_FACTORS, { each: true })
  @ArrayMaxSize(NSAID_RISK_FACTORS.length)
  nsaidRiskFactors!: NsaidRiskFactor[];

  toCommand(): PathwayCommand {
    return recordingCommand('NSAID_RISK_FACTORS_RECORDED', this.clinicalDate, { nsaidRiskFactors: this.nsaidRiskFactors });
  }
}

@InputType({ description: 'Patient-reported outcomes: numeric pain rating and Oxford Hip Score (before surgery).' })
export class RecordPatientReportedOutcomesInput extends ClinicalRecordingInput {
  @InRange('painScore') painScore?: number;
  @InRange('oxfordHipScore') oxfordHipScore?: number;

  toCommand(): PathwayCommand {
    return recordingCommand('PATIENT_REPORTED_OUTCOMES_RECORDED', this.clinicalDate, { painScore: this.painScore, oxfordHipScore: this.oxfordHipScore });
  }
}

@InputType({ description: "The clinician's judgement of quality-of-life impact and of the suitability of non-surgical care." })
export class RecordSurgicalIndicationInput extends ClinicalRecordingInput {
  @OptionalBoolean('Pain, stiffness or reduced function substantially affect quality of life.') qualityOfLifeSubstantiallyAffected?: boolean;
  @OptionalBoolean('Non-surgical treatment is not suitable for this patient.') nonSurgicalTreatmentUnsuitable?: boolean;

  toCommand(): PathwayCommand {
    return recordingCommand('SURGICAL_INDICATION_RECORDED', this.clinicalDate, {
      qualityOfLifeSubstantiallyAffected: this.qualityOfLifeSubstantiallyAffected,
      nonSurgicalTreatmentUnsuitable: this.nonSurgicalTreatmentUnsuitable,
    });
  }
}

@InputType({ description: 'Smoking (nicotine) and diabetes control, to optimise before surgery.' })
export class RecordSurgicalRiskFactorsInput extends ClinicalRecordingInput {
  @OptionalBoolean('Currently smokes or uses nicotine.') smoker?: boolean;
  @OptionalBoolean('Diabetes with poor glycaemic control.') diabetesUncontrolled?: boolean;

  toCommand(): PathwayCommand {
    return recordingCommand('SURGICAL_RISK_FACTORS_RECORDED', this.clinicalDate, { smoker: this.smoker, diabetesUncontrolled: this.diabetesUncontrolled });
  }
}

@InputType({ description: 'Surgery options, benefits and risks were discussed and documented.' })
export class DocumentSharedDecisionInput extends ClinicalRecordingInput {
  toCommand(): PathwayCommand {
    return recordingCommand('SHARED_DECISION_DOCUMENTED', this.clinicalDate, {});
  }
}

@InputType({ description: 'Analgesia was reviewed and none is needed.' })
export class RecordNoAnalgesiaNeededInput extends ClinicalRecordingInput {
  toCommand(): PathwayCommand {
    return recordingCommand('ANALGESIA_REVIEWED_NONE_NEEDED', this.clinicalDate, {});
  }
}

@InputType({ description: 'A follow-up was agreed for followUpDate.' })
export class PlanFollowUpInput extends ClinicalRecordingInput {
  @Field(() => LocalDateScalar)
  @Matches(DATE_ONLY)
  followUpDate!: string;

  toCommand(): PathwayCommand {
    return recordingCommand('FOLLOW_UP_PLANNED', this.clinicalDate, { followUpDate: this.followUpDate });
  }
}

@InputType({ description: 'The total hip prosthesis was placed; clinicalDate is the surgery date.' })
export class RecordSurgeryInput extends ClinicalRecordingInput {
  toCommand(): PathwayCommand {
    return recordingCommand('SURGERY_PERFORMED', this.clinicalDate, {});
  }
}

@InputType({ description: 'Oxford Hip Score after surgery.' })
export class RecordPostoperativeOutcomeInput extends ClinicalRecordingInput {
  @Field(() => Int)
  @IsInt()
  @Min(NUMERIC_FACT_RANGES.postoperativeOxfordHipScore.min)
  @Max(NUMERIC_FACT_RANGES.postoperativeOxfordHipScore.max)
  oxfordHipScore!: number;

  toCommand(): PathwayCommand {
    return recordingCommand('POSTOPERATIVE_OUTCOME_RECORDED', this.clinicalDate, { oxfordHipScore: this.oxfordHipScore });
  }
}
