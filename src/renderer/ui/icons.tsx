/** Line icons for the section rail, drawn inline so they render the same on every platform font. */
const paths: Record<string, string> = {
  archive: 'M4 5h16v4H4zM5 9v10h14V9M10 13h4',
  tasking: 'M12 3v3M12 18v3M3 12h3M18 12h3M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z',
  orders: 'M6 4h12v16l-3-2-3 2-3-2-3 2zM9 9h6M9 13h6',
  compare: 'M5 20V10M12 20V4M19 20v-7M3 20h18',
  mydata: 'M12 4v10M8 10l4 4 4-4M4 16v3h16v-3',
  aois: 'M5 8l6-4 8 5-2 10H7z',
  accounts: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 20c1-4 4.5-6 8-6s7 2 8 6',
};

export function Icon({ name }: { name: keyof typeof paths | string }) {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={paths[name] ?? ''} />
    </svg>
  );
}
