/** Polite loading indicator (KERN loader). */
export function Loader({ label }: { label: string }) {
  return (
    <div className="app-loading" role="status">
      <span className="kern-loader kern-loader--visible" aria-hidden="true" />
      <span className="kern-body">{label}</span>
    </div>
  );
}
