import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { changePasswordRequest } from '../../../shared/api/users';
import { apiRequest } from '../../app/api-client';

export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>;

/** 204 on success; the user's other sessions end, this one goes on. */
export function changePassword(body: ChangePasswordRequest): Promise<void> {
  return apiRequest({ path: '/api/auth/password', method: 'POST', body });
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
