/** Charla's mark: a chat bubble, drawn (no emoji font needed). */
export function BrandMark() {
  return (
    <svg className="brand-mark" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
      <path d="M12 3C6.5 3 2 6.8 2 11.5c0 2.4 1.2 4.6 3.1 6.1L4 21l4.2-2.1c1.2.4 2.5.6 3.8.6 5.5 0 10-3.8 10-8.5S17.5 3 12 3z" fill="#00a884" />
      <circle cx="8" cy="11.5" r="1.3" fill="#fff" /><circle cx="12" cy="11.5" r="1.3" fill="#fff" /><circle cx="16" cy="11.5" r="1.3" fill="#fff" />
    </svg>
  );
}
