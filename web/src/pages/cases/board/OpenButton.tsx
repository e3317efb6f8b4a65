import { Button } from '@mantine/core';

/**
 * The button that opens a form, styled as the case page's other "Add" and "Edit" buttons; the form's owner keeps
 * whether it is open, so it can close again once the record is saved.
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
      // Long labels wrap on a phone instead of pushing the page wider.
      styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
      onClick={onClick}
    >
      {label}
    </Button>
  );
}
