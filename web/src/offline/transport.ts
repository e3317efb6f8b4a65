import i18n from '../i18n/index';
import type { CaseTransport } from '../pages/cases/transport';
import type { CaseWrite } from '../pages/cases/writes';
import { localCaseView } from './draft-view';
import { type CaseDetail, caseOnDevice, enqueue, isTemp, type Op } from './store';

// The case parts' changes on the field device: each is queued (sealed) to be sent at the next sync, and the case
// is shown as the device holds it, with waiting edits laid over the server's copy.

type Queued = Omit<Op, 'id' | 'at' | 'caseRef'>;

function toOp(w: CaseWrite): Queued {
  switch (w.to) {
    case 'comments':
      return { what: 'comment', method: 'POST', path: '/comments', body: w.body };
    case 'decision':
      return { what: 'decision', method: 'POST', path: '/decision', body: w.body };
    case 'consents':
      return { what: 'consent', method: 'POST', path: '/consents', body: w.body };
    case 'withdrawConsent':
      return { what: 'consent', method: 'POST', path: `/consents/${w.sub}/withdraw` };
    case 'followUp':
      return { what: 'followup', method: 'POST', path: '/tasks', body: w.body };
    case 'taskDone':
      return {
        what: 'outcome',
        method: 'POST',
        path: `/tasks/${w.sub}/done`,
        body: w.outcome ? { outcome: w.outcome } : {},
      };
  }
}

async function current(id: string): Promise<CaseDetail> {
  const c = isTemp(id) ? await localCaseView(id) : await caseOnDevice(id);
  if (!c) throw new Error(i18n.t('field.notOnDevice'));
  return c;
}

export const offlineTransport: CaseTransport = {
  offline: true,
  write: async (id, w) => {
    await enqueue({ caseRef: id, ...toOp(w) });
    return current(id);
  },
  patch: async (id, path, w) => {
    await enqueue({
      caseRef: id,
      what: 'edit',
      method: 'PATCH',
      path,
      version: w.version,
      body: { fields: w.fields, ...(w.reason ? { reason: w.reason } : {}) },
    });
    return current(id);
  },
  add: async (id, collection, fields) => {
    await enqueue({ caseRef: id, what: 'event', method: 'POST', path: `/${collection}`, body: fields });
    return current(id);
  },
  remove: async () => {
    throw new Error(i18n.t('field.notOffline'));
  },
  screen: async (id, body) => {
    await enqueue({ caseRef: id, what: 'screening', method: 'POST', path: '/screening', body });
    return null;
  },
};
