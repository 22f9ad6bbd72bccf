import { Icon } from './Icon';

/** The KERN error line under a field; referenced by the field's aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string }) {
  return (
    <p className="kern-error" id={id}>
      <Icon name="danger" />
      <span className="kern-body">{message}</span>
    </p>
  );
}
