import { z } from 'zod';
import { type FormDef, type FormNode, questionTypes } from '../../shared/xlsform/types';

// The form model as the API carries it (the same shape as src/shared/xlsform/types.ts), and the forms routes'
// bodies and answers.

export const textsSchema = z.record(z.string(), z.string()).meta({ id: 'FormTexts' });
const nodeBase = {
  name: z.string(),
  label: textsSchema,
  hint: textsSchema,
  relevant: z.string().optional(),
  appearance: z.string().optional(),
  row: z.number(),
};
export const questionSchema = z
  .object({
    ...nodeBase,
    kind: z.literal('question'),
    type: z.enum(questionTypes),
    listName: z.string().optional(),
    orOther: z.boolean().optional(),
    required: z.string().optional(),
    requiredMessage: textsSchema.optional(),
    constraint: z.string().optional(),
    constraintMessage: textsSchema.optional(),
    calculation: z.string().optional(),
    choiceFilter: z.string().optional(),
    default: z.string().optional(),
    readOnly: z.boolean(),
    aggregate: z.boolean(),
    precision: z.number().optional(),
  })
  .meta({ id: 'FormQuestion' });
export const groupSchema = z
  .object({
    ...nodeBase,
    kind: z.literal('group'),
    get children(): z.ZodArray<z.ZodType<FormNode>> {
      return z.array(formNodeSchema);
    },
  })
  .meta({ id: 'FormGroup' });
export const repeatSchema = z
  .object({
    ...nodeBase,
    kind: z.literal('repeat'),
    repeatCount: z.string().optional(),
    get children(): z.ZodArray<z.ZodType<FormNode>> {
      return z.array(formNodeSchema);
    },
  })
  .meta({ id: 'FormRepeat' });
export const formNodeSchema: z.ZodType<FormNode> = z
  .union([questionSchema, groupSchema, repeatSchema])
  .meta({ id: 'FormNode' });
export const formDefSchema: z.ZodType<FormDef> = z
  .object({
    formatVersion: z.literal(1),
    formId: z.string(),
    title: textsSchema,
    version: z.string(),
    defaultLanguage: z.string(),
    languages: z.array(z.object({ code: z.string(), name: z.string() })),
    children: z.array(formNodeSchema),
    choices: z.record(
      z.string(),
      z.array(z.object({ name: z.string(), label: textsSchema, extra: z.record(z.string(), z.string()) })),
    ),
  })
  .meta({ id: 'FormDef', description: 'An imported XLSForm (see src/shared/xlsform/types.ts)' });

/** Answers by question name (a repeat holds a list of instances); validated with the form's own rules. */
export const answersSchema = z
  .record(z.string(), z.unknown())
  .meta({ id: 'FormAnswers', description: 'Answers by question name; a repeat is a list of instances' });

export const formVersionSchema = z
  .object({ number: z.number(), xlsformVersion: z.string(), createdAt: z.string() })
  .meta({ id: 'FormVersion' });
export const formAttachmentSchema = z
  .object({
    id: z.string(),
    division: z.object({ country: z.string(), code: z.string(), label: z.string() }),
    createdAt: z.string(),
  })
  .meta({ id: 'FormAttachment' });
export const formSummarySchema = z
  .object({
    id: z.string(),
    formKey: z.string(),
    usage: z.enum(['case', 'study']),
    title: textsSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
    versions: z.array(formVersionSchema),
    attachments: z.array(formAttachmentSchema),
  })
  .meta({ id: 'FormSummary' });
export const formListSchema = z.object({ forms: z.array(formSummarySchema) }).meta({ id: 'FormList' });
export const formImportedSchema = z
  .object({ id: z.string(), number: z.number(), form: formDefSchema })
  .meta({ id: 'FormImported' });
export const formVersionDetailSchema = formVersionSchema
  .extend({ form: formDefSchema })
  .meta({ id: 'FormVersionDetail' });

export const versionParam = z.strictObject({ id: z.uuid(), number: z.coerce.number().int().min(1).max(1_000_000) });
export const attachBody = z
  .strictObject({ division: z.strictObject({ country: z.string().length(2), code: z.string().min(1).max(32) }) })
  .meta({ id: 'FormAttach' });

export const caseFormSectionSchema = z
  .object({
    formId: z.string(),
    title: textsSchema,
    number: z.number().meta({ description: "The form's newest version, whose definition is `form`" }),
    form: formDefSchema,
    answers: z
      .object({
        values: answersSchema,
        formVersion: z.number().meta({ description: 'The form version the answers were given on' }),
        form: formDefSchema.nullable().meta({ description: "That version's definition when it is not the newest" }),
        version: z.number().meta({ description: 'The record version, to base the next change on' }),
        updatedAt: z.string(),
        updatedBy: z.string(),
      })
      .nullable(),
  })
  .meta({ id: 'CaseFormSection' });
export const caseFormsSchema = z
  .object({ sections: z.array(caseFormSectionSchema), canEdit: z.boolean() })
  .meta({ id: 'CaseForms' });
export const answersBody = z
  .strictObject({
    answers: answersSchema,
    version: z.number().int().min(0).max(1_000_000_000).meta({ description: 'The record version read (0 = none)' }),
    formVersion: z.number().int().min(1).optional().meta({ description: 'The form version shown (default newest)' }),
  })
  .meta({ id: 'CaseFormAnswers' });
