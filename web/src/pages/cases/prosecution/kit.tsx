import type { FormEvent } from 'react';
import { usePartWrite } from '../kit/data';
import { type Prosecution, prosecutionKey } from './data';

/** A write that answers the case's whole prosecution: the view is replaced with the answer. */
export const useWrite = <V,>(caseId: string, send: (v: V) => Promise<Prosecution>, done?: () => void) =>
  usePartWrite(prosecutionKey(caseId), send, done);

/** A form's submit: the page stays, the write goes. */
export const submit = (send: () => void) => (e: FormEvent) => {
  e.preventDefault();
  send();
};

export const path = (caseId: string, sub: string) => ({ params: { path: { id: caseId, sub } } });
