import { useEffect } from 'react';
import { loadVault, touch } from './vault';

/** Reads the field copy's state (no passphrase needed) and keeps an open copy open while the person is active. */
export function useFieldCopyActivity(): void {
  useEffect(() => {
    void loadVault();
    const active = () => touch();
    window.addEventListener('pointerdown', active);
    window.addEventListener('keydown', active);
    return () => {
      window.removeEventListener('pointerdown', active);
      window.removeEventListener('keydown', active);
    };
  }, []);
}
