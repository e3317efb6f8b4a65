import { Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A part of the request page, with its heading, findable by `data-part`. */
export function Part({ title, children, part }: { title: string; children: ReactNode; part: string }) {
  return (
    <Paper withBorder p="md" data-part={part}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
