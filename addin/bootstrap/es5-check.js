/*
 * Каскад: the first script of taskpane.html, in plain ES5 so that even the Internet Explorer 11
 * engine older Excel uses for add-ins can run it. When the engine is too old for the pane
 * (Trident/MSIE, or no Promise or fetch) it replaces the page with a short Russian explanation and
 * sets window.KASKAD_UNSUPPORTED so the pane bundle does not start.
 * {BROWSER_PAGE_URL} is the address of the same page for an ordinary browser, filled at build time.
 */
(function (window, document) {
  var BROWSER_PAGE_URL = '{BROWSER_PAGE_URL}';

  var userAgent = (window.navigator && window.navigator.userAgent) || '';
  // Trident is IE11 (Office 2016/2019 volume editions); «Edge/» is the old EdgeHTML webview of
  // Excel 2019 (Chromium Edge says «Edg/»), which has Promise and fetch but not the syntax of the pane.
  var oldEngine = /Trident\/|MSIE |Edge\/\d/.test(userAgent);
  var missingFeatures = typeof window.Promise !== 'function' || typeof window.fetch !== 'function';
  if (!oldEngine && !missingFeatures) {
    return;
  }
  window.KASKAD_UNSUPPORTED = true;

  function escapeHtml(text) {
    return String(text)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;');
  }

  var link = escapeHtml(BROWSER_PAGE_URL);
  var html =
    '<div style="font-family: Segoe UI, Arial, sans-serif; font-size: 14px; line-height: 1.4; padding: 12px;">' +
    '<h1 style="font-size: 18px;">Эта версия Excel слишком старая для панели «Каскад»</h1>' +
    '<p>Панель работает в Excel 2021 и новее, в Microsoft 365 и в Excel в браузере. ' +
    'Этот Excel показывает надстройки через устаревший встроенный браузер (Internet Explorer или старый Edge), и панель в нём не запустится.</p>' +
    '<p>Бланки форм всё равно проверяют ввод: в их ячейках действует обычная проверка данных Excel ' +
    '(списки значений, числа, даты).</p>' +
    '<p>Чтобы проверить заполненную форму и подготовить документы, откройте страницу «Каскад» ' +
    'в обычном браузере и выберите файл книги. Файл никуда не отправляется.</p>' +
    '<p><a href="' + link + '" target="_blank" rel="noopener">' + link + '</a></p>' +
    '</div>';

  function show() {
    document.title = 'Каскад: нужна более новая версия Excel';
    document.body.innerHTML = html;
  }

  if (document.body) {
    show();
  } else if (document.addEventListener) {
    document.addEventListener('DOMContentLoaded', show, false);
  } else if (document.attachEvent) {
    document.attachEvent('onreadystatechange', function () {
      if (document.readyState === 'interactive' || document.readyState === 'complete') {
        show();
      }
    });
  }
})(window, document);
