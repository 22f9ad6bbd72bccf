import { Button } from '@/components/ui';

/** The submit button of a list's filter form, and "reset" while a filter is active. */
export function FilterActions({
  applyLabel,
  resetLabel,
  filtered,
  onReset,
}: {
  applyLabel: string;
  resetLabel: string;
  filtered: boolean;
  onReset: () => void;
}) {
  return (
    <div className="app-filter__actions kern-flex kern-flex-wrap kern-gap-md">
      <Button type="submit" icon="search">
        {applyLabel}
      </Button>
      {filtered && (
        <Button variant="secondary" onClick={onReset}>
          {resetLabel}
        </Button>
      )}
    </div>
  );
}
