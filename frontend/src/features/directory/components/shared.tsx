import { useSession } from '@/lib/session/SessionProvider';

/** Write buttons appear for admin and coordinator; the API has the final word. */
export function useCanWrite(): boolean {
  const { hasRole } = useSession();
  return hasRole('admin') || hasRole('coordinator');
}
