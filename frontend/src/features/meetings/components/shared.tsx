import { type KeyboardEvent, type ReactNode, useId, useRef } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui';
import { formatDate, formatTime } from '@/lib/format';
import { useSession } from '@/lib/session/SessionProvider';
import type { MeetingListItem, MeetingStatus } from '../api/meetings';

/** Coordinators and spokespersons plan meetings; the API decides per body in the end. */
export function useCanPlan(): boolean {
  const { hasRole } = useSession();
  return hasRole('admin') || hasRole('coordinator') || hasRole('spokesperson');
}

/** Offers and needs are recorded by the same roles (the API checks the body for spokespersons). */
export function useCanRecordOffersAndNeeds(): boolean {
  const { hasRole } = useSession();
  return hasRole('admin') || hasRole('coordinator') || hasRole('spokesperson');
}

const STATUS_VARIANT: Record<MeetingStatus, 'info' | 'success' | 'warning' | 'danger'> = {
  planned: 'info',
  invited: 'info',
  held: 'success',
  minutes_approved: 'success',
  cancelled: 'danger',
};

export function StatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant={STATUS_VARIANT[status]} small>
      {t(`meetings.status.${status}`)}
    </Badge>
  );
}

/** "11.02.2026, 15:00–17:00 Uhr" */
export function meetingWhen(meeting: Pick<MeetingListItem, 'starts_at' | 'ends_at'>, t: TFunction) {
  return t('meetings.detail.whenValue', {
    date: formatDate(meeting.starts_at),
    start: formatTime(meeting.starts_at),
    end: formatTime(meeting.ends_at),
  });
}

export function meetingLabel(meeting: Pick<MeetingListItem, 'title' | 'number'>): string {
  return meeting.number && !meeting.title.includes(meeting.number) ? `${meeting.title} (${meeting.number})` : meeting.title;
}

export interface TabDef {
  id: string;
  label: string;
  panel: () => ReactNode;
}

/**
 * WAI-ARIA tabs with automatic activation: arrow keys, Home and End move between tabs;
 * only the selected tab is in the tab order, its panel follows it.
 */
export function Tabs({
  label,
  tabs,
  selected,
  onSelect,
}: {
  label: string;
  tabs: TabDef[];
  selected: string;
  onSelect: (id: string) => void;
}) {
  const base = useId();
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const current = tabs.find((tab) => tab.id === selected) ?? tabs[0];
  if (!current) return null;

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = tabs.findIndex((tab) => tab.id === current.id);
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    if (next === null) return;
    event.preventDefault();
    const target = tabs[next];
    if (!target) return;
    onSelect(target.id);
    refs.current.get(target.id)?.focus();
  };

  return (
    <div className="app-tabs">
      <div role="tablist" aria-label={label} className="app-tabs__list">
        {tabs.map((tab) => {
          const active = tab.id === current.id;
          return (
            <button
              key={tab.id}
              ref={(node) => {
                if (node) refs.current.set(tab.id, node);
                else refs.current.delete(tab.id);
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${tab.id}`}
              aria-selected={active}
              aria-controls={`${base}-panel-${tab.id}`}
              tabIndex={active ? 0 : -1}
              className="app-tabs__tab"
              onClick={() => onSelect(tab.id)}
              onKeyDown={onKeyDown}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      <div
        role="tabpanel"
        id={`${base}-panel-${current.id}`}
        aria-labelledby={`${base}-tab-${current.id}`}
        tabIndex={0}
        className="app-tabs__panel"
      >
        {current.panel()}
      </div>
    </div>
  );
}

/** The focused result message of an action (shared with other features). */
export { Notice } from '@/components/Notice';
