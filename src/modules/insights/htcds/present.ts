import { t } from '../../../platform/i18n/index';
import type { Job, Warning } from './import';
import type { ImportJobView } from './schema';
import type { Problem } from './validate';

/** The job as the API shows it: problems with a message in the reader's language, never a cell's value. */
export function presentJob(job: Job, lang: string): ImportJobView {
  const msg = (p: Warning) => ({
    row: p.row,
    column: p.column,
    code: p.code,
    message: t(lang, `errors.htcds_${p.code}`, { column: p.column, cases: p.cases ?? '' }),
  });
  return {
    id: job.id,
    status: job.status as ImportJobView['status'],
    format: job.format as ImportJobView['format'],
    division: { country: job.country_code, code: job.division_code },
    total: Number(job.total),
    valid: Number(job.valid),
    processed: Number(job.processed),
    imported: Number(job.imported),
    linked: Number(job.linked),
    validOnly: Number(job.valid_only) === 1,
    errors: (JSON.parse(job.problems) as Problem[]).map(msg),
    warnings: (JSON.parse(job.warnings) as Warning[]).map(msg),
    ignoredColumns: JSON.parse(job.ignored_columns) as string[],
    createdAt: job.created_at,
    finishedAt: job.finished_at,
  };
}
