import { Button } from '@mantine/core';
import { type ReactNode, useState } from 'react';

/**
 * The button that opens a form, styled as the case page's other "Add" and "Edit" buttons (outline, compact; a long
 * label wraps on a phone instead of pushing the page wider).
 */
export function OpenButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button
      w="fit-content"
      maw="100%"
      h="auto"
      py={4}
      size="compact-sm"
      variant="outline"
      color="teal.9"
      styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
      onClick={onClick}
    >
      {label}
    </Button>
  );
}

/** Whether a form behind its button is open; `hide` closes it again once its write is saved. */
export function useOpen() {
  const [open, setOpen] = useState(false);
  return { open, show: () => setOpen(true), hide: () => setOpen(false) };
}

/**
 * A form behind a button, open while `o.open`. Closed, the form is not rendered, so it opens again empty.
 */
export function Opener({ label, o, children }: { label: string; o: ReturnType<typeof useOpen>; children: ReactNode }) {
  if (o.open) return <>{children}</>;
  return <OpenButton label={label} onClick={o.show} />;
}

/**
 * A form behind a button that keeps its own open state: the section shows what is recorded, and the form opens when
 * someone wants to add or change it. Given a function, the form receives `done`, which closes it once saved.
 */
export function Behind({
  label,
  children,
}: {
  label: string;
  children: ReactNode | ((done: () => void) => ReactNode);
}) {
  const o = useOpen();
  return (
    <Opener o={o} label={label}>
      {typeof children === 'function' ? children(o.hide) : children}
    </Opener>
  );
}
