import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';

@ArgsType()
export class PatientByIdentifierArgs {
  @Field()
  @IsString()
  @Length(1, 200)
  system!: string;

  @Field()
  @IsString()
  @Length(1, 100)
  value!: string;
}
