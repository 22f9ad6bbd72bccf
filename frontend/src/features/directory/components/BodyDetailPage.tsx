import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type ConflictChange, ConflictDialog } from '@/components/ConflictDialog';
import { LoadedPage } from '@/components/LoadedPage';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import {
  Alert,
  Button,
  CheckboxGroup,
  type Column,
  Dialog,
  ErrorSummary,
  Loader,
  SelectField,
  Table,
  TextArea,
  TextField,
} from '@/components/ui';
import { isProblemKind } from '@/lib/api/problem';
import { formatDate } from '@/lib/format';
import { useFormErrors } from '@/lib/forms/useFormErrors';
import {
  ALL,
  type Body,
  type Membership,
  type MembershipRole,
  bodyQuery,
  directoryKeys,
  fetchLatestBody,
  membersListQuery,
  membershipsOfBodyQuery,
  useCreateMembership,
  useEndMembership,
  useUpdateBody,
} from '../api/directory';
import { groupByRole, memberName, roleGroupKey, roleLabelKey, rolesFor, todayIso } from '../api/labels';
import { DescriptionList } from '@/components/DescriptionList';
import { diffChanges } from '@/lib/forms/changes';
import { useCanWrite } from './shared';

export function BodyDetailPage() {
  const { t } = useTranslation();
  const { bodyId = '' } = useParams();
  const body = useQuery(bodyQuery(bodyId));
  return (
    <LoadedPage query={body} title={t('nav.body')} backTo="/arbeitskreise" backLabel={t('directory.bodies.detail.backToList')}>
      {(loaded) => <BodyDetail body={loaded.data} etag={loaded.etag} />}
    </LoadedPage>
  );
}

type Row = Membership & { name: string };

