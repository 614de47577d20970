/** UTC ms as Dhan's IST wall-time text `YYYY-MM-DD HH:MM:SS`. */
export const istText = (utcMs: number): string => new Date(utcMs + 19_800_000).toISOString().slice(0, 19).replace('T', ' ');
