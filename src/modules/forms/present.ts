import type { z } from 'zod';
import type * as repo from './repo';
import type { formSummarySchema } from './schema';

type Detailed = {
  form: repo.FormRow;
  versions: Pick<repo.VersionRow, 'number' | 'xlsform_version' | 'created_at'>[];
  attachments: repo.AttachmentRow[];
};

/** A form as the administration page lists it: titles, versions, and where it is attached (by name). */
export function presentForm(d: Detailed, labels: Map<string, string>): z.infer<typeof formSummarySchema> {
  return {
    id: d.form.id,
    formKey: d.form.form_key,
    usage: d.form.usage === 'study' ? 'study' : 'case',
    title: JSON.parse(d.form.title) as Record<string, string>,
    createdAt: d.form.created_at,
    updatedAt: d.form.updated_at,
    versions: d.versions.map((v) => ({ number: v.number, xlsformVersion: v.xlsform_version, createdAt: v.created_at })),
    attachments: d.attachments.map((a) => ({
      id: a.id,
      division: {
        country: a.country_code,
        code: a.division_code,
        label: labels.get(`${a.country_code}:${a.division_code}`) ?? a.division_code,
      },
      createdAt: a.created_at,
    })),
  };
}
