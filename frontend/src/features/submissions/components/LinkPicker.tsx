import { ProblemAlert } from '@/components/ProblemAlert';
import { CheckboxGroup, FieldError, TextField } from '@/components/ui';
import type { LinkChoice } from '../api/submissions';

/** A search's state as the picker shows it (a TanStack query result fits). */
export interface SearchState {
  isSuccess: boolean;
  isError: boolean;
  error: unknown;
  data?: { items: LinkChoice[]; total: number } | undefined;
}

/**
 * Links several measures or needs: a search field, the number found (announced politely), and
 * checkboxes with the linked ones first, then the matches. Unticking removes a link.
 */
export function LinkPicker({
  id,
  legend,
  searchLabel,
  searchHint,
  found,
  empty,
  q,
  onQ,
  search,
  value,
  error,
  onChange,
}: {
  /** Id of the first checkbox (or of the empty note), which the error summary links to. */
  id: string;
  legend: string;
  searchLabel: string;
  searchHint: string;
  found: (count: number) => string;
  empty: string;
  q: string;
  onQ: (q: string) => void;
  search: SearchState;
  value: LinkChoice[];
  error?: string | undefined;
  onChange: (value: LinkChoice[]) => void;
}) {
  const matches = search.data?.items ?? [];
  const options = [...value, ...matches.filter((m) => !value.some((v) => v.id === m.id))];
  return (
    <div className="app-link-picker">
      <TextField
        id={`${id}-search`}
        type="search"
        label={searchLabel}
        hint={searchHint}
        optional
        autoComplete="off"
        value={q}
        onChange={(e) => onQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.preventDefault(); // Enter searches; it does not save the form
        }}
      />
      <p className="kern-body kern-body--small" aria-live="polite">
        {search.isSuccess && search.data ? found(search.data.total) : ''}
      </p>
      {search.isError && <ProblemAlert error={search.error} />}
      {options.length > 0 ? (
        <CheckboxGroup
          id={id}
          legend={legend}
          options={options.map((o) => ({ value: o.id, label: o.label }))}
          value={value.map((v) => v.id)}
          error={error}
          onChange={(ids) => onChange(options.filter((o) => ids.includes(o.id)))}
        />
      ) : (
        <>
          <p className="kern-body" id={id} tabIndex={-1}>
            <strong>{legend}:</strong> {empty}
          </p>
          {error && <FieldError id={`${id}-error`} message={error} />}
        </>
      )}
    </div>
  );
}
