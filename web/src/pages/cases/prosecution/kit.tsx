import { Alert, Button } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent, ReactNode } from 'react';
import { errorElsewhere, type Prosecution, prosecutionKey } from './data';

/** A write that answers the case's whole prosecution: the view is replaced with the answer. */
export function useWrite<V>(caseId: string, send: (v: V) => Promise<Prosecution>, done?: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (p) => {
      qc.setQueryData(prosecutionKey(caseId), p);
      done?.();
    },
  });
}

export function Failure({ error, fields }: { error: unknown; fields: readonly string[] }) {
  const message = errorElsewhere(error, fields);
  return message ? (
    <Alert color="red" role="alert">
      {message}
    </Alert>
  ) : null;
}

export function Submit({ pending, disabled, children }: { pending: boolean; disabled?: boolean; children: ReactNode }) {
  return (
    <Button type="submit" w="fit-content" loading={pending} disabled={disabled}>
      {children}
    </Button>
  );
}

/** A form's submit: the page stays, the write goes. */
export const submit = (send: () => void) => (e: FormEvent) => {
  e.preventDefault();
  send();
};

export const path = (caseId: string, sub: string) => ({ params: { path: { id: caseId, sub } } });
