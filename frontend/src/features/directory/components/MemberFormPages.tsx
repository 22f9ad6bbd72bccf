import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { type ConflictChange, ConflictDialog } from '@/components/ConflictDialog';
import { LoadedPage } from '@/components/LoadedPage';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, ErrorSummary } from '@/components/ui';
import { isProblemKind } from '@/lib/api/problem';
import type { FieldErrors } from '@/lib/forms/fieldErrors';
import { useFormErrors } from '@/lib/forms/useFormErrors';
import {
  type Member,
  type MemberUpdate,
  directoryKeys,
  fetchLatestMember,
  memberQuery,
  useCreateMember,
  useUpdateMember,
} from '../api/directory';
import { memberName } from '../api/labels';
import {
  EMPTY_MEMBER,
  MEMBER_FIELDS,
  MEMBER_FIELD_MAP,
  type MemberField,
  MemberFields,
  type MemberFormValues,
  memberBody,
  memberFieldId,
  memberLanguages,
  memberToValues,
  validateMember,
} from './MemberFields';
import { diffChanges } from '@/lib/forms/changes';

function useMemberForm(initial: MemberFormValues) {
  const { t } = useTranslation();
  const [values, setValues] = useState<MemberFormValues>(initial);
  const form = useFormErrors<MemberField>(MEMBER_FIELD_MAP, (f) =>
    t(`directory.members.fields.${(MEMBER_FIELD_MAP as Record<string, string>)[f] ?? f}`, f),
  );
  const onChange = <F extends MemberField>(field: F, value: MemberFormValues[F]) => {
    setValues((v) => ({ ...v, [field]: value }));
    form.clearField(field);
  };
  const check = () => {
    const clientErrors = validateMember(values);
    const translated: FieldErrors<MemberField> = {};
    for (const field of MEMBER_FIELDS) {
      const error = clientErrors[field];
      if (error) translated[field] = t(error.key, error.options);
    }
    return !form.setClientErrors(translated);
  };
  const summary = (
    <ErrorSummary
      focusKey={form.failedSubmits}
      messages={form.formErrors}
      items={MEMBER_FIELDS.filter((f) => form.errors[f]).map((f) => ({
        fieldId: memberFieldId(f),
        label: t(`directory.members.fields.${f}`),
        message: form.errors[f] ?? '',
      }))}
    />
  );
  return { values, setValues, form, onChange, check, summary };
}

export function MemberCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateMember();
  const { values, form, onChange, check, summary } = useMemberForm(EMPTY_MEMBER);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!check()) return;
    try {
      const created = await create.mutateAsync(memberBody(values));
      navigate(`/mitglieder/${created.data.id}`, {
        state: { flash: t('directory.members.create.done', { name: memberName(created.data) }) },
      });
    } catch (caught) {
      form.applyProblem(caught);
    }
  };

  const showProblem = create.isError && !isProblemKind(create.error, 'validation-error');

  return (
    <Page title={t('directory.members.create.title')} lead={t('directory.members.create.lead')}>
      <div className="app-narrow">
        {showProblem && <ProblemAlert error={create.error} />}
        {summary}
        <form noValidate onSubmit={onSubmit} className="app-form" aria-label={t('directory.members.create.title')}>
          <MemberFields values={values} errors={form.errors} onChange={onChange} />
          <div className="kern-flex kern-flex-wrap kern-gap-md">
            <Button type="submit" disabled={create.isPending}>
              {t('directory.members.create.submit')}
            </Button>
            <Link className="kern-btn kern-btn--secondary" to="/mitglieder">
              <span className="kern-label">{t('common.cancel')}</span>
            </Link>
          </div>
        </form>
      </div>
    </Page>
  );
}

export function MemberEditPage() {
  const { t } = useTranslation();
  const { memberId = '' } = useParams();
  const member = useQuery(memberQuery(memberId));
  return (
    <LoadedPage query={member} title={t('directory.members.edit.title')} backTo="/mitglieder" backLabel={t('directory.members.detail.backToList')}>
      {(loaded) => <MemberEditor member={loaded.data} etag={loaded.etag} />}
    </LoadedPage>
  );
}

function MemberEditor({ member, etag }: { member: Member; etag: string | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useUpdateMember(member.id);
  const { values, setValues, form, onChange, check, summary } = useMemberForm(memberToValues(member));
  const [saved, setSaved] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{
    changes: ConflictChange[];
    latest: Awaited<ReturnType<typeof fetchLatestMember>> | null;
  } | null>(null);

  useEffect(() => {
    setValues(memberToValues(member));
  }, [member, setValues]);

  const conflictFields = MEMBER_FIELDS.filter((f) => f !== 'otherLanguages').map((f) => ({
    label: t(`directory.members.fields.${f}`),
    show: (v: MemberFormValues): string => {
      if (f === 'languages') return memberLanguages(v).join(', ');
      if (f === 'engagement') return t(`directory.engagement.${v.engagement}`);
      if (f === 'status') return t(`directory.memberStatus.${v.status}`);
      return String(v[f]).trim();
    },
  }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    if (!check()) return;
    const next = memberBody(values);
    const before = memberBody(memberToValues(member));
    const body: MemberUpdate = {};
    for (const key of Object.keys(next) as (keyof typeof next)[]) {
      if (JSON.stringify(next[key]) !== JSON.stringify(before[key])) (body as Record<string, unknown>)[key] = next[key];
    }
    if (Object.keys(body).length === 0) {
      setSaved(t('directory.members.edit.nothingChanged'));
      return;
    }
    try {
      await update.mutateAsync({ body, etag: etag ?? '' });
      setSaved(t('directory.members.edit.saved'));
    } catch (caught) {
      if (isProblemKind(caught, 'precondition-failed')) {
        let latest: Awaited<ReturnType<typeof fetchLatestMember>> | null = null;
        try {
          latest = await fetchLatestMember(member.id);
        } catch {
          latest = null;
        }
        const changes = latest ? diffChanges(conflictFields, values, memberToValues(latest.data)) : [];
        setConflict({ changes, latest });
      } else {
        form.applyProblem(caught);
      }
    }
  };

  const reload = () => {
    if (conflict?.latest) queryClient.setQueryData(directoryKeys.member(member.id), conflict.latest);
    else void queryClient.invalidateQueries({ queryKey: directoryKeys.member(member.id) });
    form.clear();
    setConflict(null);
    setSaved(null);
  };

  const showProblem =
    update.isError && !isProblemKind(update.error, 'precondition-failed') && !isProblemKind(update.error, 'validation-error');

  return (
    <Page title={t('directory.members.edit.titleWithName', { name: memberName(member) })}>
      <div className="app-narrow">
        {saved && <Alert variant="success" title={saved} live="status" />}
        {showProblem && <ProblemAlert error={update.error} />}
        {summary}
        <form noValidate onSubmit={onSubmit} className="app-form" aria-label={t('directory.members.edit.title')}>
          <MemberFields
            values={values}
            errors={form.errors}
            onChange={(f, v) => {
              setSaved(null);
              onChange(f, v);
            }}
          />
          <div className="kern-flex kern-flex-wrap kern-gap-md">
            <Button type="submit" disabled={update.isPending}>
              {t('common.save')}
            </Button>
            <Link className="kern-btn kern-btn--secondary" to={`/mitglieder/${member.id}`}>
              <span className="kern-label">{t('common.cancel')}</span>
            </Link>
          </div>
        </form>
      </div>
      <ConflictDialog open={conflict !== null} changes={conflict?.changes ?? []} onReload={reload} onClose={() => setConflict(null)} />
    </Page>
  );
}
