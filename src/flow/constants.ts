/** Constants of the flow format that the app needs at run time (kept apart from zod, which never ships). */

/** The languages every user-facing string must exist in. */
export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The activation types an error code can concern. */
export const ACTIVATION_TYPES = ['MAK', 'KMS client', 'KMS host', 'Retail/OEM'] as const;
export type ActivationType = (typeof ACTIVATION_TYPES)[number];

/**
 * Why a command step's own output cannot answer its question: it opens a window (nothing to paste), its
 * output is set against what only the technician knows, it prints a product key (never read or kept), it
 * prints nothing when it works, or its effect shows only later (in the program once it has restarted, or in
 * the test run next).
 */
export const NO_READING = ['window', 'compare', 'key', 'silent', 'later'] as const;
export type NoReading = (typeof NO_READING)[number];
