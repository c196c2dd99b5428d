// Runs before the first paint (a classic script in <head>; the CSP allows no inline script). The page holds
// the home screen in English and in Russian: this says which one to show, as src/i18n/index.ts's
// detectLanguage will decide, and whether a deep link asks for a screen other than home.
(function () {
  var lang = '';
  try {
    lang = localStorage.getItem('afg.lang') || '';
  } catch {
    // storage disabled: the browser's languages decide
  }
  if (lang !== 'en' && lang !== 'ru') {
    lang = 'en';
    var tags = navigator.languages || [navigator.language];
    for (var i = 0; i < tags.length; i++) {
      var base = String(tags[i]).toLowerCase().split('-')[0];
      if (base === 'en' || base === 'ru') {
        lang = base;
        break;
      }
    }
  }
  var root = document.documentElement;
  root.lang = lang;
  var hash = location.hash;
  if (hash && hash !== '#' && hash !== '#/') root.setAttribute('data-deep', '');
  // Keep the one language's screen, so the page holds no second copy of each field; the app takes it over.
  document.addEventListener('DOMContentLoaded', function () {
    var app = document.getElementById('app');
    var other = document.getElementById('app-ru');
    if (!app || !other) return;
    if (lang === 'ru') {
      while (app.firstChild) app.removeChild(app.firstChild);
      while (other.firstChild) app.appendChild(other.firstChild);
      app.setAttribute('data-pre', 'ru');
    }
    other.parentNode.removeChild(other);
  });

  // Until the app has taken the screen over, a button press or an Enter in the field would do nothing (or
  // reload the page): hold it back and mark it, and main.tsx does it once the app runs.
  function holdBack(event) {
    var app = document.getElementById('app');
    if (!app || !app.hasAttribute('data-pre')) return;
    var target = event.type === 'submit' ? event.target : event.target.closest('button');
    if (!target || !app.contains(target)) return;
    event.preventDefault();
    target.setAttribute('data-replay', event.type);
    // A language chosen now is the app's to start in, even if the page moves on before the app runs.
    var lang = target.getAttribute('data-switch-lang');
    if (lang) {
      try {
        localStorage.setItem('afg.lang', lang);
      } catch {
        // not remembered: the press is still done once the app runs
      }
    }
  }
  document.addEventListener('click', holdBack, true);
  document.addEventListener('submit', holdBack, true);

  // The app's modules load once the first screen has painted (the build lists them in a meta tag): the
  // page is readable without them, and on a weak link they would hold up its CSS.
  var done = false;
  function load() {
    var meta = document.querySelector('meta[name="app-modules"]');
    if (done || !meta) return;
    done = true;
    var urls = meta.getAttribute('content').split(' ');
    for (var i = 1; i < urls.length; i++) {
      var link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.href = urls[i];
      document.head.appendChild(link);
    }
    var script = document.createElement('script');
    script.type = 'module';
    script.crossOrigin = '';
    script.src = urls[0];
    document.head.appendChild(script);
  }
  // After the first contentful paint (the browser reports it); where it cannot say, after the page's load
  // and a frame; at once in a tab that is hidden and so never paints; and in any case within 3 seconds.
  var paints = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
  if (paints.indexOf('paint') >= 0) {
    new PerformanceObserver(function (list, observer) {
      if (!list.getEntriesByName('first-contentful-paint').length) return;
      observer.disconnect();
      setTimeout(load, 0);
    }).observe({ type: 'paint', buffered: true });
  } else {
    addEventListener('load', function () {
      requestAnimationFrame(function () {
        setTimeout(load, 0);
      });
    });
  }
  if (document.visibilityState === 'hidden') load();
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') load();
  });
  setTimeout(load, 3000);
})();
