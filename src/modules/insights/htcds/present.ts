import { t } from '../../../platform/i18n/index';
import { importJobCodec } from './codecs';
import type { Job, Warning } from './import';
import type { ImportJobView } from './schema';

/** The job as the API shows it: problems with a message in the reader's language, never a cell's value. */
export function presentJob(row: Job, lang: string): ImportJobView {
  const job = importJobCodec.decode(row);
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
    total: job.total,
    valid: job.valid,
    processed: job.processed,
    imported: job.imported,
    linked: job.linked,
    validOnly: job.valid_only === true,
    errors: job.problems.map(msg),
    warnings: job.warnings.map(msg),
    ignoredColumns: job.ignored_columns,
    createdAt: job.created_at,
    finishedAt: job.finished_at,
  };
}
