/**
 * The names the first screen's parts share: the build writes them into the page (vite.config.ts), the boot
 * script and main.tsx read them, and styles.css hides by them (a test checks it names exactly these).
 */

/** The element the app renders into; it holds the prerendered screen of the language shown. */
export const APP_ID = 'app';
/** The element holding the other language's prerendered screen, until the boot script drops it. */
export const OTHER_COPY_ID = 'app-ru';
/** On a prerendered screen, its language; it goes when the app has taken the screen over. */
export const PRERENDERED = 'data-pre';
/** On <html>, when the address asks for a screen other than home: the prerendered home stays hidden. */
export const DEEP_LINK = 'data-deep';
/** On a button or form whose press came before the app ran: the event ('click' or 'submit') to do again. */
export const REPLAY = 'data-replay';
/** On the header's language switch: the language it switches to. */
export const SWITCH_LANG = 'data-switch-lang';
/** The meta tag listing the app's modules, the entry first, for the boot script to load after the first paint. */
export const APP_MODULES = 'app-modules';