function BodyDetail({ body, etag }: { body: Body; etag: string | null }) {
  const { t } = useTranslation();
  const canWrite = useCanWrite();
  const memberships = useQuery(membershipsOfBodyQuery(body.id));
  const members = useQuery(membersListQuery({ body_id: body.id, limit: ALL }));
  const [notice, setNotice] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const [ending, setEnding] = useState<Row | null>(null);

  const names = new Map((members.data?.items ?? []).map((m) => [m.id, memberName(m)]));
  // Spokespersons come with their names even when the member list is restricted.
  for (const s of body.spokespersons) if (!names.has(s.member_id)) names.set(s.member_id, s.name);
  const rows: Row[] = (memberships.data?.items ?? []).map((ms) => ({
    ...ms,
    name: names.get(ms.member_id) ?? t('directory.bodies.detail.unknownMember'),
  }));
  const groups = groupByRole(body.kind, rows, (r) => r.name);
  const steering = body.kind === 'steering_group';

  const columns: Column<Row>[] = [
    {
      key: 'name',
      header: t('directory.members.fields.name'),
      rowHeader: true,
      cell: (r) => (
        <Link className="kern-link" to={`/mitglieder/${r.member_id}`}>
          {r.name}
        </Link>
      ),
    },
    ...(steering
      ? [{ key: 'function', header: t('directory.bodies.detail.functionLabel'), cell: (r: Row) => r.function_label ?? t('directory.none') }]
      : []),
    {
      key: 'since',
      header: t('directory.members.detail.period'),
      cell: (r) =>
        r.end_on
          ? t('directory.members.detail.range', { start: formatDate(r.start_on), end: formatDate(r.end_on) })
          : t('directory.members.detail.since', { start: formatDate(r.start_on) }),
    },
    {
      key: 'voting',
      header: t('directory.bodies.detail.votingRight'),
      cell: (r) => (r.voting_right ? t('directory.yes') : t('directory.no')),
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            header: t('directory.bodies.detail.actions'),
            cell: (r: Row) =>
              r.end_on ? (
                t('directory.none')
              ) : (
              <Button variant="secondary" onClick={() => setEnding(r)} aria-label={t('directory.bodies.detail.endFor', { name: r.name })}>
                {t('directory.bodies.detail.end')}
              </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Page
      title={body.name}
      lead={t(`directory.bodyKinds.${body.kind}`)}
      actions={
        canWrite && (
          <>
            <Button icon="add" onClick={() => { setNotice(null); setAdding(true); }}>
              {t('directory.bodies.detail.addMember')}
            </Button>
            <Button variant="secondary" icon="edit" onClick={() => { setNotice(null); setEditing(true); }}>
              {t('directory.bodies.detail.edit')}
            </Button>
          </>
        )
      }
    >
      {notice && <Alert variant="success" title={notice} live="status" />}
      <section aria-labelledby="body-about" className="app-section">
        <h2 className="kern-heading-medium" id="body-about">
          {t('directory.bodies.detail.about')}
        </h2>
        <DescriptionList
          items={[
            { key: 'description', label: t('directory.bodies.fields.description'), value: body.description && <span className="app-preline">{body.description}</span> },
            { key: 'question', label: t('directory.bodies.fields.guidingQuestion'), value: body.guiding_question && <span className="app-preline">{body.guiding_question}</span> },
            { key: 'cadence', label: t('directory.bodies.fields.cadence'), value: t(`directory.cadence.${body.cadence}`) },
            { key: 'founded', label: t('directory.bodies.fields.foundedYear'), value: body.founded_year === null ? null : String(body.founded_year) },
          ]}
        />
      </section>

      <section aria-labelledby="body-members" className="app-section">
        <h2 className="kern-heading-medium" id="body-members">
          {t('directory.bodies.detail.members')}
        </h2>
        {memberships.isPending && <Loader label={t('common.loading')} />}
        {memberships.isError && <ProblemAlert error={memberships.error} />}
        {memberships.data && (
          <>
            <p className="kern-body">{t('directory.bodies.detail.membersCount', { count: rows.length })}</p>
            {groups.map((group) => {
              const label = t(roleGroupKey(group.role));
              const headingId = `body-role-${group.role}`;
              return (
                <section key={group.role} aria-labelledby={headingId} className="app-section">
                  <h3 className="kern-heading-small" id={headingId}>
                    {label} ({group.items.length})
                  </h3>
                  {group.items.length === 0 ? (
                    <p className="kern-body">{t('directory.bodies.detail.groupEmpty')}</p>
                  ) : (
                    <Table
                      caption={t('directory.bodies.detail.caption', { group: label })}
                      captionHidden
                      columns={columns}
                      rows={group.items}
                      rowKey={(r) => r.id}
                    />
                  )}
                </section>
              );
            })}
          </>
        )}
      </section>

      <p className="kern-body app-section">
        <Link className="kern-link" to="/arbeitskreise">
          {t('directory.bodies.detail.backToList')}
        </Link>
      </p>

      {canWrite && (
        <>
          <AddMemberDialog
            open={adding}
            body={body}
            onClose={() => setAdding(false)}
            onDone={(message) => {
              setAdding(false);
              setNotice(message);
            }}
          />
          <EndMembershipDialog
            row={ending}
            onClose={() => setEnding(null)}
            onDone={(message) => {
              setEnding(null);
              setNotice(message);
            }}
          />
          <EditBodyDialog
            open={editing}
            body={body}
            etag={etag}
            onClose={() => setEditing(false)}
            onDone={(message) => {
              setEditing(false);
              setNotice(message);
            }}
          />
        </>
      )}
    </Page>
  );
}

type AddField = 'member' | 'role' | 'functionLabel' | 'startOn' | 'votingRight';
const ADD_FIELDS: AddField[] = ['member', 'role', 'functionLabel', 'startOn', 'votingRight'];
const ADD_FIELD_MAP = {
  member_id: 'member',
  role: 'role',
  function_label: 'functionLabel',
  start_on: 'startOn',
  voting_right: 'votingRight',
} as const satisfies Record<string, AddField>;
const addFieldId = (f: AddField) => `membership-${f}`;
const ADD_LABEL: Record<AddField, string> = {
  member: 'directory.bodies.detail.member',
  role: 'directory.bodies.detail.role',
  functionLabel: 'directory.bodies.detail.functionLabel',
  startOn: 'directory.bodies.detail.startOn',
  votingRight: 'directory.bodies.detail.votingRight',
};

function AddMemberDialog({
  open,
  body,
  onClose,
  onDone,
}: {
  open: boolean;
  body: Body;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateMembership();
  const candidates = useQuery({ ...membersListQuery({ sort: 'family_name', limit: ALL }), enabled: open });
  const roles = rolesFor(body.kind);
  const initial = { member: '', role: 'member' as MembershipRole, functionLabel: '', startOn: '', votingRight: ['yes'] };
  const [values, setValues] = useState(initial);
  const form = useFormErrors<AddField>(ADD_FIELD_MAP, (f) => t(ADD_LABEL[(ADD_FIELD_MAP as Record<string, AddField>)[f] ?? 'member'], f));

  const change = <K extends keyof typeof initial>(key: K, value: (typeof initial)[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    form.clearField(key);
  };

  const close = () => {
    setValues(initial);
    form.clear();
    create.reset();
    onClose();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.setClientErrors(values.member ? {} : { member: t('validation.required') })) return;
    try {
      await create.mutateAsync({
        member_id: values.member,
        body_id: body.id,
        role: values.role,
        function_label: values.functionLabel.trim() || null,
        start_on: values.startOn || null,
        voting_right: values.votingRight.includes('yes'),
      });
      const chosen = candidates.data?.items.find((m) => m.id === values.member);
      const message = t('directory.bodies.detail.added', {
        name: chosen ? memberName(chosen) : '',
        role: t(roleLabelKey(values.role)),
      });
      setValues(initial);
      form.clear();
      onDone(message);
    } catch (caught) {
      form.applyProblem(caught);
    }
  };

  const showProblem = create.isError && !isProblemKind(create.error, 'validation-error') && !form.errors.member;

  return (
    <Dialog
      open={open}
      title={t('directory.bodies.detail.addTitle', { name: body.name })}
      onClose={close}
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form="add-membership-form" disabled={create.isPending}>
            {t('directory.bodies.detail.add')}
          </Button>
        </>
      }
    >
      {showProblem && <ProblemAlert error={create.error} />}
      <ErrorSummary
        focusKey={form.failedSubmits}
        messages={form.formErrors}
        items={ADD_FIELDS.filter((f) => form.errors[f]).map((f) => ({
          fieldId: addFieldId(f),
          label: t(ADD_LABEL[f]),
          message: form.errors[f] ?? '',
        }))}
      />
      <form id="add-membership-form" noValidate onSubmit={onSubmit} className="app-form">
        <SelectField
          id={addFieldId('member')}
          label={t('directory.bodies.detail.member')}
          value={values.member}
          error={form.errors.member}
          required
          onChange={(e) => change('member', e.target.value)}
          options={[
            { value: '', label: t('directory.bodies.detail.memberChoose') },
            ...(candidates.data?.items ?? []).map((m) => ({ value: m.id, label: memberName(m) })),
          ]}
        />
        <SelectField
          id={addFieldId('role')}
          label={t('directory.bodies.detail.role')}
          value={values.role}
          error={form.errors.role}
          onChange={(e) => change('role', e.target.value as MembershipRole)}
          options={roles.map((r) => ({ value: r, label: t(roleLabelKey(r)) }))}
        />
        {body.kind === 'steering_group' && (
          <TextField
            id={addFieldId('functionLabel')}
            label={t('directory.bodies.detail.functionLabel')}
            hint={t('directory.bodies.detail.functionHint')}
            optional
            value={values.functionLabel}
            error={form.errors.functionLabel}
            onChange={(e) => change('functionLabel', e.target.value)}
          />
        )}
        <TextField
          id={addFieldId('startOn')}
          type="date"
          label={t('directory.bodies.detail.startOn')}
          hint={t('directory.bodies.detail.startOnHint')}
          optional
          value={values.startOn}
          error={form.errors.startOn}
          onChange={(e) => change('startOn', e.target.value)}
        />
        <CheckboxGroup
          id={addFieldId('votingRight')}
          legend={t('directory.bodies.detail.votingRight')}
          options={[{ value: 'yes', label: t('directory.bodies.detail.votingRightOption') }]}
          value={values.votingRight}
          error={form.errors.votingRight}
          onChange={(v) => change('votingRight', v)}
        />
      </form>
    </Dialog>
  );
}

function EndMembershipDialog({
  row,
  onClose,
  onDone,
}: {
  row: Row | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const end = useEndMembership();
  const [endOn, setEndOn] = useState(todayIso());
  const [conflict, setConflict] = useState(false);
  const form = useFormErrors<'endOn'>({ end_on: 'endOn' }, () => t('directory.bodies.detail.endOn'));

  const close = () => {
    setEndOn(todayIso());
    form.clear();
    end.reset();
    onClose();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!row) return;
    const error = !endOn
      ? t('validation.required')
      : endOn < row.start_on
        ? t('directory.bodies.detail.endBeforeStart', { start: formatDate(row.start_on) })
        : null;
    if (form.setClientErrors(error ? { endOn: error } : {})) return;
    try {
      await end.mutateAsync({ id: row.id, endOn, version: row.version });
      const message = t('directory.bodies.detail.ended', { name: row.name });
      setEndOn(todayIso());
      form.clear();
      onDone(message);
    } catch (caught) {
      if (isProblemKind(caught, 'precondition-failed')) setConflict(true);
      else form.applyProblem(caught);
    }
  };

  const showProblem =
    end.isError && !isProblemKind(end.error, 'validation-error') && !isProblemKind(end.error, 'precondition-failed');

  return (
    <>
      <Dialog
        open={row !== null && !conflict}
        title={t('directory.bodies.detail.endTitle')}
        onClose={close}
        footer={
          <>
            <Button variant="secondary" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" form="end-membership-form" disabled={end.isPending}>
              {t('directory.bodies.detail.end')}
            </Button>
          </>
        }
      >
        {row && (
          <p className="kern-body">
            {t('directory.bodies.detail.endText', { name: row.name, role: t(roleLabelKey(row.role)) })}
          </p>
        )}
        {showProblem && <ProblemAlert error={end.error} />}
        <ErrorSummary
          focusKey={form.failedSubmits}
          messages={form.formErrors}
          items={form.errors.endOn ? [{ fieldId: 'membership-endOn', label: t('directory.bodies.detail.endOn'), message: form.errors.endOn }] : []}
        />
        <form id="end-membership-form" noValidate onSubmit={onSubmit} className="app-form">
          <TextField
            id="membership-endOn"
            type="date"
            label={t('directory.bodies.detail.endOn')}
            required
            value={endOn}
            error={form.errors.endOn}
            onChange={(e) => {
              setEndOn(e.target.value);
              form.clearField('endOn');
            }}
          />
        </form>
      </Dialog>
      <ConflictDialog
        open={conflict}
        onReload={() => {
          void queryClient.invalidateQueries({ queryKey: directoryKeys.memberships });
          setConflict(false);
          close();
        }}
        onClose={() => setConflict(false)}
      />
    </>
  );
}

type BodyField = 'description' | 'guidingQuestion';

function EditBodyDialog({
  open,
  body,
  etag,
  onClose,
  onDone,
}: {
  open: boolean;
  body: Body;
  etag: string | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useUpdateBody(body.id);
  const initial = { description: body.description, guidingQuestion: body.guiding_question };
  const [values, setValues] = useState(initial);
  const [conflict, setConflict] = useState<{ changes: ConflictChange[]; latest: Awaited<ReturnType<typeof fetchLatestBody>> | null } | null>(null);
  const form = useFormErrors<BodyField>({ description: 'description', guiding_question: 'guidingQuestion' }, (f) =>
    f === 'guiding_question' ? t('directory.bodies.fields.guidingQuestion') : t('directory.bodies.fields.description'),
  );
  const [openedFor, setOpenedFor] = useState<number | null>(null);
  // Start from the saved text each time the dialog opens (or after a reload).
  if (open && openedFor !== body.version) {
    setOpenedFor(body.version);
    setValues(initial);
  }
  if (!open && openedFor !== null) setOpenedFor(null);

  const fields = [
    { label: t('directory.bodies.fields.description'), show: (v: typeof initial) => v.description.trim() },
    { label: t('directory.bodies.fields.guidingQuestion'), show: (v: typeof initial) => v.guidingQuestion.trim() },
  ];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    form.clear();
    const patch: { description?: string; guiding_question?: string } = {};
    if (values.description.trim() !== body.description) patch.description = values.description.trim();
    if (values.guidingQuestion.trim() !== body.guiding_question) patch.guiding_question = values.guidingQuestion.trim();
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    try {
      await update.mutateAsync({ body: patch, etag: etag ?? '' });
      onDone(t('directory.bodies.detail.saved'));
    } catch (caught) {
      if (isProblemKind(caught, 'precondition-failed')) {
        let latest: Awaited<ReturnType<typeof fetchLatestBody>> | null = null;
        try {
          latest = await fetchLatestBody(body.id);
        } catch {
          latest = null;
        }
        const theirs = latest ? { description: latest.data.description, guidingQuestion: latest.data.guiding_question } : null;
        setConflict({ changes: theirs ? diffChanges(fields, values, theirs) : [], latest });
      } else {
        form.applyProblem(caught);
      }
    }
  };

  const showProblem =
    update.isError && !isProblemKind(update.error, 'validation-error') && !isProblemKind(update.error, 'precondition-failed');

  return (
    <>
      <Dialog
        open={open && conflict === null}
        title={t('directory.bodies.detail.editTitle')}
        onClose={() => {
          update.reset();
          form.clear();
          onClose();
        }}
        footer={
          <>
            <Button variant="secondary" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" form="edit-body-form" disabled={update.isPending}>
              {t('common.save')}
            </Button>
          </>
        }
      >
        {showProblem && <ProblemAlert error={update.error} />}
        <ErrorSummary
          focusKey={form.failedSubmits}
          messages={form.formErrors}
          items={(['description', 'guidingQuestion'] as const)
            .filter((f) => form.errors[f])
            .map((f) => ({ fieldId: `body-${f}`, label: t(`directory.bodies.fields.${f}`), message: form.errors[f] ?? '' }))}
        />
        <form id="edit-body-form" noValidate onSubmit={onSubmit} className="app-form">
          <TextArea
            id="body-description"
            label={t('directory.bodies.fields.description')}
            rows={8}
            value={values.description}
            error={form.errors.description}
            onChange={(e) => setValues((v) => ({ ...v, description: e.target.value }))}
          />
          <TextArea
            id="body-guidingQuestion"
            label={t('directory.bodies.fields.guidingQuestion')}
            rows={4}
            value={values.guidingQuestion}
            error={form.errors.guidingQuestion}
            onChange={(e) => setValues((v) => ({ ...v, guidingQuestion: e.target.value }))}
          />
        </form>
      </Dialog>
      <ConflictDialog
        open={conflict !== null}
        changes={conflict?.changes ?? []}
        onReload={() => {
          if (conflict?.latest) queryClient.setQueryData(directoryKeys.body(body.id), conflict.latest);
          else void queryClient.invalidateQueries({ queryKey: directoryKeys.body(body.id) });
          setConflict(null);
        }}
        onClose={() => setConflict(null)}
      />
    </>
  );
}

