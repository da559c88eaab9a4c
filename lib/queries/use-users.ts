'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUserInput, UpdateUserInput, UserView } from '@/lib/schemas/users';
import { apiFetch } from './api-client';
import { queryKeys } from './query-keys';

export function useUsers() {
  return useQuery({ queryKey: queryKeys.users.all, queryFn: () => apiFetch<{ items: UserView[] }>('/api/v1/users') });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => apiFetch<UserView>('/api/v1/users', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.users.all }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateUserInput & { id: string }) =>
      apiFetch<UserView>(`/api/v1/users/${id}`, { method: 'PATCH', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.users.all }),
  });
}

// Asks to link SSO to the signed-in account; the caller then starts the OIDC sign-in.
export function useRequestSsoLink() {
  return useMutation({ mutationFn: () => apiFetch<{ requested: true }>('/api/v1/me/sso-link', { method: 'POST' }) });
}
