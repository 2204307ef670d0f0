/* The analytics and chat services the site's owner turned on in the admin (分析与客服).
   The page names each with a tag <script src="integrations.js" data-service="…" data-id="…">;
   this adds the vendor's own script with that ID. The server checked each ID's form before
   saving it; it is checked again here, so nothing else can reach a script address. The page's
   Content-Security-Policy allows exactly the hosts of the services that are on. */
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me) return;
  var service = me.getAttribute("data-service");
  var id = me.getAttribute("data-id") || "";

  function load(src, extra) {
    var script = document.createElement("script");
    script.src = src;
    script.async = true;
    if (extra) extra(script);
    document.head.appendChild(script);
  }

  var services = {
    baidu_tongji: {
      form: /^[0-9a-f]{32}$/,
      start: function () {
        window._hmt = window._hmt || [];
        load("https://hm.baidu.com/hm.js?" + id);
      }
    },
    aifanfan: {
      form: /^[0-9a-f]{32}$/,
      start: function () {
        window._hmt = window._hmt || [];
        load("https://hm.baidu.com/hm.js?" + id);
      }
    },
    la51: {
      form: /^[A-Za-z0-9]{8,24}$/,
      start: function () {
        load("https://sdk.51.la/js-sdk-pro.min.js", function (script) {
          script.id = "LA_COLLECT";
          script.charset = "UTF-8";
          script.addEventListener("load", function () {
            if (window.LA && window.LA.init) window.LA.init({ id: id, ck: id });
          });
        });
      }
    },
    ga4: {
      form: /^G-[A-Z0-9]{4,12}$/,
      start: function () {
        window.dataLayer = window.dataLayer || [];
        window.gtag = window.gtag || function () { window.dataLayer.push(arguments); };
        window.gtag("js", new Date());
        window.gtag("config", id);
        load("https://www.googletagmanager.com/gtag/js?id=" + encodeURIComponent(id));
      }
    },
    kf53: {
      form: /^[0-9a-f]{32}\/[0-9]{1,3}$/,
      start: function () {
        load("https://tb.53kf.com/code/code/" + id);
      }
    }
  };

  var known = Object.prototype.hasOwnProperty.call(services, service) ? services[service] : null;
  if (known && known.form.test(id)) known.start();
})();
