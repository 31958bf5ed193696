import { ArgsType, Field } from '@nestjs/graphql';
import { IDENTIFIER_SYSTEM_RULE, IDENTIFIER_VALUE_RULE, IsIdentifierSystem, IsIdentifierValue } from '../../common/validation-rules.js';

@ArgsType()
export class PatientByIdentifierArgs {
  @Field({ description: `Identifier namespace: ${IDENTIFIER_SYSTEM_RULE}` })
  @IsIdentifierSystem()
  system!: string;

  @Field({ description: `Identifier within the namespace: ${IDENTIFIER_VALUE_RULE}` })
  @IsIdentifierValue()
  value!: string;
}
