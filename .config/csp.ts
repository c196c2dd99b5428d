// Its own module so that the README's test reads it without loading the whole build config.
/** The Content Security Policy of the built page: this origin only, no inline script, no eval; WebAssembly may be compiled (the photo reader). */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
