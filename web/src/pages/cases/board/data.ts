import { useQuery } from '@tanstack/react-query';
import { type ApiBody, type ApiResponse, client, ok } from '../../../api';
import { caseKeys } from '../../../api/keys';
import { partKey, useCatalogue, usePartWrite } from '../kit/data';

export type BoardView = ApiResponse<'/api/cases/{id}/board'>;
export type Notice = BoardView['notifications'][number];
export type Measure = BoardView['measures'][number];
export type MeasureBody = ApiBody<'/api/cases/{id}/board/measures'>;

export const boardKey = (caseId: string) => partKey(caseId, 'board');

export function useBoard(caseId: string) {
  return useQuery({
    queryKey: boardKey(caseId),
    queryFn: () => ok(client.GET('/api/cases/{id}/board', { params: { path: { id: caseId } } })),
  });
}

/**
 * A write that answers the whole board: the answer replaces the cached board, and the case (its tasks: the 24-hour
 * notification, reviews and ratifications) is read again.
 */
export function useBoardWrite<V>(caseId: string, write: (v: V) => Promise<BoardView>, onDone?: () => void) {
  return usePartWrite(boardKey(caseId), write, onDone, [{ queryKey: caseKeys.detail(caseId), exact: true }]);
}

/** The measure types of the legal catalogue in the reader's language, each with its legal source. */
export const useMeasureTypes = () => useCatalogue('measure_type');
