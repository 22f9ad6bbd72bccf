import { useQuery } from '@tanstack/react-query';
import { type DragEvent, type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Button, Dialog, ErrorSummary, Loader, SelectField, TextArea, TextField, cx } from '@/components/ui';
import { agendaLinkHref } from '@/lib/api/agendaContext';
import { isProblemKind } from '@/lib/api/problem';
import { useFormErrors } from '@/lib/forms/useFormErrors';
import {
  AGENDA_KINDS,
  type AgendaItem,
  type AgendaItemKind,
  type Meeting,
  agendaQuery,
  agendaRecordsQuery,
  useAddAgendaItem,
  useDeleteAgendaItem,
  useReorderAgenda,
  useUpdateAgendaItem,
} from '../api/meetings';
import { type MeasureMatch, measureSearchQuery } from '../api/measureSearch';
import { moveBy, moveTo } from '../api/reorder';
import { Notice, useCanRecordOffersAndNeeds } from './shared';

type Direction = 'up' | 'down';

export function AgendaTab({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const agenda = useQuery(agendaQuery(meeting.id));
  const reorder = useReorderAgenda(meeting.id);
  const [notice, setNotice] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<AgendaItem | null>(null);
  const [deleting, setDeleting] = useState<AgendaItem | null>(null);
  const [dragged, setDragged] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [focusNext, setFocusNext] = useState<string | null>(null);
  const editable = meeting.can_edit && meeting.status !== 'cancelled';

  // Moving re-renders the list; the focus returns to the moved item's button once it is enabled.
  useEffect(() => {
    if (!focusNext || reorder.isPending) return;
    const target = buttons.current.get(focusNext);
    if (target && !target.disabled) {
      target.focus();
      setFocusNext(null);
    }
  }, [focusNext, reorder.isPending, agenda.data]);

  if (agenda.isPending) return <Loader label={t('common.loading')} />;
  if (agenda.isError) return <ProblemAlert error={agenda.error} />;
  const items = agenda.data;

  const saveOrder = async (next: AgendaItem[], moved: AgendaItem, focus?: Direction) => {
    setFailure(null);
    setNotice(null);
    try {
      const saved = await reorder.mutateAsync({ itemIds: next.map((i) => i.id), version: meeting.version });
      const position = saved.findIndex((i) => i.id === moved.id) + 1;
      setAnnouncement(t('meetings.agenda.moved', { title: moved.title, position, total: saved.length }));
      if (focus) {
        // The moved item's button keeps the focus; at the top or bottom the other one takes it.
        const atEdge = (focus === 'up' && position === 1) || (focus === 'down' && position === saved.length);
        setFocusNext(`${moved.id}-${atEdge ? (focus === 'up' ? 'down' : 'up') : focus}`);
      }
    } catch (error) {
      setFailure(error);
      await agenda.refetch();
    }
  };

  const move = (index: number, direction: Direction) => {
    const item = items[index];
    if (!item) return;
    void saveOrder(moveBy(items, index, direction === 'up' ? -1 : 1), item, direction);
  };

  const onDrop = (event: DragEvent, index: number) => {
    event.preventDefault();
    const from = dragged;
    setDragged(null);
    setOver(null);
    if (from === null || from === index) return;
    const item = items[from];
    if (item) void saveOrder(moveTo(items, from, index), item);
  };

  return (
    <section aria-labelledby="agenda-heading">
      <h2 className="kern-heading-medium" id="agenda-heading">
        {t('meetings.agenda.caption')}
      </h2>
      <Notice message={notice} />
      <p className="kern-sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
      {failure !== null && <ProblemAlert error={failure} />}
      {!editable && meeting.can_edit && <p className="kern-body">{t('meetings.agenda.readOnly')}</p>}
      {editable && items.length > 1 && <p className="kern-body">{t('meetings.agenda.dragHint')}</p>}
      {items.length === 0 ? (
        <p className="kern-body">{t('meetings.agenda.empty')}</p>
      ) : (
        <ol className="app-agenda" aria-labelledby="agenda-heading">
          {items.map((item, index) => (
            <li
              key={item.id}
              className={cx(
                'app-agenda__item',
                dragged === index && 'app-agenda__item--dragging',
                over === index && dragged !== index && 'app-agenda__item--over',
              )}
              draggable={editable && !reorder.isPending}
              onDragStart={(event) => {
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData('text/plain', item.id);
                setDragged(index);
              }}
              onDragOver={(event) => {
                if (dragged === null) return;
                event.preventDefault();
                setOver(index);
              }}
              onDragEnd={() => {
                setDragged(null);
                setOver(null);
              }}
              onDrop={(event) => onDrop(event, index)}
            >
              <span className={cx('kern-heading-small', editable && 'app-agenda__handle')}>
                <span className="kern-sr-only">{t('meetings.agenda.number')} </span>
                {item.number}
              </span>
              <div className="app-agenda__body">
                <h3 className="kern-heading-small">{item.title}</h3>
                <p className="kern-body kern-body--small">
                  {t('meetings.agenda.kind')}: {t(`meetings.kinds.${item.kind}`)}
                </p>
                {item.notes && (
                  <p className="kern-body app-preline">
                    <strong>{t('meetings.agenda.notes')}:</strong> {item.notes}
                  </p>
                )}
                {item.result && (
                  <p className="kern-body app-preline">
                    <strong>{t('meetings.agenda.result')}:</strong> {item.result}
                  </p>
                )}
                {(item.kind === 'offer_presentation' || item.kind === 'needs') && (
                  <AgendaRecords meeting={meeting} item={item} kind={item.kind === 'needs' ? 'need' : 'offer'} />
                )}
                {item.kind === 'measure_development' && <AgendaMeasure item={item} />}
                {editable && (
                  <div className="app-agenda__actions">
                    <button
                      type="button"
                      className="kern-btn kern-btn--secondary"
                      ref={(node) => {
                        if (node) buttons.current.set(`${item.id}-up`, node);
                        else buttons.current.delete(`${item.id}-up`);
                      }}
                      aria-label={t('meetings.agenda.upFor', { title: item.title })}
                      disabled={index === 0 || reorder.isPending}
                      onClick={() => move(index, 'up')}
                    >
                      <span className="kern-label">{t('meetings.agenda.up')}</span>
                    </button>
                    <button
                      type="button"
                      className="kern-btn kern-btn--secondary"
                      ref={(node) => {
                        if (node) buttons.current.set(`${item.id}-down`, node);
                        else buttons.current.delete(`${item.id}-down`);
                      }}
                      aria-label={t('meetings.agenda.downFor', { title: item.title })}
                      disabled={index === items.length - 1 || reorder.isPending}
                      onClick={() => move(index, 'down')}
                    >
                      <span className="kern-label">{t('meetings.agenda.down')}</span>
                    </button>
                    <Button
                      variant="secondary"
                      icon="edit"
                      aria-label={t('meetings.agenda.editFor', { number: item.number, title: item.title })}
                      onClick={() => setEditing(item)}
                    >
                      {t('meetings.agenda.edit')}
                    </Button>
                    <Button
                      variant="secondary"
                      icon="delete"
                      aria-label={t('meetings.agenda.deleteFor', { number: item.number, title: item.title })}
                      onClick={() => setDeleting(item)}
                    >
                      {t('meetings.agenda.delete')}
                    </Button>
                  </div>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      {editable && (
        <>
          <Button icon="add" onClick={() => setAdding(true)}>
            {t('meetings.agenda.add')}
          </Button>
          <AgendaItemDialog
            meetingId={meeting.id}
            open={adding || editing !== null}
            item={editing}
            onClose={() => {
              setAdding(false);
              setEditing(null);
            }}
            onDone={(message) => {
              setAdding(false);
              setEditing(null);
              setFailure(null);
              setNotice(message);
            }}
          />
          <DeleteItemDialog
            meetingId={meeting.id}
            item={deleting}
            onClose={() => setDeleting(null)}
            onDone={(message) => {
              setDeleting(null);
              setNotice(message);
            }}
            onFailed={(error) => {
              setDeleting(null);
              setFailure(error);
            }}
          />
        </>
      )}
    </section>
  );
}

/** The offers presented (or needs raised) at an agenda item, and a link to record another one. */
function AgendaRecords({ meeting, item, kind }: { meeting: Meeting; item: AgendaItem; kind: 'offer' | 'need' }) {
  const { t } = useTranslation();
  const canRecord = useCanRecordOffersAndNeeds() && meeting.status !== 'cancelled';
  const records = useQuery(agendaRecordsQuery(meeting.id));
  const rows = (kind === 'offer' ? records.data?.offers : records.data?.needs)?.get(item.id) ?? [];
  const link = { meetingId: meeting.id, agendaItemId: item.id };
  const listId = `agenda-records-${item.id}`;
  return (
    <div className="app-agenda__records">
      <p className="kern-body" id={listId}>
        <strong>{t(kind === 'offer' ? 'meetings.agenda.offers' : 'meetings.agenda.needs')}</strong>
      </p>
      {records.isError && <ProblemAlert error={records.error} />}
      {records.isPending && <Loader label={t('common.loading')} />}
      {records.isSuccess &&
        (rows.length === 0 ? (
          <p className="kern-body kern-body--small">{t(kind === 'offer' ? 'meetings.agenda.noOffers' : 'meetings.agenda.noNeeds')}</p>
        ) : (
          <ul className="kern-list" aria-labelledby={listId}>
            {rows.map((row) => (
              <li key={row.id}>
                <Link className="kern-link" to={kind === 'offer' ? `/angebotsverwaltung/${row.id}` : `/bedarfe/${row.id}`}>
                  {row.title}
                </Link>
              </li>
            ))}
          </ul>
        ))}
      {canRecord && (
        <p className="kern-body">
          {kind === 'offer' ? (
            <Link
              className="kern-link"
              to={agendaLinkHref('/angebotsverwaltung/neu', link)}
              aria-label={t('meetings.agenda.recordOfferFor', { number: item.number, title: item.title })}
            >
              {t('meetings.agenda.recordOffer')}
            </Link>
          ) : (
            <Link
              className="kern-link"
              to={agendaLinkHref('/bedarfe/neu', link, { body_id: meeting.body_id })}
              aria-label={t('meetings.agenda.recordNeedFor', { number: item.number, title: item.title })}
            >
              {t('meetings.agenda.recordNeed')}
            </Link>
          )}
        </p>
      )}
    </div>
  );
}

/** The measure a "measure development" item works on, linked to its page. */
function AgendaMeasure({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const measure = item.measure ?? null;
  return (
    <p className="kern-body">
      <strong>{t('meetings.agenda.measureLinked')}:</strong>{' '}
      {measure ? (
        <>
          <Link className="kern-link" to={`/massnahmen/${measure.id}`}>
            {t('meetings.agenda.measureOption', { reference: measure.reference, title: measure.title })}
          </Link>{' '}
          ({t(`meetings.agenda.measureStatuses.${measure.status}`)})
        </>
      ) : (
        t('meetings.agenda.measureNone')
      )}
    </p>
  );
}

type MeasureChoice = Pick<MeasureMatch, 'id' | 'reference' | 'title'>;

/** Search field and select for the measure of a "measure development" item (GET /measures?q=). */
function MeasurePicker({
  value,
  error,
  onChange,
}: {
  value: MeasureChoice | null;
  error?: string | undefined;
  onChange: (value: MeasureChoice | null) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [term, setTerm] = useState('');
  // Search once typing pauses, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setTerm(q.trim()), 300);
    return () => clearTimeout(timer);
  }, [q]);
  const matches = useQuery(measureSearchQuery(term));
  const found = matches.data?.items ?? [];
  const choices: MeasureChoice[] = [...(value && !found.some((m) => m.id === value.id) ? [value] : []), ...found];
  return (
    <>
      <TextField
        id="agenda-measure-search"
        type="search"
        label={t('meetings.agenda.measureSearch')}
        hint={t('meetings.agenda.measureSearchHint')}
        autoComplete="off"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.preventDefault(); // Enter searches; it does not save the dialog
        }}
      />
      <p className="kern-body kern-body--small" aria-live="polite">
        {matches.isSuccess ? t('meetings.agenda.measureFound', { count: matches.data.total }) : ''}
      </p>
      {matches.isError && <ProblemAlert error={matches.error} />}
      <SelectField
        id="agenda-measure"
        label={t('meetings.agenda.measure')}
        value={value?.id ?? ''}
        error={error}
        onChange={(e) => onChange(choices.find((m) => m.id === e.target.value) ?? null)}
        options={[
          { value: '', label: t('meetings.agenda.measureChoose') },
          ...choices.map((m) => ({ value: m.id, label: t('meetings.agenda.measureOption', { reference: m.reference, title: m.title }) })),
        ]}
      />
    </>
  );
}

type ItemField = 'title' | 'kind' | 'measure' | 'notes' | 'result';
const ITEM_FIELDS: ItemField[] = ['title', 'kind', 'measure', 'notes', 'result'];
const ITEM_LABEL: Record<ItemField, string> = {
  title: 'meetings.agenda.titleLabel',
  kind: 'meetings.agenda.kind',
  measure: 'meetings.agenda.measure',
  notes: 'meetings.agenda.notes',
  result: 'meetings.agenda.result',
};
const ITEM_MAP = {
  title: 'title',
  kind: 'kind',
  measure_id: 'measure',
  notes: 'notes',
  result: 'result',
} as const satisfies Record<string, ItemField>;

function AgendaItemDialog({
  meetingId,
  open,
  item,
  onClose,
  onDone,
}: {
  meetingId: string;
  open: boolean;
  item: AgendaItem | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const add = useAddAgendaItem(meetingId);
  const update = useUpdateAgendaItem(meetingId);
  const mutation = item ? update : add;
  const initial = { title: '', kind: 'exchange' as AgendaItemKind, notes: '', result: '', measure: null as MeasureChoice | null };
  const [values, setValues] = useState(initial);
  const [openedFor, setOpenedFor] = useState<string | null>(null);
  const form = useFormErrors<ItemField>(ITEM_MAP, (f) => t(ITEM_LABEL[(ITEM_MAP as Record<string, ItemField>)[f] ?? 'title']));
  const key = item ? `${item.id}-${item.version}` : 'new';
  if (open && openedFor !== key) {
    setOpenedFor(key);
    setValues(
      item
        ? { title: item.title, kind: item.kind, notes: item.notes, result: item.result, measure: item.measure ?? null }
        : initial,
    );
  }
  if (!open && openedFor !== null) setOpenedFor(null);

  const close = () => {
    form.clear();
    add.reset();
    update.reset();
    onClose();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.setClientErrors(values.title.trim() ? {} : { title: t('validation.required') })) return;
    const body = {
      title: values.title.trim(),
      kind: values.kind,
      notes: values.notes.trim(),
      result: values.result.trim(),
      // Only "measure development" items link a measure (the API clears it for other kinds).
      ...(values.kind === 'measure_development' ? { measure_id: values.measure?.id ?? null } : {}),
    };
    try {
      if (item) {
        const saved = await update.mutateAsync({ item, body });
        onDone(t('meetings.agenda.saved', { number: saved.number }));
      } else {
        const saved = await add.mutateAsync(body);
        onDone(t('meetings.agenda.added', { number: saved.number, title: saved.title }));
      }
      form.clear();
    } catch (caught) {
      form.applyProblem(caught);
    }
  };

  const showProblem = mutation.isError && !isProblemKind(mutation.error, 'validation-error');

  return (
    <Dialog
      open={open}
      title={item ? t('meetings.agenda.editTitle', { number: item.number }) : t('meetings.agenda.addTitle')}
      onClose={close}
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form="agenda-item-form" disabled={mutation.isPending}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      {showProblem && <ProblemAlert error={mutation.error} />}
      <ErrorSummary
        focusKey={form.failedSubmits}
        messages={form.formErrors}
        items={ITEM_FIELDS.filter((f) => form.errors[f]).map((f) => ({
          fieldId: `agenda-${f}`,
          label: t(ITEM_LABEL[f]),
          message: form.errors[f] ?? '',
        }))}
      />
      <form id="agenda-item-form" noValidate onSubmit={onSubmit} className="app-form">
        <TextField
          id="agenda-title"
          label={t('meetings.agenda.titleLabel')}
          required
          value={values.title}
          error={form.errors.title}
          onChange={(e) => {
            setValues((v) => ({ ...v, title: e.target.value }));
            form.clearField('title');
          }}
        />
        <SelectField
          id="agenda-kind"
          label={t('meetings.agenda.kind')}
          value={values.kind}
          error={form.errors.kind}
          onChange={(e) => setValues((v) => ({ ...v, kind: e.target.value as AgendaItemKind }))}
          options={AGENDA_KINDS.map((k) => ({ value: k, label: t(`meetings.kinds.${k}`) }))}
        />
        {values.kind === 'measure_development' && (
          <MeasurePicker
            value={values.measure}
            error={form.errors.measure}
            onChange={(measure) => {
              setValues((v) => ({ ...v, measure }));
              form.clearField('measure');
            }}
          />
        )}
        <TextArea
          id="agenda-notes"
          label={t('meetings.agenda.notes')}
          optional
          rows={3}
          value={values.notes}
          error={form.errors.notes}
          onChange={(e) => setValues((v) => ({ ...v, notes: e.target.value }))}
        />
        <TextArea
          id="agenda-result"
          label={t('meetings.agenda.result')}
          optional
          rows={3}
          value={values.result}
          error={form.errors.result}
          onChange={(e) => setValues((v) => ({ ...v, result: e.target.value }))}
        />
      </form>
    </Dialog>
  );
}

function DeleteItemDialog({
  meetingId,
  item,
  onClose,
  onDone,
  onFailed,
}: {
  meetingId: string;
  item: AgendaItem | null;
  onClose: () => void;
  onDone: (message: string) => void;
  onFailed: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteAgendaItem(meetingId);
  const run = async () => {
    if (!item) return;
    try {
      await remove.mutateAsync(item);
      onDone(t('meetings.agenda.deleted', { title: item.title }));
    } catch (error) {
      onFailed(error);
    }
  };
  return (
    <Dialog
      open={item !== null}
      role="alertdialog"
      title={t('meetings.agenda.deleteTitle')}
      onClose={onClose}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button icon="delete" onClick={() => void run()} disabled={remove.isPending}>
            {t('meetings.agenda.delete')}
          </Button>
        </>
      }
    >
      {item && <p className="kern-body">{t('meetings.agenda.deleteText', { number: item.number, title: item.title })}</p>}
    </Dialog>
  );
}
