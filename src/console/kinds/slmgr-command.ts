/** What slmgr.vbs's two kinds (/dli and /dlv listings, /ato and the one-message results) share: the command line. */

// The options the reader tells apart, longest first where one begins another (skms-domain before skms).
const OPTIONS =
  'dlv|dli|dti|ao-list|ato|rearm-app|rearm-sku|rearm|ipk|upk|cpky|atp|rilc|ilc|act-type|skms-domain|ckms-domain|skms|ckms|sprt|sai|sri|spri|cpri|del-ao|ad-activation-online|ad-activation-apply-cid';
const OPTION = new RegExp(`(?:^|\\s)[-/](${OPTIONS})(?![\\w-])`, 'i');

/** The slmgr option a command line runs (`dli`, `dlv`, `ato`, `ipk`, `skms`…, lowercase); undefined when it is not slmgr. */
export function slmgrOption(text: string): string | undefined {
  const slmgr = /^(?:cscript(?:\.exe)?\s[^\n]{0,120}?)?\bslmgr(?:\.vbs)?"?(\s.{0,300})?$/i.exec(text);
  if (!slmgr) return undefined;
  return OPTION.exec(slmgr[1] ?? '')?.[1]?.toLowerCase();
}
