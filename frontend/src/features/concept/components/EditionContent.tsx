import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui';
import type { Edition, Field, Goal } from '../api/concept';

export interface EditActions {
  editField: (field: Field) => void;
  deleteField: (field: Field) => void;
  addGoal: (field: Field) => void;
  editGoal: (goal: Goal) => void;
  deleteGoal: (goal: Goal) => void;
}

/**
 * The fields of action of an edition, each with its goals. With `actions` (a draft, for those who
 * may change it) every field and goal gets its edit and delete buttons.
 */
export function EditionContent({
  edition,
  headingLevel = 2,
  actions,
}: {
  edition: Edition;
  headingLevel?: 2 | 3;
  actions?: EditActions;
}) {
  const { t } = useTranslation();
  if (edition.fields.length === 0) return <p className="kern-body">{t('concept.edition.noFields')}</p>;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="app-concept-fields">
      {edition.fields.map((field) => {
        const headingId = `field-${field.id}`;
        return (
          <section key={field.id} className="app-concept-field" aria-labelledby={headingId}>
            <Heading className="kern-heading-small" id={headingId}>
              <span className="app-concept-code">{field.code}</span> {field.title}
            </Heading>
            {field.description && <p className="kern-body app-preline">{field.description}</p>}
            {field.bodies.length > 0 && (
              <p className="kern-body kern-body--small">
                {t('concept.edition.bodies', { names: field.bodies.map((b) => b.short_name || b.name).join(', ') })}
              </p>
            )}
            {actions && (
              <EditDeleteButtons
                editName={t('concept.edition.editFieldFor', { code: field.code })}
                deleteName={t('concept.edition.deleteFieldFor', { code: field.code })}
                onEdit={() => actions.editField(field)}
                onDelete={() => actions.deleteField(field)}
              />
            )}
            {field.goals.length === 0 ? (
              <p className="kern-body">{t('concept.edition.noGoals')}</p>
            ) : (
              <ul className="app-concept-goals" aria-label={t('concept.edition.goalsOf', { code: field.code })}>
                {field.goals.map((goal) => (
                  <li key={goal.id} className="app-concept-goal">
                    <p className="kern-body">
                      <strong>
                        <span className="app-concept-code">{goal.code}</span> {goal.title}
                      </strong>
                    </p>
                    {goal.description && <p className="kern-body app-preline">{goal.description}</p>}
                    <p className="kern-body kern-body--small">
                      {goal.measure_count > 0
                        ? t('concept.edition.measures', { count: goal.measure_count })
                        : t('concept.edition.noMeasures')}
                    </p>
                    {actions && (
                      <EditDeleteButtons
                        editName={t('concept.edition.editGoalFor', { code: goal.code })}
                        deleteName={t('concept.edition.deleteGoalFor', { code: goal.code })}
                        onEdit={() => actions.editGoal(goal)}
                        onDelete={() => actions.deleteGoal(goal)}
                      />
                    )}
                  </li>
                ))}
              </ul>
            )}
            {actions && (
              <Button
                variant="secondary"
                icon="add"
                aria-label={t('concept.edition.addGoalFor', { code: field.code })}
                onClick={() => actions.addGoal(field)}
              >
                {t('concept.edition.addGoal')}
              </Button>
            )}
          </section>
        );
      })}
    </div>
  );
}

/** The edit and delete buttons of a field or goal; the accessible names say which one. */
function EditDeleteButtons({
  editName,
  deleteName,
  onEdit,
  onDelete,
}: {
  editName: string;
  deleteName: string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="app-concept-actions">
      <Button variant="secondary" icon="edit" aria-label={editName} onClick={onEdit}>
        {t('concept.edition.edit')}
      </Button>
      <Button variant="secondary" icon="delete" aria-label={deleteName} onClick={onDelete}>
        {t('concept.edition.delete')}
      </Button>
    </div>
  );
}
