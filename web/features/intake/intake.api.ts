import { useMutation, useQueryClient } from '@tanstack/react-query';
import { intakeResponse, MAX_INTAKE_BYTES, type IntakeRequest } from '../../../shared/api/intake';
import { apiRequest } from '../../app/api-client';

export { MAX_INTAKE_BYTES };

export function useIntake() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IntakeRequest) =>
      apiRequest({ path: '/api/intake/imdi', method: 'POST', body, schema: intakeResponse }),
    onSuccess: (report) => {
      // New households and persons: every list that may show them is stale.
      if (report.mode === 'commit') return queryClient.invalidateQueries();
    },
  });
}
