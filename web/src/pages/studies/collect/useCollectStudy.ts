import { useQuery } from '@tanstack/react-query';
import type { ApiResponse } from '../../../api';
import i18n from '../../../i18n/index';
import { type CollectStudy, keptStudy } from '../../../offline/studies';

export interface LoadedStudy {
  study: CollectStudy & { abilities?: { collect?: boolean } };
  /** Read from the device because the server could not be reached. */
  fromDevice: boolean;
}

export class StudyLoadError extends Error {
  constructor(readonly why: 'not_found' | 'not_on_device' | 'signed_out' | 'failed') {
    super(why);
  }
}

/**
 * The study to collect for: from the server when it answers, else the copy the device kept when it was opened with
 * a field copy set up.
 */
export function useCollectStudy(id: string) {
  return useQuery({
    queryKey: ['studies', 'collect', id],
    retry: false,
    staleTime: 60_000,
    queryFn: async (): Promise<LoadedStudy> => {
      let res: Response | null = null;
      try {
        res = await fetch(`/api/studies/${encodeURIComponent(id)}`, {
          credentials: 'same-origin',
          headers: { 'accept-language': i18n.language },
        });
      } catch {
        res = null;
      }
      if (res?.ok) {
        // Kept on the device by the page once there is a field copy (the definition holds no personal data).
        // Typed as the API describes it: the device's shape must stay assignable from it.
        const study: LoadedStudy['study'] = (await res.json()) as ApiResponse<'/api/studies/{id}'>;
        return { study, fromDevice: false };
      }
      if (res && res.status === 404) throw new StudyLoadError('not_found');
      // No connection, a server in trouble, or signed out in the field: the device's copy, if it has one.
      const kept = await keptStudy(id).catch(() => undefined);
      if (kept) return { study: kept, fromDevice: true };
      if (res?.status === 401) throw new StudyLoadError('signed_out');
      throw new StudyLoadError(res ? 'failed' : 'not_on_device');
    },
  });
}
