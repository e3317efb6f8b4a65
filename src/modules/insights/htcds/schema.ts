import { z } from 'zod';

const divisionCode = z.string().regex(/^[A-Za-z0-9._-]{1,32}$/);

export const exportQuery = z.strictObject({
  division: divisionCode.optional().meta({ description: 'Only cases in this division (and below)' }),
  year: z.coerce.number().int().min(1900).max(2100).optional().meta({ description: 'Year the case was registered' }),
  lang: z.string().max(10).optional(),
});
export type ExportQuery = z.infer<typeof exportQuery>;

export const importQuery = z.strictObject({
  division: divisionCode
    .optional()
    .meta({ description: 'Where cases without a recruitment division are registered (default: your jurisdiction)' }),
  lang: z.string().max(10).optional(),
});

export const jobParams = z.strictObject({ id: z.uuid() });
export const jobQuery = z.strictObject({ lang: z.string().max(10).optional() });
export const commitBody = z.strictObject({
  validOnly: z.boolean().default(false).meta({ description: 'Import only the rows without errors' }),
});

const problem = z.object({
  row: z.number().meta({ description: 'Row number in the file (the header is row 1)' }),
  column: z.string(),
  code: z.string(),
  message: z.string(),
});

export const importJob = z
  .object({
    id: z.string(),
    status: z.enum(['validated', 'running', 'done', 'failed', 'expired']),
    format: z.enum(['csv', 'xlsx']),
    division: z.object({ country: z.string(), code: z.string() }),
    total: z.number().meta({ description: 'Data rows in the file' }),
    valid: z.number().meta({ description: 'Rows without errors' }),
    processed: z.number(),
    imported: z.number(),
    linked: z.number().meta({ description: 'Imported rows linked to an existing person' }),
    validOnly: z.boolean(),
    errors: z.array(problem),
    warnings: z.array(problem),
    ignoredColumns: z.array(z.string()).meta({ description: 'Columns with values Minka does not keep' }),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'HtcdsImportJob' });
export type ImportJobView = z.infer<typeof importJob>;
