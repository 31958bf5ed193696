import { Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { LocalDateScalar } from '../../common/graphql/scalars.js';
import {
  NSAID_RISK_FACTORS,
  NUMERIC_FACT_RANGES,
  RED_FLAGS,
  TREATMENTS,
  type NsaidRiskFactor,
  type RedFlag,
  type Treatment,
} from '../../contract/vocabulary.js';
import { NsaidRiskFactorEnum, RedFlagEnum, TreatmentEnum } from '../../guideline/guideline.enums.js';
import type { PathwayCommand } from '../domain/pathway-commands.js';
import { ClinicalRecordingInput, DATE_ONLY, DATE_ONLY_RULE, FactsRecordingInput, pickFacts, recordingCommand } from './pathway-write.input.js';

/** The recording inputs: one per kind of finding or act, fields named as in the clinical contract. */

const EXAM_FINDINGS = [
  'painLocations',
  'activityRelatedPain',
  'painAtRest',
  'morningStiffnessMinutes',
  'internalRotationDegrees',
  'flexionDegrees',
  'painOnInternalRotation',
  'limping',
  'difficultyWithFootwear',
] as const;

@InputType({ description: 'Findings of a clinical exam; a finding left out keeps its earlier value (painLocations replaces the earlier list).' })
export class RecordClinicalExamInput extends FactsRecordingInput(EXAM_FINDINGS) {
  toCommand(): PathwayCommand {
    return recordingCommand('CLINICAL_EXAM_RECORDED', this.clinicalDate, pickFacts(this, EXAM_FINDINGS));
  }
}

@InputType({ description: 'Red flags were screened; the list of those present replaces the earlier one ([] for none).' })
export class RecordRedFlagScreeningInput extends ClinicalRecordingInput {
  @Field(() => [RedFlagEnum])
  @IsIn(RED_FLAGS, { each: true })
  @ArrayUnique()
  @ArrayMaxSize(RED_FLAGS.length)
  redFlags!: RedFlag[];

  toCommand(): PathwayCommand {
    return recordingCommand('RED_FLAGS_SCREENED', this.clinicalDate, { redFlags: this.redFlags });
  }
}

const RISK_FACTS = ['riskFactors', 'bmi'] as const;

@InputType({ description: 'Risk factors present (the list replaces the earlier one) and BMI.' })
export class RecordRiskFactorsInput extends FactsRecordingInput(RISK_FACTS) {
  toCommand(): PathwayCommand {
    return recordingCommand('RISK_FACTORS_RECORDED', this.clinicalDate, pickFacts(this, RISK_FACTS));
  }
}

@InputType({ description: 'An RX of hip and pelvis was ordered (an order alone does not make xrayPerformed true).' })
export class RecordXrayOrderedInput extends ClinicalRecordingInput {
  toCommand(): PathwayCommand {
    return recordingCommand('XRAY_ORDERED', this.clinicalDate, {});
  }
}

@InputType({ description: 'The result of an RX of hip and pelvis; clinicalDate is the date of the X-ray.' })
export class RecordXrayResultInput extends FactsRecordingInput(['kellgrenLawrenceGrade'] as const) {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  findings?: string;

  toCommand(): PathwayCommand {
    return recordingCommand('XRAY_RESULT_RECORDED', this.clinicalDate, {
      kellgrenLawrenceGrade: this.kellgrenLawrenceGrade,
      findings: this.findings,
    });
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
  @ArrayUnique()
  @ArrayMaxSize(NSAID_RISK_FACTORS.length)
  nsaidRiskFactors!: NsaidRiskFactor[];

  toCommand(): PathwayCommand {
    return recordingCommand('NSAID_RISK_FACTORS_RECORDED', this.clinicalDate, { nsaidRiskFactors: this.nsaidRiskFactors });
  }
}

const PROM_FACTS = ['painScore', 'oxfordHipScore'] as const;

@InputType({ description: 'Patient-reported outcomes: numeric pain rating and Oxford Hip Score (before surgery).' })
export class RecordPatientReportedOutcomesInput extends FactsRecordingInput(PROM_FACTS) {
  toCommand(): PathwayCommand {
    return recordingCommand('PATIENT_REPORTED_OUTCOMES_RECORDED', this.clinicalDate, pickFacts(this, PROM_FACTS));
  }
}

const INDICATION_FACTS = ['qualityOfLifeSubstantiallyAffected', 'nonSurgicalTreatmentUnsuitable'] as const;

@InputType({ description: "The clinician's judgement of quality-of-life impact and of the suitability of non-surgical care." })
export class RecordSurgicalIndicationInput extends FactsRecordingInput(INDICATION_FACTS) {
  toCommand(): PathwayCommand {
    return recordingCommand('SURGICAL_INDICATION_RECORDED', this.clinicalDate, pickFacts(this, INDICATION_FACTS));
  }
}

const SURGICAL_RISK_FACTS = ['smoker', 'diabetesUncontrolled'] as const;

@InputType({ description: 'Smoking (nicotine) and diabetes control, to optimise before surgery.' })
export class RecordSurgicalRiskFactorsInput extends FactsRecordingInput(SURGICAL_RISK_FACTS) {
  toCommand(): PathwayCommand {
    return recordingCommand('SURGICAL_RISK_FACTORS_RECORDED', this.clinicalDate, pickFacts(this, SURGICAL_RISK_FACTS));
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
  @Matches(DATE_ONLY, { message: DATE_ONLY_RULE })
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
