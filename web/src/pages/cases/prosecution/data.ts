import type { ApiBody, ApiResponse } from '../../../api';
import { partKey } from '../kit/data';

export type Prosecution = ApiResponse<'/api/cases/{id}/prosecution'>;
export type Complaint = Prosecution['complaints'][number];
export type ComplaintBody = ApiBody<'/api/cases/{id}/complaints'>;
export type OutcomeBody = ApiBody<'/api/cases/{id}/complaints/{sub}/outcome'>;

export const prosecutionKey = (caseId: string) => partKey(caseId, 'prosecution');
