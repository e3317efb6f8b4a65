import { z } from 'zod';
import { errorSchema } from '../../platform/http/schemas';
import { formDefSchema } from '../forms/schema';

// The studies API's shapes: route validation, OpenAPI and the web pages (study management, collection) use them.

/** Texts per language of the form ('es', 'qu', 'en'; 'default' when unmarked). Never personal data. */
export const texts = z.record(z.string().regex(/^[a-zA-Z-]{2,10}$/), z.string().max(20_000)).meta({ id: 'StudyTexts' });
const place = z.string().regex(/^[0-9A-Za-z]{1,32}$/);

export const studyStatus = z.enum(['draft', 'open', 'closed']);
export const respondentKinds = z.enum(['anonymous', 'pseudonymous']);

export const createStudyBody = z
  .strictObject({
    title: texts,
    purpose: texts,
    consent: texts,
    places: z.array(place).min(1).max(500),
    respondents: respondentKinds,
  })
  .meta({ id: 'StudyCreate' });

export const updateStudyBody = z
  .strictObject({
    title: texts.optional(),
    purpose: texts.optional(),
    consent: texts.optional(),
    places: z.array(place).min(1).max(500).optional(),
    status: studyStatus.optional(),
  })
  .meta({ id: 'StudyUpdate' });

/** A respondent's study code: letters, digits and dashes with at least one digit, never a name. */
export const respondentCode = z
  .string()
  .regex(/^(?=.*[0-9])[A-Za-z0-9-]{3,40}$/)
  .meta({ description: 'A study code such as CUE-0042 (never a name)' });

export const submitBody = z
  .strictObject({
    formVersion: z.number().int().min(1),
    division: place,
    respondentCode: respondentCode.optional(),
    consent: z.literal(true),
    collectedAt: z.iso.datetime({ offset: true }),
    /** The device's own id for this interview, so a resend never stores it twice. */
    instanceId: z
      .string()
      .regex(/^[A-Za-z0-9:_-]{8,100}$/)
      .optional(),
    answers: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'StudySubmission' });

export const cell = z
  .object({ value: z.number().nullable(), suppressed: z.boolean() })
  .meta({ id: 'StudyCell', description: 'A count; null and suppressed when it could reveal fewer than k people' });

const placeView = z.object({ code: z.string(), label: z.string() });
const abilities = z.object({ update: z.boolean(), collect: z.boolean(), analyse: z.boolean(), exportRaw: z.boolean() });

export const studySummary = z
  .object({
    id: z.string(),
    code: z.string(),
    title: texts,
    status: studyStatus,
    respondents: respondentKinds,
    owner: z.object({ id: z.string(), name: z.string() }),
    country: z.string(),
    places: z.array(placeView),
    formVersion: z.number().nullable(),
    abilities,
    /** Interviews stored (owner organisation's managers only; null for others). */
    submissions: z.number().nullable(),
  })
  .meta({ id: 'StudySummary' });

/** The FormDef of src/shared/xlsform/types.ts, as the forms module describes it. */
export const formDefinition = formDefSchema;

export const studyDetail = studySummary
  .extend({
    purpose: texts,
    consent: texts,
    form: z
      .object({ formId: z.string(), versionId: z.string(), number: z.number(), definition: formDefinition })
      .nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'StudyDetail' });

export const submitted = z
  .object({
    id: z.string(),
    code: z.string(),
    respondentCode: z.string(),
    formVersion: z.number(),
    submittedAt: z.string(),
    duplicate: z.boolean(),
  })
  .meta({ id: 'StudySubmitted' });

export const progress = z
  .object({
    k: z.number(),
    total: cell,
    byPlace: z.array(placeView.extend({ count: cell })),
    byInterviewer: z.array(z.object({ id: z.string().nullable(), name: z.string(), count: cell })),
  })
  .meta({ id: 'StudyProgress' });

export const analysisQuery = z.strictObject({
  question: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/)
    .optional(),
  lang: z.enum(['es', 'en', 'qu-EC']).optional(),
});

export const analysis = z
  .object({
    k: z.number(),
    question: z.object({ name: z.string(), label: z.string(), multiple: z.boolean() }).nullable(),
    questions: z.array(z.object({ name: z.string(), label: z.string(), multiple: z.boolean() })),
    choices: z.array(z.object({ name: z.string(), label: z.string() })),
    rows: z.array(z.object({ code: z.string(), label: z.string(), cells: z.array(cell), total: cell })),
    totals: z.object({ cells: z.array(cell), total: cell }),
  })
  .meta({ id: 'StudyAnalysis' });

export const exportQuery = analysisQuery.extend({ layout: z.enum(['labels', 'xlsform']).optional() });

export const importQuery = z.strictObject({ division: place.optional() });

export const imported = z
  .object({ imported: z.number(), skipped: z.number(), rows: z.number() })
  .meta({ id: 'StudyImportResult' });

export const formImported = z
  .object({ formId: z.string(), versionId: z.string(), number: z.number() })
  .meta({ id: 'StudyFormImported' });

export type CreateStudyBody = z.infer<typeof createStudyBody>;
export type UpdateStudyBody = z.infer<typeof updateStudyBody>;
export type SubmitBody = z.infer<typeof submitBody>;
export type Cell = z.infer<typeof cell>;

/** A refused interview or import: each problem at its question (`answers.<path>`) or row (`rows.<n>.<path>`). */
export const studyError = errorSchema
  .extend({
    issues: z
      .array(z.object({ path: z.string(), code: z.string(), message: texts.optional() }))
      .optional()
      .meta({ description: 'Answer problems as the XLSForm engine gives them' }),
    rows: z
      .array(
        z.object({
          row: z.number(),
          issues: z.array(z.object({ path: z.string(), problem: z.string(), message: z.string() })),
        }),
      )
      .optional()
      .meta({ description: 'An import: the spreadsheet rows refused and why' }),
  })
  .meta({ id: 'StudyError' });
