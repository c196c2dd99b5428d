/** What slmgr.vbs's two kinds (/dli and /dlv listings, /ato) share: the command line and the activation types. */

/** The slmgr option a command line runs (`dli`, `dlv`, `ato`, `rearm`, `ipk`, lowercase); undefined when it is not slmgr. */
export function slmgrOption(text: string): string | undefined {
  const slmgr = /^(?:cscript(?:\.exe)?\s[^\n]{0,120}?)?\bslmgr(?:\.vbs)?"?(\s.{0,300})?$/i.exec(text);
  if (!slmgr) return undefined;
  return /(?:^|\s)[-/](dlv|dli|ato|rearm|ipk)\b/i.exec(slmgr[1] ?? '')?.[1]?.toLowerCase();
}
